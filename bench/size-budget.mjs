#!/usr/bin/env node
// The size budget of the npm package: the .wasm plus the web JS (the entry, wasm-bindgen's
// glue and its snippets), each gzipped at level 9 as a server sends them — what a phone on a
// slow network downloads before the first check. A browser loads ONE of the package's two
// builds (modern or compat, picked by web/govit_check.js), so each build is held to the
// limits on its own. Exits 1 when either is over.
//
// Two limits, both failing the build:
// - the ceiling of issue #5: the .wasm alone at most 150 KB gzipped;
// - a ratchet on .wasm + JS: the measured size plus ~3 %, lowered as the package shrinks
//   and to be set to the 60 KB target of issue #8 once it fits. History: 139 KB over
//   135.4 KB measured (the Wasm build without float parsing/formatting); 130 KB over
//   126.3 KB (ASCII capitalisation, the cost table's sorted index); raised to 133 KB over
//   131.9 KB by revision 2 of the rules (eight new rules, validity and annex-row messages:
//   +5.6 KB gz of bilingual text) — issue 15 brings it back to 130 KB (clause texts out of
//   the .wasm); raised to 137 KB over 136.1 KB by issue 17 (hostile input, round 2: repeated
//   keys read as JSON.parse reads them, the id and locale of a text that fails, syntax
//   faults said in both languages, the binding's own JSON writer for values JSON cannot
//   carry: +3.5 KB gz over 132.6 KB). Issue 19 (two builds, one entry that picks one): a
//   ratchet per build — the entry web/govit_check.js (+1.0 KB gz) picks the build and turns
//   a WebAssembly failure into the `wasm_unavailable` error; the compat .wasm is ~1.0 KB gz
//   larger (WebAssembly 1.0 code, a standard library rebuilt at opt-level "z"). The target
//   is reported on every run (docs/performance.md says where the bytes go).
//   Raised to 153 KB over 148.6 KB by issue 15 (measured
//   against main's 131.9 KB: form() +13.0 KB — its plain-word hints 5.4, the question
//   tables 2.1, vocabulary labels, section titles and the code that writes the form 5.5 —
//   and the contract §8 readers, invalid findings and nullable change figures +3.7 KB),
//   then brought back to 130 KB by the same issue: the catalogs (rules(), form(): rule
//   titles, clauses, questions, hints, labels) left the .wasm for assets loaded on demand
//   (web/catalog/, written by the native CLI; the library's `catalog` feature), −22.4 KB gz
//   of .wasm, and the web JS shipped without indentation (−0.4 KB): 129.5 KB modern,
//   129.9 KB compat (docs/performance.md, "Issue 15").
//   Revision 3 of the rules took it to 136.0 / 136.5 KB; the size work after it (docs/
//   performance.md, "Size after revision 3": English texts as an asset loaded on demand,
//   std rebuilt without panic machinery and with optimize_for_size, English messages with
//   values as templates) brought it to 115.4 / 115.8 KB, and the fee-table engine and its
//   budget-line reader (issue 23: +13.2 KB gz) to 128.6 / 128.9 KB; its rows' English titles
//   as text keys to 128.3 / 128.7 KB measured: the ratchet is that + 0.5 KB.
//   node bench/size-budget.mjs [PKG_DIR=pkg] [--budget-bytes N]
import path from "node:path";
import { packageSizes, builds } from "./wasm/sizes.mjs";

const TARGET = 60 * 1024;
const RATCHET = { modern: Math.round(128.8 * 1024), compat: Math.round(129.2 * 1024), package: Math.round(129.2 * 1024) };
const WASM_CEILING = 150 * 1024;

const args = process.argv.slice(2);
const flag = args.indexOf("--budget-bytes");
const budgetOf = (build) => (flag >= 0 ? Number(args[flag + 1]) : RATCHET[build ?? "package"]);
const pkgDir = path.resolve(args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--budget-bytes") ?? "pkg");

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let passed = 0;
let failed = 0;
for (const build of builds(pkgDir)) {
  const s = packageSizes(pkgDir, build);
  const name = build ?? "package";
  const budget = budgetOf(build);
  console.log(`${name}: wasm ${kb(s.wasm.gz)} gz (${kb(s.wasm.raw)} raw) + JS ${kb(s.js.gz)} gz (${kb(s.js.raw)} raw) = ${kb(s.total.gz)} gz`);
  console.log(`${name}: budget ${kb(budget)}: ${s.total.gz <= budget ? "within" : "OVER"}; target ${kb(TARGET)}: ` +
    (s.total.gz <= TARGET ? "met" : `missed by ${kb(s.total.gz - TARGET)}`));
  if (s.wasm.gz > WASM_CEILING) {
    console.error(`${name}: the .wasm is over its ${kb(WASM_CEILING)} gzipped ceiling: ${kb(s.wasm.gz)}`);
    failed++;
  } else if (s.total.gz > budget) {
    console.error(`${name}: size budget exceeded by ${s.total.gz - budget} bytes (${s.total.gz} > ${budget}): ` +
      "find what grew (twiggy top on the .wasm) before raising the budget");
    failed++;
  } else {
    passed++;
  }
}
console.log(`size budget: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
