// Gzipped sizes of the npm package as a browser downloads it, per WebAssembly build: the
// build's .wasm and the web JS it loads (the entry web/govit_check.js, the build's
// wasm-bindgen glue and its inline snippets), each gzipped at level 9 as a server would send
// it. A browser loads exactly one build (web/govit_check.js imports only the one it picks).
// Shared by run.mjs and ../size-budget.mjs.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

/** The builds a package directory holds: ["modern", "compat"], or [null] for a one-build package. */
export function builds(pkgDir) {
  const web = path.join(pkgDir, "web");
  const found = ["modern", "compat"].filter((b) => existsSync(path.join(web, b, "govit_check_bg.wasm")));
  return found.length ? found : [null];
}

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

/**
 * { build, wasm: {raw, gz, br}, js: {raw, gz, br, files}, total: {raw, gz, br} } for one
 * build of pkgDir (default: its first, "modern").
 */
export function packageSizes(pkgDir, build = builds(pkgDir)[0]) {
  const web = path.join(pkgDir, "web");
  const dir = build ? path.join(web, build) : web;
  const wasmFile = filesUnder(dir, ".wasm")[0];
  if (!wasmFile) throw new Error(`no .wasm under ${dir}: build the package first (pkg-config/build.sh)`);
  const wasm = readFileSync(wasmFile);
  const entry = path.join(web, "govit_check.js");
  const jsFiles = (build ? [entry, ...filesUnder(dir, ".js").sort()] : filesUnder(web, ".js").sort());
  // The JS as one download (a bundler concatenates it).
  const js = Buffer.concat(jsFiles.map((f) => readFileSync(f)));
  const w = { raw: wasm.length, gz: gz(wasm), br: br(wasm) };
  const j = { raw: js.length, gz: gz(js), br: br(js), files: jsFiles.map((f) => path.relative(pkgDir, f)) };
  return { build, wasm: w, js: j, total: { raw: w.raw + j.raw, gz: w.gz + j.gz, br: w.br + j.br } };
}
