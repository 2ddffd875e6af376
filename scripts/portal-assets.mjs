#!/usr/bin/env node
// What the demo portal needs beside the npm package: the engine's own description of every
// regulation (`form(regime, locale)`) and the list of regulations (`regimes()`), written
// as JSON by the package itself, so the page stays usable where WebAssembly cannot run
// (the checks then go to a server). Same bytes as `govit-check form REGIME --locale L`.
//   node scripts/portal-assets.mjs [PKG_DIR=pkg] [OUT_DIR=www/vendor/forms]
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [pkgDir = "pkg", outDir = "www/vendor/forms"] = process.argv.slice(2);
const engine = createRequire(import.meta.url)(path.resolve(pkgDir, "node/index.cjs"));
mkdirSync(outDir, { recursive: true });
const regimes = engine.regimes(null);
writeFileSync(path.join(outDir, "regimes.json"), JSON.stringify(regimes));
for (const r of regimes.regimes) {
  for (const locale of ["zh-CN", "en"]) {
    writeFileSync(path.join(outDir, `${r.id}.${locale}.json`), JSON.stringify(await engine.form(r.id, locale)));
  }
}
console.log(`portal-assets: ${regimes.regimes.length * 2 + 1} files in ${outDir}`);
