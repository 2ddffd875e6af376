#!/usr/bin/env node
// What the demo portal needs beside the npm package: the list of regulations (`regimes()`),
// written as JSON by the package itself, so the page stays usable where WebAssembly cannot
// run (the checks then go to a server; the forms are the package's own catalog assets,
// which need no WebAssembly).
//   node scripts/portal-assets.mjs [PKG_DIR=pkg] [OUT_DIR=www/vendor/forms]
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [pkgDir = "pkg", outDir = "www/vendor/forms"] = process.argv.slice(2);
const engine = createRequire(import.meta.url)(path.resolve(pkgDir, "node/index.cjs"));
mkdirSync(outDir, { recursive: true });
const regimes = engine.regimes(null);
writeFileSync(path.join(outDir, "regimes.json"), JSON.stringify(regimes));
console.log(`portal-assets: regimes.json in ${outDir}`);
