// The package's Node entry with each WebAssembly build and where WebAssembly cannot run:
// GOVIT_CHECK_WASM picks the build (modern by default), both give the same verdict bytes;
// without WebAssembly (`node --jitless`) or with a .wasm that does not compile, importing
// and requiring still succeed, and init() rejects / every function throws an Error whose
// code is "wasm_unavailable" with the original error as `cause`.
//   PKG_DIR=pkg node --test node-builds.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(fileURLToPath(import.meta.url), "../../..");
const pkgDir = path.resolve(process.env.PKG_DIR ?? path.join(root, "pkg"));

/** Runs SCRIPT (an ES module) in a fresh Node with `govit-check` = PKG; returns its JSON. */
function inNode(script, { pkg = pkgDir, env = {}, flags = [] } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "govit-node-"));
  try {
    mkdirSync(path.join(dir, "node_modules"));
    symlinkSync(pkg, path.join(dir, "node_modules", "govit-check"));
    writeFileSync(path.join(dir, "t.mjs"), script);
    const out = execFileSync(process.execPath, [...flags, "t.mjs"], { cwd: dir, env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "ignore"] });
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const VERDICT = `
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import * as g from "govit-check";
const cjs = createRequire(import.meta.url)("govit-check");
const app = JSON.parse(readFileSync(${JSON.stringify(path.join(root, "examples/application.json"))}, "utf8"));
await g.default();
console.log(JSON.stringify({ build: g.wasmBuild(), cjsBuild: cjs.wasmBuild(), text: JSON.stringify(g.checkEligibility(app)) }));
`;

const UNAVAILABLE = `
import { createRequire } from "node:module";
const out = {};
const g = await import("govit-check"); // never throws
const cjs = createRequire(import.meta.url)("govit-check");
out.build = g.wasmBuild();
const seen = (e) => ({ code: e.code, isError: e instanceof Error, message: e.message, cause: e.cause && e.cause.name });
await g.default().then(() => { out.init = "resolved"; }, (e) => { out.init = seen(e); });
try { g.checkEligibility({}); } catch (e) { out.call = seen(e); }
try { cjs.version(); } catch (e) { out.cjsCall = seen(e); }
try { g.initSync(); } catch (e) { out.initSync = seen(e); }
console.log(JSON.stringify(out));
`;

test("Node: the modern build by default; GOVIT_CHECK_WASM=compat gives the same verdict bytes", () => {
  const modern = inNode(VERDICT);
  const compat = inNode(VERDICT, { env: { GOVIT_CHECK_WASM: "compat" } });
  assert.equal(modern.build, "modern");
  assert.equal(modern.cjsBuild, "modern");
  assert.equal(compat.build, "compat");
  assert.equal(compat.cjsBuild, "compat");
  assert.equal(JSON.parse(modern.text).check, "eligibility");
  assert.equal(compat.text, modern.text);
});

function assertUnavailable(r, cause) {
  assert.equal(r.build, null);
  for (const k of ["init", "call", "cjsCall", "initSync"]) {
    assert.equal(r[k]?.code, "wasm_unavailable", `${k}: ${JSON.stringify(r[k])}`);
    assert.equal(r[k].isError, true);
    assert.match(r[k].message, /cannot run here/);
    assert.equal(r[k].cause, cause);
  }
}

test("Node without WebAssembly (--jitless): import works, then wasm_unavailable everywhere", () => {
  assertUnavailable(inNode(UNAVAILABLE, { flags: ["--jitless"] }), "ReferenceError");
});

test("Node with a .wasm that does not compile: wasm_unavailable, CompileError as cause", () => {
  const broken = mkdtempSync(path.join(os.tmpdir(), "govit-broken-"));
  try {
    cpSync(pkgDir, broken, { recursive: true });
    writeFileSync(path.join(broken, "web/modern/govit_check_bg.wasm"), "not wasm at all");
    assertUnavailable(inNode(UNAVAILABLE, { pkg: broken }), "CompileError");
    // The other build is untouched and still runs.
    assert.equal(inNode(VERDICT, { pkg: broken, env: { GOVIT_CHECK_WASM: "compat" } }).build, "compat");
  } finally {
    rmSync(broken, { recursive: true, force: true });
  }
});
