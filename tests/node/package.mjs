// The built npm package under test (GOVIT_PKG), loaded through its Node entry point as
// Node resolves it for `import`. Shared by the tests in this folder.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** The package at `dir`, imported as `import ... from "govit-check"` would. */
export async function load(dir) {
  const root = resolve(dir);
  const meta = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  // Resolves the "." export as Node would for `import` (conditions node, import, default).
  const pick = (t) => typeof t === "string" ? t
    : t && typeof t === "object" ? pick(t.node) ?? pick(t.import) ?? pick(t.default) : undefined;
  const entry = pick(meta.exports?.["."]) ?? meta.module ?? meta.main;
  const mod = await import(pathToFileURL(join(root, entry)).href);
  if (typeof mod.default === "function" && mod.initSync === undefined) await mod.default();
  return mod;
}

/** The package's answer as the contract's JSON text: a verdict, or the thrown error
 * with the fields the CLI's error has, in its order. */
export function packageAnswer(call, cliAnswer) {
  try {
    return JSON.stringify(call());
  } catch (e) {
    assert.ok(typeof e.code === "string", `a clean error: ${e}`);
    const keys = Object.keys(cliAnswer.error ?? { code: 0, field: 0, message: 0 });
    return JSON.stringify({ error: Object.fromEntries(keys.map((k) => [k, e[k]])) });
  }
}
