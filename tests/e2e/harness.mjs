// What the portal's e2e tests (portal.test.mjs, drafts.test.mjs) share: the page served by
// `govit-check serve --www` (serve.mjs), today's headless Chromium (Debian's, driven by
// playwright-core), and an applicant's hands — labels, keyboard, mouse. Every page fails
// its test on a console error or warning, a CSP violation, an uncaught page error or a
// request to anything but the local server.

import assert from "node:assert/strict";
import { execFileSync, execSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveWww } from "./serve.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI = process.env.GOVIT_CLI || join(ROOT, "target/release/govit-check");
export const SHOTS = join(ROOT, "docs/screenshots");
export const AS_OF = "2026-06-15"; // Baotou in force: the flows below need a regulation in force
export const TODAY = "2026-12-03"; // the day issue 15 was written: Baotou expired three days before
export const DRAFT_KEY = "govit-check.portal.draft.v2";

export const S = { baseUrl: null, browser: null, context: null, page: null, problems: [], console: [], stop: null };

export async function startAll() {
  assert.ok(existsSync(join(ROOT, "www/vendor/govit-check/govit_check.js")),
    "www/vendor/govit-check/ is missing: run scripts/test-portal.sh (or NO_SERVE=1 scripts/demo.sh)");
  assert.ok(existsSync(join(ROOT, "www/vendor/forms/regimes.json")), "www/vendor/forms/ is missing: node scripts/portal-assets.mjs");
  assert.ok(existsSync(CLI), `${CLI} is missing: cargo build --release`);
  mkdirSync(SHOTS, { recursive: true });
  ({ url: S.baseUrl, stop: S.stop } = await serveWww(ROOT));
  S.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || execSync("command -v chromium").toString().trim(),
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--lang=zh-CN",
    ],
  });
}

export async function stopAll() {
  if (S.browser) await S.browser.close();
  if (S.stop) S.stop();
}

/**
 * Opens the page. `date`: the check date typed in (null: leave today's); `clock`: the
 * browser's today; `init`: a script run before the page's own; `allow`: console messages
 * expected; `storage`: localStorage entries set before the page loads; `route`: more
 * routes (pattern → handler); `wait`: false to not wait for the page to be ready.
 */
export async function openPage(viewport = { width: 1280, height: 900 }, opts = {}) {
  const { date = AS_OF, clock, init, allow = [], storage, route = {}, wait = true } = opts;
  S.context = await S.browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai", acceptDownloads: true, bypassCSP: !!opts.bypassCSP });
  const page = await S.context.newPage();
  S.page = page;
  S.problems = [];
  S.console = [];
  if (clock) await page.clock.setFixedTime(new Date(`${clock}T10:00:00+08:00`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (storage) await page.addInitScript((entries) => {
    if (sessionStorage.getItem("__seeded")) return;
    sessionStorage.setItem("__seeded", "1");
    for (const [k, v] of entries) localStorage.setItem(k, v);
  }, Object.entries(storage));
  if (init) await page.addInitScript(init);
  page.on("console", (m) => {
    S.console.push(`${m.type()}: ${m.text()}`);
    if ((m.type() === "error" || m.type() === "warning") && !allow.some((a) => a.test(m.text()))) {
      S.problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on("pageerror", (e) => S.problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", "localhost"].includes(u.hostname) && !["data:", "blob:"].includes(u.protocol)) {
      S.problems.push(`request to ${r.url()}`);
    }
  });
  for (const [pattern, handler] of Object.entries(route)) await page.route(pattern, handler);
  await page.goto(S.baseUrl);
  if (!wait) return page;
  await page.waitForSelector("body[data-ready=true]", { timeout: 20000 });
  if (date) await page.getByLabel("检查日期", { exact: true }).fill(date);
  return page;
}

/** Closes the page's context; fails on what it collected (see the top). */
export async function closePage() {
  if (!S.page) return;
  const csp = await S.page.evaluate(() => window.__csp).catch(() => []);
  await S.context.close();
  S.page = null;
  assert.deepEqual(csp, [], "CSP violations");
  assert.deepEqual(S.problems, [], "console errors, page errors or non-local requests");
}

export const page = () => S.page;

export const group = (name, root = S.page) => root.getByRole("group", { name, exact: true });

/** Answers a yes/no question by keyboard: focus the option, press Space. */
export async function answer(question, value, root = S.page) {
  const radio = group(question, root).getByLabel(value, { exact: true });
  await radio.focus();
  await S.page.keyboard.press("Space");
  assert.equal(await radio.isChecked(), true, `${question} → ${value}`);
}

/** Types into a labelled field by keyboard (select-all first). */
export async function type(label, text, root = S.page) {
  const input = root.getByLabel(label, { exact: true });
  await input.focus();
  await S.page.keyboard.press("ControlOrMeta+a");
  await S.page.keyboard.press("Delete");
  await S.page.keyboard.type(text);
}

/** Waits until the page has checked everything and brought its sheets up to date. */
export async function settled() {
  await S.page.waitForSelector("body[data-settled=true]", { timeout: 20000 });
}

export async function pageJson(id) {
  return JSON.parse(await S.page.locator(`#${id}`).textContent());
}

/** The same request through the native CLI: `govit-check <check> -`. */
export function cli(check, input) {
  return execFileSync(CLI, [check, "-"], { input: typeof input === "string" ? input : JSON.stringify(input) }).toString().trim();
}

export function* walk(v, path = "") {
  if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) yield* walk(x, `${path}/${k}`);
  else yield [path, v];
}

/** The page's result equals the CLI's bytes for the page's request. */
export async function assertSameAsCli(name, check = name) {
  await settled();
  const request = await pageJson(`json-${name}-request`);
  const text = await S.page.locator(`#json-${name}-result`).textContent();
  const result = JSON.parse(text);
  assert.equal(JSON.stringify(result), cli(check, request), `${name}: page and CLI differ`);
  for (const [k, v] of walk(request)) assert.notEqual(v, "", `empty string sent at ${k}`);
  return { request, result };
}

export const outcome = () => S.page.locator("#verdict-outcome").getAttribute("data-outcome");
export const tone = () => S.page.locator("#verdict-banner").getAttribute("data-tone");

export const BAOTOU_YES = [
  "已纳入项目库 / 滚动储备库 / 项目清单", "已纳入年度建设计划 / 年度投资计划 / 年度拟实施清单",
  "已获上级或行业（业务）主管部门准许", "部署或迁移到政务云", "需求明确、绩效目标明确",
  "已按要求共享（开放、授权运营）数据资源", "已落实信创产品应用要求", "已明确网络安全、数据安全防护措施",
  "已明确商用密码应用方案",
];
export const BAOTOU_NO = [
  "含新建机房、网络、云平台等政务信息化基础设施", "与现有系统功能重复或可被已有系统替代", "存在重大安全隐患",
];

/**
 * Waits two frames: panels off screen are not laid out (content-visibility: auto), so one
 * just scrolled into view is painted at the next frame — a screenshot taken before it
 * shows an empty panel.
 */
export async function painted() {
  await S.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Waits until the page's eligibility request has `key` = `value` (it has re-checked). */
export async function requestHas(key, value) {
  await S.page.waitForFunction(([key, value]) => {
    try {
      return JSON.parse(document.getElementById("json-eligibility-request").textContent)[key] === value;
    } catch (_) {
      return false;
    }
  }, [key, value]);
}

/**
 * Picks a regulation and waits until the page has switched: its form and rule titles load
 * on demand (the package's catalog assets), and the page re-checks once they are in.
 */
export async function chooseRegime(id) {
  await S.page.getByLabel("管理办法").selectOption(id);
  await requestHas("regime", id);
}

export async function fillBaotouProject({ skip = [], total = "150" } = {}) {
  await chooseRegime("baotou");
  await type("项目名称", "市场监管智慧审批系统");
  await S.page.getByLabel(/^项目类型/).selectOption({ label: "新建" });
  if (total !== null) await type("总投资（万元）", total);
  await group("资金来源").getByLabel("市本级财政资金").check();
  for (const q of BAOTOU_YES) if (!skip.includes(q)) await answer(q, "是");
  for (const q of BAOTOU_NO) if (!skip.includes(q)) await answer(q, "否");
}

/** Adds budget lines by keyboard: `[[item, amount], …]`, from line `from` (1-based). */
export async function addCostLines(lines, from = 1) {
  for (const [i, [item, amount]] of lines.entries()) {
    await S.page.getByRole("button", { name: "添加一行" }).press("Enter");
    const line = group(`第 ${from + i} 行`);
    await S.page.keyboard.type(item);
    if (amount !== undefined) await type("金额（万元）", amount, line);
  }
}

export function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The text of a PDF (poppler's pdftotext, layout kept), page by page. */
export function pdfPages(buffer) {
  const file = join(tmpdir(), `govit-portal-${process.pid}-${Date.now()}.pdf`);
  writeFileSync(file, buffer);
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).split("\f").filter((p) => p.trim());
  } finally {
    rmSync(file, { force: true });
  }
}

function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
