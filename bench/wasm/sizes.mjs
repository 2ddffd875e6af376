// Gzipped sizes of the npm package as a browser downloads it: the .wasm and the web JS
// glue (wasm-bindgen's govit_check.js and its inline snippets), each gzipped at level 9
// as a server would send it. Shared by run.mjs and ../size-budget.mjs.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

function filesUnder(dir, ext) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const br = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** { wasm: {raw, gz, br}, js: {raw, gz, br, files}, total: {raw, gz, br} } for pkgDir. */
export function packageSizes(pkgDir) {
  const web = path.join(pkgDir, "web");
  const wasmFile = filesUnder(web, ".wasm")[0];
  if (!wasmFile) throw new Error(`no .wasm under ${web}: build the package first (pkg-config/build.sh)`);
  const wasm = readFileSync(wasmFile);
  const jsFiles = filesUnder(web, ".js").sort();
  // The JS glue as one download (a bundler concatenates it).
  const js = Buffer.concat(jsFiles.map((f) => readFileSync(f)));
  const w = { raw: wasm.length, gz: gz(wasm), br: br(wasm) };
  const j = { raw: js.length, gz: gz(js), br: br(js), files: jsFiles.map((f) => path.relative(pkgDir, f)) };
  return { wasm: w, js: j, total: { raw: w.raw + j.raw, gz: w.gz + j.gz, br: w.br + j.br } };
}
