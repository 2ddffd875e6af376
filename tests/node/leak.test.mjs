// Inputs JSON.stringify cannot write leave nothing behind in the npm package: 200,000 calls
// with circular objects, getters and toJSON that throw, and nesting deeper than V8's own
// stack, and the JS values wasm-bindgen keeps for the module (its externref table, or the
// JS heap slab of a build without reference types) and the Wasm memory stay as they were.
// (Each such call used to leave one externref slot behind: 1M calls grew the memory from
// 1.2 to 9.9 MB.)
//
//   GOVIT_PKG=/path/to/pkg node --test tests/node/leak.test.mjs
//
// Every build the package ships is tested: each directory under pkg/web holding a
// wasm-bindgen glue (`govit_check.js` with `initSync`) and its `govit_check_bg.wasm`. The
// glue is copied to a scratch directory with one export added that reads its own state.

import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const PKG = process.env.GOVIT_PKG;
const CALLS = Number(process.env.GOVIT_LEAK_CALLS || 200_000);
const skip = PKG ? false : "GOVIT_PKG is not set: build the package (pkg-config/build.sh) and point GOVIT_PKG at pkg/";

/** Directories under pkg/web with a wasm-bindgen web glue and its .wasm. */
function builds() {
  const found = [];
  const visit = (dir, depth) => {
    const glue = join(dir, "govit_check.js");
    if (existsSync(glue) && existsSync(join(dir, "govit_check_bg.wasm"))
      && /\binitSync\b/.test(readFileSync(glue, "utf8"))) found.push(dir);
    if (depth < 2) {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory() && e.name !== "snippets") visit(join(dir, e.name), depth + 1);
      }
    }
  };
  visit(join(resolve(PKG), "web"), 0);
  return found;
}

/** The glue of `dir`, instantiated, with a probe of what it keeps. */
async function instrumented(dir) {
  const scratch = mkdtempSync(join(tmpdir(), "govit-leak-"));
  cpSync(dir, scratch, { recursive: true });
  const glue = join(scratch, "govit_check.js");
  writeFileSync(glue, readFileSync(glue, "utf8") + `
export function __probe() {
  return {
    table: wasm.__wbindgen_externrefs ? wasm.__wbindgen_externrefs.length : null,
    heap: typeof heap !== "undefined" ? heap.length : null,
    memory: wasm.memory.buffer.byteLength,
  };
}
`);
  const mod = await import(pathToFileURL(glue).href);
  mod.initSync({ module: readFileSync(join(scratch, "govit_check_bg.wasm")) });
  return mod;
}

function deep(levels) {
  let x = 1;
  for (let i = 0; i < levels; i++) x = [x];
  return x;
}

/** Inputs JSON.stringify cannot write, for each export: each call answers or throws a
 * clean error, and must leave nothing behind. */
function hostileCalls(g) {
  const circular = { regime: "baotou", project: { kind: "new" } };
  circular.project.investment = circular;          // at a field a check reads
  const circularExtra = { regime: "baotou" };
  circularExtra.self = circularExtra;              // under a key no check reads
  const throwingGetter = { regime: "baotou", get project() { throw new Error("getter"); } };
  const throwingToJson = { regime: "baotou", project: { toJSON() { throw new Error("toJSON"); } } };
  const tooDeep = { regime: "baotou", x: deep(20_000) };
  const bigint = { item: "camera", amount: 12n };
  const cost = { item: "camera", amount: NaN, conditions: { assessed: () => true } };
  return [
    () => g.checkEligibility(circular),
    () => g.checkEligibility(circularExtra),
    () => g.checkEligibility(throwingGetter),
    () => g.checkEligibility(throwingToJson),
    () => g.checkEligibility(tooDeep),
    () => g.classifyCost(bigint),
    () => g.classifyCost(cost),
    () => g.evaluate({ check: "change", input: circular }),
    () => g.rules(circular, "en"),
  ];
}

const dirs = PKG ? builds() : [null];
test("the package has a build to test", { skip }, () => {
  assert.ok(dirs.length > 0, `no wasm-bindgen web glue with its .wasm under ${PKG}/web`);
});
for (const dir of dirs) {
  const name = dir ? relative(resolve(PKG), dir) : "(no package)";
  test(`${name}: ${CALLS} calls with inputs JSON.stringify cannot write leave the externref table (or JS heap) and the Wasm memory as they were`, { skip }, async () => {
    const g = await instrumented(dir);
    const calls = hostileCalls(g);
    const run = (n) => {
      for (let i = 0; i < n; i++) {
        try {
          calls[i % calls.length]();
        } catch (e) {
          assert.ok(typeof e.code === "string", `a clean error: ${e}`);
        }
      }
    };
    // Warm up (the allocator and the table reach their working size), then measure.
    run(10 * calls.length);
    const before = g.__probe();
    assert.ok(before.table !== null || before.heap !== null, "the glue keeps JS values somewhere");
    run(CALLS);
    const after = g.__probe();
    assert.deepEqual(after, before, `${CALLS} calls: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
    // And the module still answers.
    const v = g.checkEligibility({ regime: "baotou", as_of: "2026-06-15", project: { kind: "new" } });
    assert.equal(v.check, "eligibility");
  });
}
