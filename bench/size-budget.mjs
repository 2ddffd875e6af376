#!/usr/bin/env node
// The size budget of the npm package: the .wasm plus the web JS glue, gzipped, at most
// 60 KB (61,440 bytes) — what a phone on a slow network downloads before the first check.
// Fails (exit 1) when the package grows past it. A second, looser ceiling (150 KB for the
// .wasm alone) lives in scripts/test-wasm.sh.
//   node bench/size-budget.mjs [PKG_DIR=pkg] [--budget-bytes N]
import path from "node:path";
import { packageSizes } from "./wasm/sizes.mjs";

const args = process.argv.slice(2);
const flag = args.indexOf("--budget-bytes");
const budget = flag >= 0 ? Number(args[flag + 1]) : 60 * 1024;
const pkgDir = path.resolve(args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--budget-bytes") ?? "pkg");

const s = packageSizes(pkgDir);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`wasm ${kb(s.wasm.gz)} gz (${kb(s.wasm.raw)} raw) + JS ${kb(s.js.gz)} gz (${kb(s.js.raw)} raw) = ${kb(s.total.gz)} gz; budget ${kb(budget)}`);
if (s.total.gz > budget) {
  console.error(`size budget exceeded by ${s.total.gz - budget} bytes: the package's .wasm + JS is ${s.total.gz} bytes gzipped, the budget ${budget}`);
  process.exit(1);
}
console.log("size budget: 1 passed, 0 failed");
