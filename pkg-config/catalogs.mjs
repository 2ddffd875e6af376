#!/usr/bin/env node
// Writes the package's catalogs (pkg-config/build.sh): for every regulation of the native
// CLI's registry (`govit-check regimes`), its rule catalog and its form in every locale,
// each the CLI's exact bytes (`govit-check rules|form REGIME --locale L`, without the line
// end), as an ES module `web/catalog/<check>.<regime>.<locale>.js` whose default export is
// that JSON text:
//   export default "{\"check\":\"rules\",…}";
// the texts the .wasm leaves out (`texts.en.js`, below), and an index of them
// (catalog/index.js). Browsers import one (through the index) when rules() or form() first
// needs it (the texts: see web/govit_check.js); Node reads the text back out of the same
// file (node/index.cjs). The WebAssembly build leaves the catalogs out (the library without
// its `catalog` feature) and the English texts (without `english`): these files are their
// only copy.
//   node pkg-config/catalogs.mjs CLI OUT_DIR
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [cli, outDir] = process.argv.slice(2);
if (!cli || !outDir) {
  console.error("usage: node pkg-config/catalogs.mjs CLI OUT_DIR");
  process.exit(2);
}
// The library's locales (Locale::ALL), by their canonical tags.
const LOCALES = ["zh-CN", "en"];
const run = (...args) => execFileSync(cli, args, { encoding: "utf8", maxBuffer: 64 << 20 });

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const listed = JSON.parse(run("regimes")).regimes;
const regimes = listed.map((r) => r.id);
let n = 0;
for (const regime of regimes) {
  for (const check of ["rules", "form"]) {
    for (const locale of LOCALES) {
      const out = run(check, regime, "--locale", locale);
      if (!out.endsWith("\n") || out.indexOf("\n") !== out.length - 1) throw new Error(`${check} ${regime} ${locale}: not one line`);
      const text = out.slice(0, -1);
      const answer = JSON.parse(text);
      if (answer.check !== check || answer.regime !== regime) throw new Error(`${check} ${regime} ${locale}: ${text.slice(0, 200)}`);
      writeFileSync(path.join(outDir, `${check}.${regime}.${locale}.js`), `export default ${JSON.stringify(text)};\n`);
      n++;
    }
  }
}
// Each fee table's reading data (the cost checks' lexicon: docs/cost.md), for every
// regulation the CLI lists with `fee_table: true`: the text the library holds with its
// `catalog` feature (`src/regimes/<regime>/reading.txt`, included there), its comment and
// blank lines left out (the library reads none of them), as `reading.<regime>.js`. The
// binding asks for it the first time a cost check needs it.
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const readings = [];
for (const { id } of listed.filter((r) => r.fee_table)) {
  const full = readFileSync(path.join(root, "src", "regimes", id, "reading.txt"), "utf8");
  // Blanks are spaces, tabs and CRs: the library's reading_digest (src/rules/fees) reads
  // the lines the same way, and refuses an asset whose digest is not its build's.
  const text = full.split("\n").filter((l) => /^[ \t\r]*[^ \t\r#]/.test(l)).join("\n") + "\n";
  writeFileSync(path.join(outDir, `reading.${id}.js`), `export default ${JSON.stringify(text)};\n`);
  readings.push(`reading.${id}`);
  n++;
}
// The texts the WebAssembly build leaves out (the library without its `english` feature):
// every English message and label, `texts.en.js`, its default export the CLI's answer to
// `govit-check texts --locale en` (one JSON string: the ruleset_id, then each text after a
// NUL). Chinese, the default, is always in the .wasm and has none.
const TEXT_LOCALES = LOCALES.filter((l) => l !== "zh-CN");
for (const locale of TEXT_LOCALES) {
  const out = run("texts", "--locale", locale);
  if (!out.endsWith("\n") || out.indexOf("\n") !== out.length - 1) throw new Error(`texts ${locale}: not one line`);
  const text = JSON.parse(out);
  if (typeof text !== "string" || !text.startsWith(`${JSON.parse(run("version")).ruleset_id}\0`)) throw new Error(`texts ${locale}: ${out.slice(0, 200)}`);
  writeFileSync(path.join(outDir, `texts.${locale}.js`), `export default ${out.slice(0, -1)};\n`);
  n++;
}
// The index: each catalog's import() under its name, every path a literal, so that bundlers
// (which do not follow a computed path inside a dependency) emit each catalog as a chunk of
// its own; the entry imports the index, then the one catalog asked for.
const names = regimes.flatMap((regime) => ["rules", "form"].flatMap((check) => LOCALES.map((l) => `${check}.${regime}.${l}`)))
  .concat(readings, TEXT_LOCALES.map((l) => `texts.${l}`));
writeFileSync(path.join(outDir, "index.js"),
  `export default {\n${names.map((n) => `${JSON.stringify(n)}: () => import(${JSON.stringify(`./${n}.js`)}),\n`).join("")}};\n`);
console.log(`catalogs: ${n} files in ${outDir} (${regimes.length} regulations × rules, form × ${LOCALES.join(", ")}; reading data: ${readings.join(", ") || "none"}; texts ${TEXT_LOCALES.join(", ")})`);
