// The English texts through the npm package: the package's WebAssembly leaves every English
// message and label out and loads them at the first call that needs one (the asset
// web/catalog/texts.en.js, which the native library writes; docs/performance.md, "Size
// after revision 3").
// So every case of the conformance corpus is run again in English — its input given
// `"locale": "en"` where it names no locale — through the CLI's batch and the package's
// `evaluate`, and the answers (verdicts and errors) must be byte-identical: a text missing
// from the asset, or one the wrong key finds, shows here.
//
//   GOVIT_PKG=/path/to/pkg GOVIT_CLI=/path/to/govit-check node --test tests/node/english.test.mjs
//
// Without GOVIT_PKG and GOVIT_CLI the tests are skipped, and say so.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { load, packageAnswer } from "./package.mjs";

const PKG = process.env.GOVIT_PKG;
const CLI = process.env.GOVIT_CLI;
const skip = PKG && CLI ? false
  : "GOVIT_PKG and GOVIT_CLI are not both set: build the package (pkg-config/build.sh) and the CLI (cargo build --release)";

const root = path.resolve(fileURLToPath(import.meta.url), "../../..");

/** Every case of the corpus (tests/corpus.json: every *.jsonl under each folder, by path). */
function corpus() {
  const def = JSON.parse(readFileSync(path.join(root, "tests/corpus.json"), "utf8"));
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".jsonl")) files.push(p);
    }
  };
  for (const folder of def.folders) {
    const dir = path.join(root, folder);
    assert.ok(existsSync(dir), `corpus folder ${folder} is missing`);
    walk(dir);
  }
  files.sort();
  return files.flatMap((f) => readFileSync(f, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)));
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** The corpus in English: each case whose input is an object, given `locale: "en"`
 * unless it names a locale (then it stays as it is). */
function english() {
  return corpus()
    .filter((c) => typeof c.check === "string" && isObject(c.input))
    .map((c) => ({ check: c.check, input: "locale" in c.input ? c.input : { ...c.input, locale: "en" } }));
}

test("the corpus in English: the CLI's batch answers and the package's evaluate are byte-identical", { skip }, async () => {
  const g = await load(PKG);
  const cases = english();
  assert.ok(cases.length > 1000, `${cases.length} cases`);
  const lines = cases.map((c, i) => JSON.stringify({ id: i, check: c.check, input: c.input }));
  const out = execFileSync(CLI, ["batch", "-"], {
    input: lines.join("\n") + "\n", maxBuffer: 1 << 30, encoding: "utf8",
  }).trimEnd().split("\n");
  assert.equal(out.length, cases.length);
  const differ = [];
  let inEnglish = 0;
  cases.forEach((c, i) => {
    const line = JSON.parse(out[i]);
    assert.equal(line.id, i);
    const cli = JSON.stringify(line.verdict ?? { error: line.error });
    // Catalogs (rules, form) are assets the package answers from as they are.
    if (c.check !== "rules" && c.check !== "form" && /[A-Z][a-z]+ [a-z]+/.test(cli)) inEnglish++;
    const pkg = packageAnswer(() => g.evaluate(c), line);
    if (cli !== pkg) differ.push(`${c.check} ${JSON.stringify(c.input).slice(0, 160)}\n  CLI:     ${cli.slice(0, 400)}\n  package: ${pkg.slice(0, 400)}`);
  });
  assert.equal(differ.length, 0, `${differ.length} of ${cases.length} differ:\n${differ.slice(0, 10).join("\n")}`);
  // The run did speak English: most answers hold English sentences.
  assert.ok(inEnglish > cases.length / 2, `${inEnglish} of ${cases.length} answers in English`);
});

// Chinese, the default, needs no English text: a Chinese answer must not look one up (were
// it to, the package would load texts.en.js and answer the same — so only this shows it: a
// browser on a Chinese page would fetch the English texts for nothing). Every Chinese case
// of the corpus through the build's own glue with no catalog source, where a look-up of
// an English text throws `catalog_not_loaded` naming texts.en.
test("the corpus in Chinese looks up no English text", { skip: PKG ? false : "GOVIT_PKG is not set" }, () => {
  const build = process.env.GOVIT_CHECK_WASM || "modern";
  const glue = createRequire(import.meta.url)(path.join(path.resolve(PKG), "node", build, "govit_check.js"));
  const cases = corpus()
    .filter((c) => typeof c.check === "string" && c.check !== "rules" && c.check !== "form"
      && !(isObject(c.input) && /^\s*en/i.test(String(c.input.locale ?? ""))));
  assert.ok(cases.length > 1000, `${cases.length} cases`);
  const asked = [];
  for (const c of cases) {
    try {
      glue.evaluate({ check: c.check, input: c.input });
    } catch (e) {
      if (e && e.code === "catalog_not_loaded" && String(e.catalog).startsWith("texts.")) {
        asked.push(`${c.check} ${JSON.stringify(c.input).slice(0, 200)}`);
      }
    }
  }
  assert.equal(asked.length, 0, `${asked.length} Chinese answers looked up English texts:\n${asked.slice(0, 10).join("\n")}`);
});
