#!/usr/bin/env node
// The demo portal for people: how long a keystroke takes to show its updated verdict, and
// how long a cold load takes to a usable form, in headless Chromium (Debian's).
//   node bench/portal/run.mjs [--quick] [--json OUT.json] [--www DIR] [--chromium86]
// (--www: serve another copy of the page, e.g. one with a change to compare against;
// --chromium86: the keystrokes also in real Chromium 86, from tests/e2e/old-chromium/)
// Needs www/vendor/ (scripts/test-portal.sh or NO_SERVE=1 scripts/demo.sh) and
// playwright-core (npm ci --prefix tests/e2e).
//
// Keystroke → updated verdict: in the page, an `input` event on a field (the value set as
// a keystroke leaves it), the page's own handler (the check and the update of what
// changed), then a forced style and layout of the document — the verdict is on screen at
// the next paint. Timed with performance.now() around those, the median over a mix of
// edits that change the verdict (total across the supervision limit, "287." on the way to
// "287.5", a typo "12a", an answer that blocks and unblocks) and edits that change
// nothing it says (the project name). Also with the CPU slowed 4× (CDP
// Emulation.setCPUThrottlingRate), as a low-end phone.
//
// Cold load → usable form: a fresh browser context, navigation start to the form built
// and checked (the page's `govit-ready` performance mark), median of several loads.
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;
const wwwDir = args.includes("--www") ? path.resolve(args[args.indexOf("--www") + 1]) : undefined;
const { chromium } = createRequire(path.join(root, "tests/e2e/package.json"))("playwright-core");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

const { serveWww } = await import(pathToFileURL(path.join(root, "tests/e2e/serve.mjs")).href);
const { url: base, stop } = await serveWww(root, wwwDir);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || execSync("command -v chromium").toString().trim(),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});

async function open(throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  await page.goto(base);
  await page.waitForSelector("body[data-ready=true]", { timeout: 60000 });
  const load = await page.evaluate(() => performance.getEntriesByName("govit-ready")[0].startTime);
  return { context, page, load };
}

/**
 * In the page: N edits, each an `input` event on a field as a keystroke leaves it, timed
 * from the event to the style and layout of what it changed (run by playwright in today's
 * Chromium and by puppeteer in Chromium 86: plain ES2018).
 */
async function timeEdits(n) {
  const total = document.getElementById("q-project-investment-total");
  const name = document.getElementById("f-name");
  const cloudNo = document.getElementById("q-facts-on_gov_cloud-no");
  const cloudYes = document.getElementById("q-facts-on_gov_cloud-yes");
  const edits = [
    () => { total.value = "150"; return total; },
    () => { total.value = "287."; return total; },
    () => { total.value = "287.5"; return total; },
    () => { total.value = "12a"; return total; },
    () => { total.value = "150"; return total; },
    () => { cloudNo.checked = true; return cloudNo; },
    () => { cloudYes.checked = true; return cloudYes; },
    () => { name.value = `系统${name.value.length}`; return name; },
  ];
  const out = [];
  for (let i = 0; i < n; i++) {
    const el = edits[i % edits.length]();
    const t0 = performance.now();
    el.dispatchEvent(new Event("input", { bubbles: true }));
    void document.body.offsetHeight; // style and layout of what the edit changed
    out.push(performance.now() - t0);
    if (i % 8 === 7) await new Promise((r) => setTimeout(r, 0)); // let timers (the draft) run
  }
  return out;
}

/** A Baotou application, then N edits timed in the page. */
async function keystrokes(throttle, rounds) {
  const { context, page } = await open(throttle);
  await page.getByLabel("检查日期", { exact: true }).fill("2026-06-15");
  await page.getByLabel("管理办法").selectOption("baotou");
  // The form loads on demand (a catalog asset): the page switches once it is in.
  await page.waitForFunction(() => {
    try {
      return JSON.parse(document.getElementById("json-eligibility-request").textContent).regime === "baotou";
    } catch (_) {
      return false;
    }
  });
  await page.getByLabel(/^项目类型/).selectOption({ label: "新建" });
  await page.getByRole("group", { name: "资金来源", exact: true }).getByLabel("市本级财政资金").check();
  const times = await page.evaluate(timeEdits, rounds);
  await context.close();
  return times.slice(edits0(rounds)); // the first round warms V8 up
}

function edits0(rounds) {
  return Math.min(16, Math.floor(rounds / 4));
}

async function coldLoads(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const { context, load } = await open(1);
    out.push(load);
    await context.close();
  }
  return out;
}

/**
 * The same in real Chromium 86 (the kernel of 360安全浏览器 13: WebAssembly, the compat
 * build) — tests/e2e/old-chromium/ must be installed (scripts/test-portal.sh does).
 */
async function keystrokesChromium86(rounds) {
  const { BUILDS, launch } = await import(pathToFileURL(path.join(root, "tests/e2e/old-chromium/chromium.mjs")).href);
  const old = await launch(BUILDS.find((b) => b.major === 86));
  try {
    const page = await old.newPage();
    await page.goto(base);
    await page.waitForFunction(() => document.body.dataset.ready === "true", { polling: 100, timeout: 60000 });
    const set = (sel, v, prop = "value") => page.$eval(sel, (el, [v2, p]) => {
      el[p] = v2;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, [v, prop]);
    await set("#f-as_of", "2026-06-15");
    await set("#f-regime", "baotou");
    await page.waitForFunction(() => document.getElementById("q-facts-on_gov_cloud-no"), { polling: 100 });
    await set("#q-project-kind", "new");
    await set("#q-project-funding-local_fiscal", true, "checked");
    const version = await old.version();
    const times = await page.evaluate(timeEdits, rounds);
    return { times: times.slice(edits0(rounds)), version };
  } finally {
    await old.close();
  }
}

const rounds = quick ? 80 : 800;
const results = {};
for (const throttle of [1, 4]) {
  const t = await keystrokes(throttle, rounds);
  results[`keystroke_${throttle}x`] = { median_ms: median(t), p90_ms: p90(t), n: t.length };
}
if (args.includes("--chromium86")) {
  const { times, version } = await keystrokesChromium86(rounds);
  results.keystroke_chromium86 = { median_ms: median(times), p90_ms: p90(times), n: times.length, version };
}
const loads = await coldLoads(quick ? 3 : 11);
results.cold_load = { median_ms: median(loads), n: loads.length };
results.chromium = browser.version();
await browser.close();
stop();

const f = (x) => x.toFixed(2);
console.log(`portal (headless Chromium ${results.chromium})`);
for (const throttle of [1, 4]) {
  const r = results[`keystroke_${throttle}x`];
  console.log(`keystroke → updated verdict, CPU ${throttle}×: median ${f(r.median_ms)} ms, p90 ${f(r.p90_ms)} ms (${r.n} edits)`);
}
if (results.keystroke_chromium86) {
  const r = results.keystroke_chromium86;
  console.log(`keystroke → updated verdict in ${r.version} (compat build): median ${f(r.median_ms)} ms, p90 ${f(r.p90_ms)} ms (${r.n} edits)`);
}
console.log(`cold load → usable form: median ${f(results.cold_load.median_ms)} ms (${results.cold_load.n} loads)`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
