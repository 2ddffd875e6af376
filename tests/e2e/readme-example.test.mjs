// The npm README's form example (pkg-config/README.md, between `form-example:begin` and
// `form-example:end`) is run as written, in headless Chromium, against the package's web
// build — as a module file of a plain page served by `govit-check serve` (its CSP
// included), its import path pointed at the package: it must render a working form for a
// regulation from form() alone and mark each finding at the field it names. The README
// stays at 30 lines of code or fewer, and runs in Chromium 86 (no top-level await, no bare
// import: checked here, and run there by old-chromium/old-chromium.test.mjs).
//
//   node --test readme-example.test.mjs   (scripts/test-portal.sh sets everything up)

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveWww } from "./serve.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = process.env.GOVIT_CLI || join(ROOT, "target/release/govit-check");
const README = readFileSync(join(ROOT, "pkg-config/README.md"), "utf8");
const CODE = /<!-- form-example:begin -->\s*```js\n([\s\S]*?)```\s*<!-- form-example:end -->/.exec(README)[1];

let stopServer;
let baseUrl;
let browser;

before(async () => {
  ({ url: baseUrl, stop: stopServer } = await serveWww(ROOT));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || execSync("command -v chromium").toString().trim(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  stopServer?.();
});

test("the README's example is 30 lines or fewer, with no top-level await and no bare import", () => {
  const lines = CODE.trimEnd().split("\n").length;
  assert.ok(lines <= 30, `${lines} lines`);
  // Top level: the lines that start unindented (the code's own statements) never await.
  const top = CODE.split("\n").filter((l) => !/^\s/.test(l));
  assert.ok(!top.some((l) => /\bawait\b/.test(l)), "top-level await");
  for (const m of CODE.matchAll(/\bfrom\s+"([^"]+)"/g)) assert.match(m[1], /^(\.{0,2}\/)/, `bare import ${m[1]}`);
});

test("the README's example renders a form from form() and marks findings by field", async () => {
  const page = await (await browser.newContext()).newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  // A page as a portal developer writes it: the snippet as its module file, the import
  // path pointed at where this page has the package (www/vendor/, gitignored).
  writeFileSync(join(ROOT, "www/vendor/readme-example.js"), CODE.replace("./node_modules/govit-check/web/", "./govit-check/"));
  writeFileSync(join(ROOT, "www/vendor/readme-example.html"),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><form id="form"></form><p id="outcome"></p><script type="module" src="readme-example.js"></script>');
  await page.goto(`${baseUrl}vendor/readme-example.html`);
  await page.locator("#outcome").filter({ hasText: /\w/ }).waitFor();
  // Every question of Baotou's eligibility sections is there, under its label.
  const fields = await page.locator("#form label").evaluateAll((ls) => ls.map((l) => l.dataset.field));
  const expected = JSON.parse(execFileSync(CLI, ["form", "baotou"], { encoding: "utf8" })).sections
    .filter((s) => s.check === "eligibility").flatMap((s) => s.questions.map((q) => q.field));
  assert.deepEqual(fields, expected);
  // Answer as an applicant would: a new project, not on the government cloud.
  const row = (field) => page.locator(`#form label[data-field="${field}"]`);
  await row("/project/kind").locator("select").selectOption("new");
  await row("/facts/on_gov_cloud").locator("select").selectOption("false");
  await row("/project/investment/total").locator("input").fill("12a");
  await row("/project/investment/total").locator("input").dispatchEvent("change");
  // The verdict equals the CLI's for the same application; each finding at its field.
  const app = {
    regime: "baotou", as_of: "2026-06-15", locale: "zh-CN",
    project: { kind: "new", investment: { total: "12a" } }, facts: { on_gov_cloud: false },
  };
  const verdict = JSON.parse(execFileSync(CLI, ["eligibility", "-"], { input: JSON.stringify(app) }).toString());
  assert.equal(await page.locator("#outcome").textContent(), verdict.outcome);
  const cloud = verdict.findings.find((f) => f.field === "/facts/on_gov_cloud");
  assert.equal(cloud.level, "block");
  assert.equal(await row("/facts/on_gov_cloud").getAttribute("data-level"), "block");
  assert.equal(await row("/facts/on_gov_cloud").locator("output").textContent(), cloud.message);
  const total = verdict.findings.find((f) => f.field === "/project/investment/total");
  assert.equal(total.level, "invalid");
  assert.equal(await row("/project/investment/total").getAttribute("data-level"), "invalid");
  assert.equal(await row("/project/investment/total").locator("output").textContent(), total.message);
  assert.deepEqual(problems, []);
});
