// The package's two WebAssembly builds and its failure mode, in headless Chromium (the
// system's chromium via playwright-core): the entry pkg/web/govit_check.js picks the modern
// build here, the compat build where the feature probe fails or when asked, and both give
// the CLI's verdict byte for byte; where WebAssembly cannot run (absent, refused by a
// Content Security Policy, a .wasm that does not compile) init() rejects with
// code "wasm_unavailable" and every function throws that same Error. The English texts (not
// in the .wasm) are fetched only by pages that use English, and give the CLI's English.
//   PKG_DIR=pkg EXPECTED=<verdict of examples/application.json> EXPECTED_EN=<the same in
//   English> node --test builds.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launchChromium } from "./serve.mjs";

const root = path.resolve(fileURLToPath(import.meta.url), "../../..");
const pkgDir = path.resolve(process.env.PKG_DIR ?? path.join(root, "pkg"));
const app = await readFile(path.join(root, "examples/application.json"), "utf8");
const expected = process.env.EXPECTED ? (await readFile(process.env.EXPECTED, "utf8")).trim() : null;
// The CLI's verdict on the same application in English (EXPECTED_EN).
const expectedEn = process.env.EXPECTED_EN ? (await readFile(process.env.EXPECTED_EN, "utf8")).trim() : null;

// Each page is /t/NAME.html loading the module /t/NAME.js: a PREAMBLE (what this browser
// lacks), then the package's entry, init(options), one check and one input error.
const run = (preamble, options) => `${preamble}
const out = { requests: [] };
try {
  const g = await import("/web/govit_check.js");
  out.before = g.wasmBuild();
  try {
    await g.default(${JSON.stringify(options ?? null)} ?? undefined);
    out.build = g.wasmBuild();
    out.text = JSON.stringify(g.checkEligibility(${app}));
    try { g.checkEligibility({ regime: "beijing" }); } catch (e) { out.inputError = e.code; }
  } catch (e) {
    out.rejected = { code: e.code, isError: e instanceof Error, message: e.message,
      cause: e.cause && e.cause.name };
    try { g.version(); } catch (e2) { out.callThrows = { same: e2 === e, code: e2.code }; }
  }
} catch (e) {
  out.failure = String(e && e.stack || e);
}
window.__r = out;
`;
const pages = {
  auto: run(""),
  forced: run("", { build: "compat" }),
  // An engine without the modern build's features: the probe does not validate.
  oldEngine: run(`const validate = WebAssembly.validate;
WebAssembly.validate = (bytes) => bytes.byteLength > 100 && validate.call(WebAssembly, bytes);`),
  noWasm: run("delete globalThis.WebAssembly;"),
  corrupt: run(""),
  csp: run(""),
};
// The English texts are not in the .wasm (web/catalog/texts.en.js): a page in English gets
// them with init(); a Chinese page (or one that names no language) only when it first asks
// for English — its check fetches them there and then — or with an English catalog.
const english = (before) => `
const out = {};
try {
  const g = await import("/web/govit_check.js");
  await g.default();
  out.atInit = performance.getEntriesByType("resource").filter((e) => e.name.includes("/catalog/texts.")).length;
  ${before}
  out.text = JSON.stringify(g.checkEligibility({ ...${app}, locale: "en" }));
  out.zh = JSON.stringify(g.checkEligibility(${app}));
  try { g.checkEligibility({ regime: "beijing", locale: "en" }); } catch (e) { out.inputError = [e.code, e.message]; }
} catch (e) {
  out.failure = String(e && e.stack || e);
}
window.__r = out;
`;
pages.englishPage = english("");
pages.englishFirstCall = english("");
pages.englishCatalog = english(`out.rules = (await g.rules("baotou", "en")).rules.length;`);
const langs = { englishPage: "en", englishFirstCall: "zh-CN", englishCatalog: "zh-CN" };
const headers = { csp: { "content-security-policy": "script-src 'self'" } };

let server, browser, base;
before(async () => {
  // The package at /; the test pages under /t/.
  ({ server, base } = await serve(pkgDir, (p, res) => {
    const page = p.match(/^\/t\/(\w+)\.(html|js)$/);
    if (!page || pages[page[1]] === undefined) return false;
    const html = page[2] === "html";
    res.writeHead(200, { "content-type": html ? "text/html" : "text/javascript", ...(html ? headers[page[1]] : {}) });
    const lang = langs[page[1]] ? ` lang="${langs[page[1]]}"` : "";
    res.end(html ? `<!doctype html><html${lang}><meta charset="utf-8"><script type="module" src="/t/${page[1]}.js"></script>` : pages[page[1]]);
    return true;
  }));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens /t/NAME.html in a fresh context; returns window.__r and the package files fetched. */
async function open(name, setup) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const fetched = [];
  const types = {};
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith("/web/")) {
      fetched.push(u.pathname);
      types[u.pathname] = [...(types[u.pathname] ?? []), r.resourceType()];
    }
  });
  if (setup) await setup(page);
  await page.goto(`${base}/t/${name}.html`);
  await page.waitForFunction(() => window.__r !== undefined, null, { timeout: 30000 });
  const r = await page.evaluate(() => window.__r);
  await ctx.close();
  assert.equal(r.failure, undefined, r.failure);
  return { ...r, fetched, types };
}

function assertVerdict(r, build) {
  assert.equal(r.rejected, undefined, JSON.stringify(r.rejected));
  assert.equal(r.build, build);
  assert.equal(JSON.parse(r.text).check, "eligibility");
  if (expected !== null) assert.equal(r.text, expected);
  assert.equal(r.inputError, "unknown_regime");
  const other = build === "modern" ? "compat" : "modern";
  assert.ok(r.fetched.some((f) => f.startsWith(`/web/${build}/`)), r.fetched.join(" "));
  assert.ok(!r.fetched.some((f) => f.startsWith(`/web/${other}/`)), `loaded the ${other} build too: ${r.fetched.join(" ")}`);
  // Chinese, the default: the English texts are not requested (the fee tables' reading data
  // is: init() prefetches it for the cost checks).
  assert.ok(!r.fetched.some((f) => f.includes("/catalog/texts.")), `fetched ${r.fetched.join(" ")}`);
}

/** An English page's run: the CLI's English and Chinese verdicts, texts.en fetched once. */
function assertEnglish(r, how) {
  if (expectedEn !== null) assert.equal(r.text, expectedEn);
  if (expected !== null) assert.equal(r.zh, expected);
  assert.notEqual(r.text, r.zh);
  assert.equal(r.inputError[0], "unknown_regime");
  assert.match(r.inputError[1], /^Unknown regime/);
  assert.deepEqual(r.types["/web/catalog/texts.en.js"], [how], JSON.stringify(r.types));
}

function assertUnavailable(r, cause) {
  assert.equal(r.text, undefined);
  assert.equal(r.rejected.code, "wasm_unavailable");
  assert.equal(r.rejected.isError, true);
  assert.match(r.rejected.message, /cannot run in this browser/);
  if (cause) assert.equal(r.rejected.cause, cause);
  assert.deepEqual(r.callThrows, { same: true, code: "wasm_unavailable" });
}

test("Chromium picks the modern build and gives the CLI's verdict", async () => {
  const r = await open("auto");
  assert.equal(r.before, "modern");
  assertVerdict(r, "modern");
});

test("init({build: 'compat'}): the compat build, the same verdict bytes", async () => {
  assertVerdict(await open("forced"), "compat");
});

test("an engine whose probe fails (no reference types…) loads only the compat build", async () => {
  const r = await open("oldEngine");
  assert.equal(r.before, "compat");
  assertVerdict(r, "compat");
});

test("no WebAssembly at all: init() rejects with wasm_unavailable, functions throw it", async () => {
  const r = await open("noWasm");
  assert.equal(r.before, null);
  assertUnavailable(r);
  assert.deepEqual(r.fetched, ["/web/govit_check.js"]);
});

test("a .wasm that does not compile: wasm_unavailable with the CompileError as cause", async () => {
  const r = await open("corrupt", (page) => page.route("**/*.wasm", (route) =>
    route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("not wasm at all") })));
  assertUnavailable(r, "CompileError");
});

test("a Content Security Policy without 'wasm-unsafe-eval': wasm_unavailable", async () => {
  const r = await open("csp");
  assert.equal(r.before, "modern"); // WebAssembly.validate compiles nothing: CSP allows it
  assertUnavailable(r);
});

test("a page in English (<html lang=en>): init() loads the English texts; English verdicts are the CLI's", async () => {
  const r = await open("englishPage");
  assert.equal(r.atInit, 1);
  assertEnglish(r, "script");
});

test("a Chinese page's first English check fetches the English texts there and then, and answers as the CLI", async () => {
  const r = await open("englishFirstCall");
  assert.equal(r.atInit, 0);
  assertEnglish(r, "xhr");
});

test("rules() in English loads the English texts with the catalog: the checks after it need no fetch", async () => {
  const r = await open("englishCatalog");
  assert.equal(r.atInit, 0);
  assert.ok(r.rules > 0);
  assertEnglish(r, "script");
  assert.ok(r.fetched.includes("/web/catalog/rules.baotou.en.js"), r.fetched.join(" "));
});
