// The demo portal in real old Chromium builds (chromium.mjs: chrome-aws-lambda's headless
// Chromium 69, 72, 80, 85 and 86, driven by puppeteer-core 5.3.1), as an applicant there
// uses it: the page gets ready, checks live — in the browser where WebAssembly runs (85,
// 86: the package's compat build, under the CSP the service sends those browsers), else
// through the service beside the page (69–80), saying so and logging why — and every
// verdict on the page is the release CLI's bytes for the page's request; the form is
// filled by keyboard and mouse; the 预检单 prints (Page.printToPDF, read with pdftotext);
// a draft comes back after a reload and a crafted one does not break the page; the README's
// plain-page snippet runs (85, 86). Screenshots of 86 and 69 go to docs/screenshots/.
//
//   node --test old-chromium.test.mjs        (scripts/test-portal.sh sets everything up)
//   OLD_CHROMIUM=86,69 node --test …         some builds only

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { dirname, join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { BUILDS, launch } from "./chromium.mjs";
import { serveWww } from "../serve.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const CLI = process.env.GOVIT_CLI || join(ROOT, "target/release/govit-check");
const SHOTS = join(ROOT, "docs/screenshots");
const AS_OF = "2026-06-15";
const only = (process.env.OLD_CHROMIUM || "").split(",").filter(Boolean).map(Number);
const builds = only.length ? BUILDS.filter((b) => only.includes(b.major)) : BUILDS;

let baseUrl;
let stopServer;

before(async () => {
  ({ url: baseUrl, stop: stopServer } = await serveWww(ROOT));
  mkdirSync(SHOTS, { recursive: true });
  // The README's plain-page snippet as a page serves it: a module file and a page loading it.
  const readme = readFileSync(join(ROOT, "pkg-config/README.md"), "utf8");
  const code = /<!-- form-example:begin -->\s*```js\n([\s\S]*?)```\s*<!-- form-example:end -->/.exec(readme)[1];
  writeFileSync(join(ROOT, "www/vendor/readme-example.js"), code.replace("./node_modules/govit-check/web/", "./govit-check/"));
  writeFileSync(join(ROOT, "www/vendor/readme-example.html"),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><form id="form"></form><p id="outcome"></p><script type="module" src="readme-example.js"></script>');
});

after(() => stopServer && stopServer());

/** The release CLI's answer to `input`, as its bytes (without the line end). */
function cli(check, input) {
  return execFileSync(CLI, [check, "-"], { input: JSON.stringify(input) }).toString().trim();
}

/** GET with a User-Agent: the response's headers. */
function headersFor(url, ua) {
  return new Promise((ok, fail) => {
    get(url, { headers: { "user-agent": ua } }, (res) => {
      res.resume();
      ok(res.headers);
    }).on("error", fail);
  });
}

for (const build of builds) {
  const wasm = build.major >= 85;
  describe(`Chromium ${build.major} (${build.release})`, () => {
    let browser;
    let page;
    let problems;

    before(async () => {
      browser = await launch(build);
    });
    after(async () => {
      if (browser) await browser.close();
    });

    let wasmFetched = [];
    let logged = [];

    async function open(path = "", { draft } = {}) {
      const context = await browser.createIncognitoBrowserContext();
      page = await context.newPage();
      problems = [];
      wasmFetched = [];
      logged = [];
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      page.on("console", (m) => {
        const text = m.text();
        logged.push(text);
        // The page says why it checks through the service: expected below 85, nowhere else.
        if (m.type() === "warning" && /^govit-check portal: WebAssembly cannot run here/.test(text) && !wasm) return;
        if (["error", "warning"].includes(m.type())) problems.push(`console ${m.type()}: ${text}`);
      });
      page.on("request", (r) => {
        if (/\.wasm$/.test(r.url())) wasmFetched.push(new URL(r.url()).pathname);
        if (!r.url().startsWith(baseUrl) && !/^(data|blob):/.test(r.url())) problems.push(`request to ${r.url()}`);
      });
      if (draft !== undefined) {
        await page.goto(`${baseUrl}favicon.svg`);
        await page.evaluate((d) => localStorage.setItem("govit-check.portal.draft.v2", d), draft);
      }
      await page.goto(baseUrl + path);
      if (!path) await ready();
      return page;
    }

    async function close() {
      const context = page.browserContext();
      await context.close();
      assert.deepEqual(problems, [], "page errors, console errors or warnings, outside requests");
    }

    const ready = () => page.waitForFunction(() => document.body.dataset.ready === "true", { polling: 100, timeout: 30000 });
    const settled = () => page.waitForFunction(() => document.body.dataset.settled === "true", { polling: 100, timeout: 30000 });
    const text = (sel) => page.$eval(sel, (el) => el.textContent);

    // Element actions through the page's own DOM calls: puppeteer's page.click, page.focus
    // and page.select never return in Chromium 69 (the protocol calls they make first).
    const focus = (sel) => page.$eval(sel, (el) => el.focus());
    const click = (sel) => page.$eval(sel, (el) => el.click());

    /**
     * Types into an input by keyboard, its old text selected first. A character no key
     * makes (Chinese, full-width digits) comes as an IME would send it: a `char` key event
     * (Input.insertText, what puppeteer uses for them, is Chromium 72+).
     */
    async function type(sel, value) {
      await focus(sel);
      await page.$eval(sel, (el) => el.select());
      await page.keyboard.press("Backspace");
      for (const ch of value) {
        if (/^[\x20-\x7e]$/.test(ch)) await page.keyboard.type(ch);
        else await page._client.send("Input.dispatchKeyEvent", { type: "char", text: ch, unmodifiedText: ch });
      }
    }

    /** Picks an option as a click does (puppeteer's page.select hangs in Chromium 69). */
    async function choose(sel, value) {
      await page.$eval(sel, (el, v) => {
        el.value = v;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
      }, value);
    }

    async function setDate(value) {
      await page.$eval("#f-as_of", (el, v) => {
        el.value = v;
        el.dispatchEvent(new Event("input", { bubbles: true }));
      }, value);
    }

    async function chooseRegime(id) {
      await choose("#f-regime", id);
      await page.waitForFunction((r) => document.querySelector('[data-ptr="/project/investment/total"]')
        && JSON.parse(document.getElementById("json-eligibility-request").textContent || "{}").regime === r, { polling: 100, timeout: 30000 }, id);
    }

    /** The page's verdict equals the CLI's bytes for the page's request. */
    async function sameAsCli(name, check = name) {
      await settled();
      const request = JSON.parse(await text(`#json-${name}-request`));
      const result = await text(`#json-${name}-result`);
      assert.equal(result, cli(check, request), `${name}: the page and the CLI differ`);
      return { request, result: JSON.parse(result) };
    }

    async function fillBaotou(total = "150") {
      await setDate(AS_OF);
      await chooseRegime("baotou");
      await type("#f-name", "市场监管智慧审批系统");
      await choose("#q-project-kind", "new");
      await type("#q-project-investment-total", total);
      await click("#q-project-funding-local_fiscal");
      for (const f of ["in_project_library", "in_annual_plan", "authority_approved", "on_gov_cloud", "needs_clear", "data_shared",
        "xinchuang_compliant", "security_plan", "crypto_plan"]) await click(`#q-facts-${f}-yes`);
      for (const f of ["new_infrastructure", "duplicates_existing_system", "major_security_risk"]) await click(`#q-facts-${f}-no`);
    }

    const TIMEOUT = { timeout: 180000 };

    test("the page gets ready and says where the checks run (and why)", TIMEOUT, async () => {
      const ua = await browser.userAgent();
      const csp = (await headersFor(baseUrl, ua))["content-security-policy"];
      assert.match(csp, wasm ? /script-src 'self' 'unsafe-eval';/ : /script-src 'self';/, "the CSP the service sends this browser");
      await open();
      const mode = await page.evaluate(() => document.body.dataset.mode);
      assert.equal(mode, wasm ? "wasm" : "server");
      // The one build that runs here, fetched once (preloaded, then used); none below 85.
      assert.deepEqual(wasmFetched, wasm ? ["/vendor/govit-check/compat/govit_check_bg.wasm"] : []);
      const notice = await page.$eval("#engine-notice", (el) => (el.hidden ? "" : el.textContent));
      if (wasm) assert.equal(notice, "");
      else {
        assert.ok(logged.some((t) => /^govit-check portal: WebAssembly cannot run here \(this browser's WebAssembly lacks multi-value/.test(t)), "the reason is logged");
        assert.match(notice, /本站的检查服务/);
        assert.match(notice, /技术原因：this browser's WebAssembly lacks multi-value/);
      }
      assert.doesNotMatch(await page.evaluate(() => document.body.textContent), /提交后由服务器检查/);
      await close();
    });

    test("live verdicts equal the CLI's bytes: eligibility, a bad amount, budget lines, a change", TIMEOUT, async () => {
      await open();
      await fillBaotou();
      let { result } = await sameAsCli("eligibility");
      assert.equal(result.outcome, "eligible");
      assert.equal(await text("#verdict-route"), "审批");
      await click("#q-facts-on_gov_cloud-no");
      ({ result } = await sameAsCli("eligibility"));
      assert.equal(result.outcome, "ineligible");
      assert.equal(await page.$eval('[data-ptr="/facts/on_gov_cloud"]', (el) => el.dataset.state), "block");
      // "1," on the way to a number: no mark while typing; an invalid finding once left.
      await type("#q-project-investment-total", "1,");
      ({ result } = await sameAsCli("eligibility"));
      assert.ok(result.findings.some((f) => f.level === "invalid" && f.field === "/project/investment/total"));
      assert.notEqual(await page.$eval('[data-ptr="/project/investment/total"]', (el) => el.dataset.state || ""), "invalid");
      await page.keyboard.press("Tab");
      await page.waitForFunction(() => document.querySelector('[data-ptr="/project/investment/total"]').dataset.state === "invalid", { polling: 100 });
      await type("#q-project-investment-total", "２８０");
      await sameAsCli("eligibility");
      // Budget lines (Baotou has no fee table: the page says whose it uses).
      assert.match(await text("#cost-table-note"), /未设费用范围表/);
      for (const [item, amount] of [["摄像头", "12.5"], ["差旅费", "3"], ["预备费", "6"]]) {
        await click("#cost-add");
        const id = await page.$eval("#cost-lines > fieldset:last-child", (el) => el.id);
        await type(`#${id}-item`, item);
        await type(`#${id}-amount`, amount);
      }
      await page.keyboard.press("Tab");
      const costs = await sameAsCli("costs");
      assert.equal(costs.request.items.length, 3);
      assert.match(await text("#cost-compare"), /合计 21\.5 万元.*总投资 280 万元/);
      // A change.
      await type("#ch-approved_total", "1000");
      await click("#ch-goal_changed-no");
      await choose("#ch-reason", "technical_optimization");
      const line = await page.$eval("#change-lines > fieldset", (el) => el.id);
      await type(`#${line}-name`, "数据治理子系统");
      await type(`#${line}-approved`, "300");
      await type(`#${line}-proposed`, "280");
      const change = await sameAsCli("change");
      assert.equal(change.result.outcome, "file");
      assert.equal(await page.$eval("#change-outcome", (el) => el.dataset.outcome), "file");
      if (build.major === 86 || build.major === 69) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(SHOTS, `portal-chromium-${build.major}.png`) });
      }
      await close();
    });

    test("panels off screen keep their height (no collapse to the padding)", TIMEOUT, async () => {
      await open();
      const heights = await page.evaluate(() => ["#sec-costs", "#sec-change", "#sec-guide"].map((s) => document.querySelector(s).getBoundingClientRect().height));
      for (const hgt of heights) assert.ok(hgt > 150, `a panel off screen is ${hgt}px high`);
      await close();
    });

    test("the 预检单 prints: answers, verdict, budget, ruleset_id, print time", TIMEOUT, async () => {
      await open();
      await fillBaotou("300");
      await click("#cost-add");
      const id = await page.$eval("#cost-lines > fieldset:last-child", (el) => el.id);
      await type(`#${id}-item`, "摄像头");
      await type(`#${id}-amount`, "12.5");
      const { result } = await sameAsCli("eligibility");
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      await page.emulateMediaType("print");
      const pdf = await page._client.send("Page.printToPDF", { printBackground: false, paperWidth: 8.27, paperHeight: 11.69 });
      const file = join(tmpdir(), `govit-old-${build.major}-${process.pid}.pdf`);
      writeFileSync(file, Buffer.from(pdf.data, "base64"));
      const sheet = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      for (const want of ["政务信息化项目申报预检单", "市场监管智慧审批系统", "核对申报信息", "预算明细", "摄像头", "打印时间",
        result.regulation.title, result.ruleset_id]) {
        assert.ok(sheet.includes(want), `the printed sheet lacks ${want}`);
      }
      await page.emulateMediaType("screen");
      await close();
    });

    test("a draft comes back after a reload; a crafted one does not break the page", TIMEOUT, async () => {
      await open();
      await fillBaotou();
      await settled();
      const before = JSON.parse(await text("#json-eligibility-request"));
      await page.reload();
      await ready();
      await setDate(AS_OF);
      const { request } = await sameAsCli("eligibility");
      assert.deepEqual(request, before);
      await close();
      await open("", { draft: JSON.stringify({ format: "govit-check-portal", version: 2, eligibility: { regime: "baotou", project: { unit_level: { toString: 1 } } }, costs: { items: [null] } }) });
      await type("#f-name", "可以继续填写");
      const { request: r2 } = await sameAsCli("eligibility");
      assert.equal(r2.project.name, "可以继续填写");
      assert.equal(r2.regime, "baotou");
      assert.match(await text("#draft-status"), /无法读取，已略去/);
      await close();
    });

    if (wasm) {
      test("the README's plain-page snippet runs (no top-level await, no bare import)", TIMEOUT, async () => {
        await open("vendor/readme-example.html");
        await page.waitForFunction(() => /\w/.test(document.getElementById("outcome").textContent), { polling: 100, timeout: 30000 });
        const row = (f) => `#form label[data-field="${f}"]`;
        await choose(`${row("/project/kind")} select`, "new");
        await choose(`${row("/facts/on_gov_cloud")} select`, "false");
        const app = { regime: "baotou", as_of: "2026-06-15", locale: "zh-CN", project: { kind: "new" }, facts: { on_gov_cloud: false } };
        const verdict = JSON.parse(cli("eligibility", app));
        assert.equal(await text("#outcome"), verdict.outcome);
        const cloud = verdict.findings.find((f) => f.field === "/facts/on_gov_cloud");
        assert.equal(await page.$eval(row("/facts/on_gov_cloud"), (el) => el.dataset.level), cloud.level);
        assert.equal(await page.$eval(`${row("/facts/on_gov_cloud")} output`, (el) => el.value), cloud.message);
        await close();
      });
    }
  });
}
