// End-to-end tests of the demo portal (www/) in headless Chromium (Debian's), driven as an
// applicant would: through labels and the keyboard. Every test fails on a console error,
// a CSP violation, an uncaught page error or a request to anything but the local server,
// and checks that the page's verdict equals the release CLI's for the same request.
//
//   node --test portal.test.mjs   (scripts/test-portal.sh sets everything up)
//
// Needs: pkg/ built (pkg-config/build.sh) and copied to www/vendor/govit-check/, and
// target/release/govit-check. Screenshots go to docs/screenshots/.

import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, execSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { askedFields } from "./probe.mjs";
import { FOLLOW_UPS, regimeFields } from "../../www/questions.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = process.env.GOVIT_CLI || join(ROOT, "target/release/govit-check");
const SHOTS = join(ROOT, "docs/screenshots");
const AS_OF = "2026-11-22";

let server;
let baseUrl;
let browser;
let context;
let page;
let problems;

async function startServer() {
  server = spawn("python3", [join(ROOT, "scripts/serve-www.py"), "--port", "0", "--dir", join(ROOT, "www")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  baseUrl = await new Promise((ok, fail) => {
    let buf = "";
    server.stdout.on("data", (d) => {
      buf += d;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(buf);
      if (m) ok(m[1]);
    });
    server.on("exit", (code) => fail(new Error(`server exited ${code}`)));
    setTimeout(() => fail(new Error("server did not start")), 10000);
  });
}

before(async () => {
  assert.ok(existsSync(join(ROOT, "www/vendor/govit-check/govit_check.js")),
    "www/vendor/govit-check/ is missing: run scripts/test-portal.sh (or NO_SERVE=1 scripts/demo.sh)");
  assert.ok(existsSync(CLI), `${CLI} is missing: cargo build --release`);
  mkdirSync(SHOTS, { recursive: true });
  await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || execSync("command -v chromium").toString().trim(),
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--lang=zh-CN",
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

async function openPage(viewport = { width: 1280, height: 900 }, { setDate = true } = {}) {
  context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  page = await context.newPage();
  problems = [];
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", "localhost"].includes(u.hostname) && u.protocol !== "data:") {
      problems.push(`request to ${r.url()}`);
    }
  });
  await page.goto(baseUrl);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  // The check date is part of the application: fix it so the verdicts do not move.
  if (setDate) await page.getByLabel("检查日期").fill(AS_OF);
  return page;
}

beforeEach(() => { problems = []; });

afterEach(async () => {
  if (page) {
    const csp = await page.evaluate(() => window.__csp).catch(() => []);
    await context.close();
    page = null;
    assert.deepEqual(csp, [], "CSP violations");
    assert.deepEqual(problems, [], "console errors, page errors or non-local requests");
  }
});

// --- helpers ------------------------------------------------------------------------------

const group = (name) => page.getByRole("group", { name, exact: true });

/** Answers a yes/no question by keyboard: focus the option, press Space. */
async function answer(question, value) {
  const radio = group(question).getByLabel(value, { exact: true });
  await radio.focus();
  await page.keyboard.press("Space");
  assert.equal(await radio.isChecked(), true, `${question} → ${value}`);
}

/** Types into a labelled field by keyboard (select-all first). */
async function type(label, text, root = page) {
  const input = root.getByLabel(label, { exact: true });
  await input.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
}

async function pageJson(id) {
  return JSON.parse(await page.locator(`#${id}`).textContent());
}

/** The same request through the native CLI: `govit-check <check> -`. */
function cli(check, input) {
  const out = execFileSync(CLI, [check, "-"], { input: JSON.stringify(input) }).toString();
  return JSON.parse(out);
}

/** The page's result equals the CLI's for the page's request: same keys, same order. */
async function assertSameAsCli(name, check = name) {
  const request = await pageJson(`json-${name}-request`);
  const result = await pageJson(`json-${name}-result`);
  const native = cli(check, request);
  assert.equal(JSON.stringify(result), JSON.stringify(native), `${name}: page and CLI differ`);
  for (const [k, v] of walk(request)) assert.notEqual(v, "", `empty string sent at ${k}`);
  return { request, result };
}

function* walk(v, path = "") {
  if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) yield* walk(x, `${path}/${k}`);
  else yield [path, v];
}

const BAOTOU_YES = [
  "已纳入项目库 / 滚动储备库 / 项目清单", "已纳入年度建设计划 / 年度投资计划 / 年度拟实施清单",
  "已获上级或行业（业务）主管部门准许", "部署或迁移到政务云", "需求明确、绩效目标明确",
  "已按要求共享（开放、授权运营）数据资源", "已落实信创产品应用要求",
  "已明确网络安全、数据安全防护措施", "已明确商用密码应用方案",
];
const BAOTOU_NO = [
  "含新建机房、网络、云平台等政务信息化基础设施", "与现有系统功能重复 / 可被已有系统替代 / 重复设计开发",
  "存在重大安全隐患",
];

async function fillBaotouProject({ skip = [] } = {}) {
  await page.getByLabel("管理办法").selectOption("baotou");
  await type("项目名称", "市场监管智慧审批系统");
  await page.getByLabel("建设性质").selectOption({ label: "新建" });
  await type("总投资（万元）", "150");
  await group("资金来源").getByLabel("本级财政").check();
  for (const q of BAOTOU_YES) if (!skip.includes(q)) await answer(q, "是");
  for (const q of BAOTOU_NO) if (!skip.includes(q)) await answer(q, "否");
}

// --- tests --------------------------------------------------------------------------------

describe("项目申报", () => {
  test("an eligible project: outcome, route, documents, supervision — equal to the CLI", async () => {
    await openPage();
    await fillBaotouProject();
    await assert.doesNotReject(page.locator("#verdict-outcome[data-outcome=eligible]").waitFor());
    await assert.equal((await page.locator("#verdict-outcome").textContent()).trim(), "符合申报条件");
    assert.equal(await page.locator("#verdict-route").textContent(), "审批");
    assert.deepEqual(await page.locator("#verdict-documents li").allTextContents(),
      ["项目建议书", "可行性研究报告", "初步设计", "投资概算"]);
    assert.match(await page.locator("#verdict-summary").textContent(), /符合申报条件/);
    assert.equal(await page.locator("#verdict").locator("[aria-live=polite]").count(), 1);
    const { request, result } = await assertSameAsCli("eligibility");
    assert.equal(result.outcome, "eligible");
    assert.equal(request.project.investment.total, "150");
    assert.equal(result.procedure.supervision_required, false);
    await page.locator("#sec-regime").scrollIntoViewIfNeeded();
  });

  test("a blocked project: the field is highlighted and the message shown next to it", async () => {
    await openPage();
    await fillBaotouProject();
    await answer("部署或迁移到政务云", "否");
    await page.locator("#verdict-outcome[data-outcome=ineligible]").waitFor();
    assert.equal((await page.locator("#verdict-outcome").textContent()).trim(), "不符合申报条件");
    const { result } = await assertSameAsCli("eligibility");
    const finding = result.findings.find((f) => f.rule === "baotou.10.3");
    assert.equal(finding.level, "block");
    assert.equal(finding.field, "/facts/on_gov_cloud");
    const field = page.locator('[data-ptr="/facts/on_gov_cloud"]');
    assert.equal(await field.getAttribute("data-state"), "block");
    assert.match(await field.locator(".msgs").textContent(), new RegExp(escape(finding.message)));
    assert.match(await field.locator(".msgs").textContent(), /第十条第（三）项/);
    assert.equal(await group("部署或迁移到政务云").getByLabel("否", { exact: true }).getAttribute("aria-invalid"), "true");
    // The finding is listed in the verdict with its article and message.
    const item = page.locator("#verdict-findings li", { hasText: finding.message });
    assert.equal(await item.count(), 1);
    assert.match(await item.textContent(), /第十条第（三）项/);
    // Screenshot: desktop, form and verdict side by side at the highlighted field.
    await field.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -200));
    await page.screenshot({ path: join(SHOTS, "portal-desktop.png") });
  });

  test("a missing answer: listed as a question to answer; clicking it focuses the field", async () => {
    await openPage();
    await fillBaotouProject({ skip: ["已纳入项目库 / 滚动储备库 / 项目清单"] });
    await page.locator("#verdict-outcome[data-outcome=incomplete]").waitFor();
    const { request, result } = await assertSameAsCli("eligibility");
    assert.equal("in_project_library" in request.facts, false, "unanswered is absent, not false");
    const missing = result.findings.filter((f) => f.level === "missing");
    assert.deepEqual(missing.map((f) => f.field), ["/facts/in_project_library"]);
    const link = page.locator("#verdict-missing button", { hasText: "已纳入项目库 / 滚动储备库 / 项目清单" });
    await link.focus();
    await page.keyboard.press("Enter");
    const focused = await page.evaluate(() => document.activeElement.closest("[data-ptr]")?.dataset.ptr);
    assert.equal(focused, "/facts/in_project_library");
    assert.equal(await page.locator('[data-ptr="/facts/in_project_library"]').getAttribute("data-state"), "missing");
    // Answer it from there with the keyboard (arrow keys move within the radio group).
    await page.keyboard.press("Space"); // the focused option is 未回答: stays unanswered
    await answer("已纳入项目库 / 滚动储备库 / 项目清单", "是");
    await page.locator("#verdict-outcome[data-outcome=eligible]").waitFor();
    await assertSameAsCli("eligibility");
  });

  test("an input error from the engine is shown at its field", async () => {
    await openPage();
    await page.getByLabel("管理办法").selectOption("baotou");
    await type("总投资（万元）", "-5");
    const result = await pageJson("json-eligibility-result");
    assert.equal(result.error.code, "invalid_value");
    assert.equal(result.error.field, "/project/investment/total");
    assert.deepEqual(result, cli("eligibility", await pageJson("json-eligibility-request")));
    const field = page.locator('[data-ptr="/project/investment/total"]');
    assert.equal(await field.getAttribute("data-state"), "error");
    assert.equal(await page.getByLabel("总投资（万元）").getAttribute("aria-invalid"), "true");
    await type("总投资（万元）", "");
    assert.equal(await field.getAttribute("data-state"), "missing");
    const request = await pageJson("json-eligibility-request");
    assert.equal(request.project?.investment, undefined, "an emptied field is absent, not \"\"");
  });

  test("each regime shows exactly its questions, and the list equals what the engine asks", async () => {
    const engine = createRequire(import.meta.url)(join(ROOT, "pkg/node/index.cjs"));
    await openPage();
    for (const regime of ["wuzhong", "shizuishan", "baotou", "chuxiong", "wulong"]) {
      // The page's list (questions.js) against the engine, probed over kinds, categories,
      // amounts and one level of follow-up answers.
      const listed = regimeFields(regime);
      const asked = askedFields(engine, regime);
      for (const f of asked) assert.ok(listed.includes(f), `${regime}: the engine asks ${f}, the page does not list it`);
      for (const f of listed.filter((p) => p.startsWith("/facts/"))) {
        assert.ok(asked.has(f), `${regime}: the page lists ${f}, the engine never asks it`);
      }
      // What the page shows for an empty application.
      await page.getByLabel("管理办法").selectOption(regime);
      const shown = await page.locator("#fact-fields [data-ptr]:visible").evaluateAll((els) => els.map((e) => e.dataset.ptr));
      const expected = listed.filter((p) => p.startsWith("/facts/") && !FOLLOW_UPS.includes(p));
      assert.deepEqual(shown, expected, `${regime}: questions shown`);
    }
    // A follow-up appears once the engine asks for it.
    await page.getByLabel("管理办法").selectOption("shizuishan");
    const apps = '[data-ptr="/facts/connected_to_ningxia_apps"]';
    assert.equal(await page.locator(apps).isVisible(), false);
    await answer("系统涉及政务服务、便民服务、社会治理、城市管理等内容", "是");
    assert.equal(await page.locator(apps).isVisible(), true);
    await assertSameAsCli("eligibility");
    // Wulong asks whether an upgrade changes the main function only at ≤ 50 万元.
    await page.getByLabel("管理办法").selectOption("wulong");
    const mfc = '[data-ptr="/project/main_function_changed"]';
    await page.getByLabel("建设性质").selectOption("renovation");
    await type("总投资（万元）", "800");
    assert.equal(await page.locator(mfc).isVisible(), false);
    await type("总投资（万元）", "40");
    assert.equal(await page.locator(mfc).isVisible(), true);
    await answer("升级改造改变系统主要功能", "否");
    const { result } = await assertSameAsCli("eligibility");
    assert.equal(result.effective_kind, "maintenance");
    assert.match(await page.locator("#verdict-body").textContent(), /按附件认定的建设性质运行维护/);
  });

  test("regime selector: title and status on the chosen date come from regimes(asOf)", async () => {
    await openPage();
    const options = await page.getByLabel("管理办法").locator("option").allTextContents();
    assert.deepEqual(options, [
      "吴忠市政务信息化专项资金管理办法（试行）（现行有效）",
      "石嘴山市政务信息化项目管理办法（送审稿）（送审稿（未施行））",
      "包头市本级政务信息化项目建设管理办法（试行）（现行有效）",
      "楚雄州政务信息化项目管理办法（试行）（现行有效）",
      "武隆区政务信息化项目管理办法（现行有效）",
    ]);
    await page.getByLabel("管理办法").selectOption("baotou");
    await page.getByLabel("检查日期").fill("2026-12-01");
    assert.match(await page.getByLabel("管理办法").locator("option[value=baotou]").textContent(), /已失效/);
    const { result } = await assertSameAsCli("eligibility");
    assert.equal(result.regulation.status, "expired");
    // Revision 2: out of force, the regulation grounds no verdict — never a pass.
    assert.equal(result.outcome, "not_applicable");
    assert.equal(await page.locator("#verdict-outcome").getAttribute("data-outcome"), "not_applicable");
  });

  test("the page opens on a regulation in force on today's date", async () => {
    await openPage(undefined, { setDate: false });
    const today = await page.getByLabel("检查日期").inputValue();
    const chosen = await page.getByLabel("管理办法").inputValue();
    const status = JSON.parse(execFileSync(CLI, ["regimes", "--as-of", today], { encoding: "utf8" }))
      .regimes.find((r) => r.id === chosen).status;
    assert.equal(status, "in_force", `${chosen} on ${today}`);
  });
});

describe("预算明细", () => {
  test("mixed lines: per-line decisions and the totals", async () => {
    await openPage();
    const lines = [
      ["摄像头", "12.5"],
      ["差旅费", "3"],
      ["电脑", "8"],
      ["服务器存储", "20"],
    ];
    for (const [i, [item, amount]] of lines.entries()) {
      await page.getByRole("button", { name: "添加一行" }).press("Enter");
      const line = group(`第 ${i + 1} 行`);
      // The item input has focus after adding a line: type as an applicant would.
      await page.keyboard.type(item);
      await type("金额（万元）", amount, line);
    }
    const decision = (n) => group(`第 ${n} 行`).locator("[data-decision]").getAttribute("data-decision");
    assert.equal(await decision(1), "included");
    assert.equal(await decision(2), "excluded");
    assert.equal(await decision(3), "needs_information");
    // The conditions the engine asks for appear on the line; answer them.
    const line3 = group("第 3 行");
    await line3.getByRole("group", { name: "与项目/系统紧密相关", exact: true }).getByLabel("是", { exact: true }).check();
    assert.equal(await decision(3), "pending_assessment");
    const line4 = group("第 4 行");
    await line4.getByRole("group", { name: "因特殊需要", exact: true }).getByLabel("否", { exact: true }).check();
    assert.equal(await decision(4), "excluded");
    assert.equal(await page.locator("#cost-total-included").textContent(), "12.5");
    assert.equal(await page.locator("#cost-total-excluded").textContent(), "23");
    assert.equal(await page.locator("#cost-total-pending").textContent(), "8");
    const { result } = await assertSameAsCli("costs");
    assert.deepEqual(result.totals, { included: "12.5", excluded: "23", pending: "8" });
    // A name the table does not know: the engine's error at the line, the rest still totalled.
    await page.getByRole("button", { name: "添加一行" }).click();
    await page.keyboard.type("监控摄象头");
    const err = (await pageJson("json-costs-result")).lines[4].error;
    assert.equal(err.code, "unknown_item");
    const line5 = page.locator('[data-ptr="/item"]').nth(4);
    assert.equal(await line5.getAttribute("data-state"), "error");
    await assertSameAsCli("costs");
    await page.getByRole("button", { name: "删除第 5 行" }).click();
    await assertSameAsCli("costs");
    await page.locator("#sec-costs").scrollIntoViewIfNeeded();
    await page.locator("#sec-costs").screenshot({ path: join(SHOTS, "portal-budget-desktop.png") });
  });
});

describe("变更调整", () => {
  test("a change over 15 %: figures, margins, outcome, authorities", async () => {
    await openPage();
    await page.getByLabel("管理办法").selectOption("baotou");
    await page.getByLabel("检查日期").fill("2026-07-15");
    await type("原批复投资额（万元）", "1000");
    await answer("建设目标是否改变", "否");
    await page.getByLabel("变更原因").selectOption("technical_optimization");
    const l1 = group("调整项 1");
    await type("调整项名称", "数据治理子系统", l1);
    await type("批复金额（万元）", "300", l1);
    await type("调整后金额（万元）", "480", l1);
    await page.getByRole("button", { name: "添加调整项" }).click();
    const l2 = group("调整项 2");
    await type("调整项名称", "硬件设备", l2);
    await type("批复金额（万元）", "200", l2);
    await type("调整后金额（万元）", "40", l2);
    const { result } = await assertSameAsCli("change");
    assert.equal(result.figures.adjustment_ratio, "18");
    assert.equal(result.outcome, "approval_required");
    assert.equal(await page.locator("#change-outcome").getAttribute("data-outcome"), "approval_required");
    assert.equal((await page.locator("#change-outcome").textContent()).trim(), "须重新报批");
    assert.equal(await page.locator('#change-figures [data-figure="adjustment_ratio"] td').textContent(), "18");
    const ratio = page.locator('#change-margins [data-rule="baotou.21.ratio"]');
    assert.match(await ratio.textContent(), /-30/);
    assert.equal(await ratio.getAttribute("class"), "over");
    assert.match(await page.locator("#change-result").textContent(), /市行政审批政务服务与数据管理局/);
    const ratioFinding = result.findings.find((f) => f.rule === "baotou.21.ratio");
    assert.match(await page.locator("#change-findings").textContent(), new RegExp(escape(ratioFinding.message)));
    await page.locator("#sec-change").screenshot({ path: join(SHOTS, "portal-change-desktop.png") });
    // Within the limits: 300 → 400 and 200 → 100 is a 10 % change the unit files itself.
    await type("调整后金额（万元）", "400", l1);
    await type("调整后金额（万元）", "100", l2);
    const ok = await assertSameAsCli("change");
    assert.equal(ok.result.outcome, "file");
    assert.equal((await page.locator("#change-outcome").textContent()).trim(), "可自行调整，报备即可");
  });
});

describe("界面", () => {
  test("中文 / English: the page's labels and the engine's messages switch", async () => {
    await openPage();
    await fillBaotouProject();
    await answer("部署或迁移到政务云", "否");
    await page.getByRole("button", { name: "English", exact: true }).click();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    assert.equal(await page.locator("#h-verdict").textContent(), "Result");
    assert.equal((await page.locator("#verdict-outcome").textContent()).trim(), "Not eligible");
    await page.getByLabel("Total investment (10k yuan)", { exact: true }).waitFor();
    const { request, result } = await assertSameAsCli("eligibility");
    assert.equal(request.locale, "en");
    const finding = result.findings.find((f) => f.rule === "baotou.10.3");
    assert.match(finding.message, /[a-z]{4}/);
    assert.doesNotMatch(finding.message, /[\u4e00-\u9fff]{4}/, "an English message");
    assert.match(await page.locator('[data-ptr="/facts/on_gov_cloud"] .msgs').textContent(), new RegExp(escape(finding.message)));
    await page.locator('[data-ptr="/facts/on_gov_cloud"]').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -200));
    await page.screenshot({ path: join(SHOTS, "portal-english-desktop.png") });
    await page.getByRole("button", { name: "中文", exact: true }).click();
    assert.equal((await page.locator("#verdict-outcome").textContent()).trim(), "不符合申报条件");
    assert.equal((await pageJson("json-eligibility-request")).locale, "zh-CN");
  });

  test("phone width (375 px): no horizontal scrolling; everything reachable", async () => {
    await openPage({ width: 375, height: 812 });
    await fillBaotouProject();
    await answer("部署或迁移到政务云", "否");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await assertSameAsCli("eligibility");
    await page.locator("#verdict").scrollIntoViewIfNeeded();
    await page.locator("#verdict").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: join(SHOTS, "portal-phone.png") });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, "portal-phone-form.png") });
  });

  test("keyboard: every control is reachable with Tab and has a visible label", async () => {
    await openPage(undefined, { setDate: false });
    const unlabeled = await page.evaluate(() => [...document.querySelectorAll("input, select, button")]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const name = el.labels?.[0]?.textContent?.trim() || el.getAttribute("aria-label") || (el.tagName === "BUTTON" && el.textContent.trim());
        return !name;
      }).map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unlabeled, []);
    // Tab from the top reaches the language switch, the regime selector and the first field.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
    const seen = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      seen.push(await page.evaluate(() => document.activeElement.id));
    }
    for (const id of ["lang-switch", "f-regime", "f-as_of", "f-project-name"]) assert.ok(seen.includes(id), `${id} in ${seen}`);
    // The focus ring is visible.
    await page.getByLabel("项目名称").focus();
    const outline = await page.getByLabel("项目名称").evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.equal(outline, "solid");
    // No inline script or handler in the page (CSP).
    const html = await (await fetch(baseUrl)).text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.match(html, /Content-Security-Policy/);
  });
});

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
