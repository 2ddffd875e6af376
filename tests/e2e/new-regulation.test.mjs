// The adding-a-regulation drill through the npm package and the portal
// (scripts/test-new-regulation.sh runs it in its scratch copy, where the template regulation
// docs/regulation-template is added as src/regimes/example/ with its own fee table): a
// regulation the package and the portal were not written for reads budget lines with its
// own table, and every answer is the CLI's bytes.
//   1. Node: regimes() lists it with fee_table true; classifyCost() of a real budget line and
//      classifyCosts() of a small budget are the CLI's `cost -` / `costs -` answers, read by
//      its table (its reading data, web/catalog/reading.<regime>.js, loaded on demand).
//   2. The portal in headless Chromium: choose the regulation, enter a budget line in the
//      budget section, see it classified by that table (its label shown, the CLI's answer).
//
//   GOVIT_PKG=pkg GOVIT_CLI=target/debug/govit-check node --test tests/e2e/new-regulation.test.mjs
//
// Needs: the package built (pkg-config/build.sh; BUILDS=modern is enough), its web build
// copied to www/vendor/govit-check/ and the forms written by scripts/portal-assets.mjs (as
// scripts/test-portal.sh does). REGIME (default "example") names the regulation.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { load, packageAnswer } from "../node/package.mjs";
import { serveWww } from "./serve.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = resolve(process.env.GOVIT_CLI || join(ROOT, "target/release/govit-check"));
const PKG = resolve(process.env.GOVIT_PKG || join(ROOT, "pkg"));
const REGIME = process.env.REGIME || "example";
// A real budget's words, not a row's label: only the table's reading data classifies it.
const ITEM = "视频会议平台运维服务费";
const BUDGET = {
  regime: REGIME,
  items: [
    { item: ITEM, amount: "12.5" },
    { item: "差旅费", amount: "3" },
    { item: "系统维护费", amount: "2.000001" },
    { item: "监控摄象头", amount: "6" },
  ],
};

/** The CLI's answer to `input`: `govit-check <check> -`, its bytes (the exit status aside). */
function cli(check, input) {
  try {
    return execFileSync(CLI, [check, "-"], { input: JSON.stringify(input) }).toString().trim();
  } catch (e) {
    if (e.stdout && e.stdout.length) return e.stdout.toString().trim();
    throw e;
  }
}

/** The answer is its table's: a row of `REGIME`, read from the words (not a row's label). */
function assertReadByTable(a, what) {
  assert.equal(a.error, undefined, `${what}: ${JSON.stringify(a)}`);
  assert.ok(a.matched && a.matched.by === "reading", `${what}: not read from the words: ${JSON.stringify(a.matched)}`);
  assert.ok(typeof a.rule === "string" && a.rule.startsWith(`${REGIME}.`), `${what}: rule ${a.rule} is not ${REGIME}'s`);
  assert.ok(typeof a.label === "string" && a.label !== "" && a.label !== "null", `${what}: label ${a.label}`);
}

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing`);
  assert.ok(existsSync(join(PKG, "package.json")), `${PKG} is missing: pkg-config/build.sh`);
});

describe(`the npm package (Node) reads ${REGIME}'s fee table`, () => {
  let g;
  before(async () => { g = await load(PKG); });

  test("regimes() lists it with its fee table", () => {
    const r = g.regimes(null).regimes.find((x) => x.id === REGIME);
    assert.ok(r, `regimes() does not list ${REGIME}`);
    assert.equal(r.fee_table, true);
    assert.equal(JSON.stringify(g.regimes(null)), execFileSync(CLI, ["regimes"]).toString().trim());
  });

  test("classifyCost() of a real budget line: the CLI's bytes, read by its table", () => {
    const input = { regime: REGIME, item: ITEM };
    const want = cli("cost", input);
    const got = packageAnswer(() => g.classifyCost(input), JSON.parse(want));
    assert.equal(got, want);
    assertReadByTable(JSON.parse(got), ITEM);
  });

  test("classifyCosts() of a small budget: the CLI's bytes, every line answered, totals that add up", () => {
    const want = cli("costs", BUDGET);
    const got = packageAnswer(() => g.classifyCosts(BUDGET), JSON.parse(want));
    assert.equal(got, want);
    const a = JSON.parse(got);
    assert.equal(a.lines.length, BUDGET.items.length);
    assertReadByTable(a.lines[0], ITEM);
    const micro = (s) => BigInt(Math.round(Number(s) * 1e6)); // test arithmetic only, 6 decimals
    const sum = Object.values(a.totals).reduce((acc, v) => acc + micro(v), 0n);
    assert.equal(sum, BUDGET.items.reduce((acc, x) => acc + micro(x.amount), 0n), `totals ${JSON.stringify(a.totals)}`);
  });
});

describe(`the portal reads budget lines with ${REGIME}'s fee table`, () => {
  let server;
  let browser;
  before(async () => {
    assert.ok(existsSync(join(ROOT, "www/vendor/govit-check/govit_check.js")), "www/vendor/govit-check/ is missing");
    server = await serveWww(ROOT);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || execSync("command -v chromium").toString().trim(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--lang=zh-CN"],
    });
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });

  test(`choose ${REGIME}, enter a budget line: classified by its table, as the CLI answers`, async () => {
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]");
    await page.getByLabel("管理办法").selectOption(REGIME);
    await page.waitForFunction((id) => {
      try { return JSON.parse(document.getElementById("json-eligibility-request").textContent).regime === id; } catch (_) { return false; }
    }, REGIME);
    await page.locator("#cost-add").click();
    const line = page.locator(".cost-line").first();
    await line.getByLabel("费用项目").fill(ITEM);
    await line.getByLabel("金额（万元）").fill("12.5");
    await page.waitForFunction((item) => {
      try {
        const r = JSON.parse(document.getElementById("json-costs-request").textContent);
        return r.items[0].item === item && r.items[0].amount === "12.5";
      } catch (_) { return false; }
    }, ITEM);
    const request = JSON.parse(await page.locator("#json-costs-request").textContent());
    const result = JSON.parse(await page.locator("#json-costs-result").textContent());
    assert.equal(request.regime, REGIME, `the page asked another table: ${JSON.stringify(request)}`);
    assert.equal(JSON.stringify(result), cli("costs", request), "page and CLI differ");
    const a = result.lines[0];
    assertReadByTable(a, `the page's ${ITEM}`);
    // What the applicant sees: the decision and the row's label, never "null".
    assert.equal(await line.locator("[data-decision]").getAttribute("data-decision"), a.decision);
    const shown = await line.locator("[data-decision]").textContent();
    assert.ok(shown.includes(a.label), `the line shows ${JSON.stringify(shown)}, not the row ${a.label}`);
    assert.doesNotMatch(shown, /null|undefined/);
    // The item list offers the regulation's own rows.
    const options = await page.locator("#cost-items option").evaluateAll((os) => os.map((o) => o.value));
    assert.ok(options.includes(a.label), `the item list (${options.join("、")}) lacks ${a.label}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
