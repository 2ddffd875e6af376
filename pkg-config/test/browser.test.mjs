// The package in headless Chromium (the system's chromium via playwright-core; no browser
// download): the Vite build of consumer/ and the plain <script type="module"> page, both
// served from APP_DIR on 127.0.0.1, must show the CLI's verdict byte for byte.
//   APP_DIR=<consumer with node_modules/govit-check and dist/> EXPECTED=<verdict JSON file>
//   EXPECTED_EN=<the same verdict in English>
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { serve, launchChromium } from "./serve.mjs";

const root = path.resolve(process.env.APP_DIR ?? ".");
const expected = process.env.EXPECTED ? (await readFile(process.env.EXPECTED, "utf8")).trim() : null;
const expectedEn = process.env.EXPECTED_EN ? (await readFile(process.env.EXPECTED_EN, "utf8")).trim() : null;

let server, browser, base;

before(async () => {
  ({ server, base } = await serve(root));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function verdictOf(page, url) {
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.__govit !== undefined, null, { timeout: 20000 });
  const r = await page.evaluate(() => window.__govit);
  assert.equal(r.failure, undefined, r.failure);
  assert.deepEqual(problems, []);
  return r;
}

for (const [name, url] of [["Vite build", "/dist/index.html"], ["<script type=module>", "/plain.html"]]) {
  test(`browser (${name}): a check in Chromium gives the CLI's verdict`, async () => {
    const page = await browser.newPage();
    const r = await verdictOf(page, base + url);
    const v = JSON.parse(r.text);
    assert.equal(v.check, "eligibility");
    assert.equal(v.ruleset, r.version);
    if (expected !== null) assert.equal(r.text, expected);
    // In English too (the texts are an asset: fetched by the first English check in the
    // Vite page, loaded with form() in English in the plain one).
    assert.equal(JSON.parse(r.english).check, "eligibility");
    assert.notEqual(r.english, r.text);
    if (expectedEn !== null) assert.equal(r.english, expectedEn);
    if (r.error) assert.deepEqual(r.error, { code: "unknown_regime", field: "/regime", isError: true });
    // form() and rules() loaded their catalogs (assets of the package) on demand.
    assert.ok(r.catalogs.form > 0 && r.catalogs.rules > 0, JSON.stringify(r.catalogs));
    if (process.env.SCREENSHOT_DIR && name === "Vite build") {
      await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, "vite-page.png") });
    }
    await page.close();
  });
}
