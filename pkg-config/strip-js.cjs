"use strict";
// Shrinks the web JS every browser downloads before its first check (pkg-config/build.sh):
// the entry web/govit_check.js, each build's wasm-bindgen glue and its inline snippets.
// Removes whole-line comments (`// …` lines and `/** … */` blocks: the d.ts carries the docs)
// and the indentation of every line — nothing else, so the code is the same code, line for
// line. Indentation is only insignificant outside multi-line strings: a file with a line
// that could open or close one (an odd number of backticks, a line ending in a backslash)
// is refused, so that a change of wasm-bindgen's output is noticed rather than broken.
//   node pkg-config/strip-js.cjs FILE...
const fs = require("fs");

let failed = false;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, "utf8")
    .replace(/^[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, "")
    .replace(/^[ \t]*\/\/.*\n/gm, "");
  const risky = text.split("\n").findIndex((l) => l.split("`").length % 2 === 0 || /\\$/.test(l));
  if (risky >= 0) {
    console.error(`strip-js: ${file}: line ${risky + 1} (without comments) may continue a string on the next line`);
    failed = true;
    continue;
  }
  fs.writeFileSync(file, text.replace(/^[ \t]+/gm, ""));
}
process.exit(failed ? 1 : 0);
