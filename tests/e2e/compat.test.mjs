// The portal's own files use nothing the oldest browser it serves lacks (Chromium 69):
// the code paths old-chromium/ does not walk are guarded here, statically. Syntax is
// checked by es-check (ES2018 + dynamic import) in scripts/test-portal.sh; this file names
// the built-ins, DOM calls and CSS that came later, each with the Chromium that brought it.
//
//   node --test compat.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";

const WWW = join(ROOT, "www");

/** The code without its comments (a `//` after `:` is a URL, kept). */
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");
}

const JS_LATER = [
  [/\.replaceChildren\(/, "Element.replaceChildren (86)"],
  [/\.replaceAll\(/, "String.prototype.replaceAll (85)"],
  [/\bstructuredClone\(/, "structuredClone (98)"],
  [/\.at\(-?\d/, "Array.prototype.at (92)"],
  [/\bObject\.hasOwn\(/, "Object.hasOwn (93)"],
  [/\bPromise\.(allSettled|any)\(/, "Promise.allSettled (76), Promise.any (85)"],
  [/\.matchAll\(/, "String.prototype.matchAll (73)"],
  [/\bObject\.fromEntries\(/, "Object.fromEntries (73)"],
  [/\bglobalThis\b/, "globalThis (71)"],
  [/\bqueueMicrotask\(/, "queueMicrotask (71)"],
  [/\bAbortSignal\.(timeout|any)\(/, "AbortSignal.timeout (103)"],
  [/\bIntl\.(ListFormat|RelativeTimeFormat|Segmenter)\b/, "Intl.ListFormat (72), RelativeTimeFormat (71), Segmenter (87)"],
  [/\.findLast(Index)?\(|\.to(Sorted|Reversed|Spliced)\(/, "findLast (97), toSorted (110)"],
  [/\bfile\.text\(|\bblob\.text\(|\.arrayBuffer\(\)/, "Blob.text / arrayBuffer (76)"],
  [/\?\.|\?\?/, "optional chaining, ?? (80)"],
  [/(\|\||&&|\?\?)=/, "logical assignment (85)"],
  [/\b\d+_\d/, "numeric separators (75)"],
  [/\b\d+n\b/, "BigInt literals (67, ES2020 syntax)"],
  [/\bclass\s+[A-Za-z_$][\w$]*(\s+extends\s+[\w.$]+)?\s*\{[^}]*?\n\s+(static\s+)?#?[A-Za-z_$][\w$]*\s*=(?!=)/, "class fields (72)"],
];

const CSS_LATER = [
  [/:is\(|:where\(/, ":is(), :where() (88): a rule naming them is dropped whole before"],
  [/\binset\s*:/, "inset (87)"],
  [/\baspect-ratio\s*:/, "aspect-ratio (88)"],
];

for (const f of readdirSync(WWW).filter((x) => x.endsWith(".js"))) {
  test(`www/${f} uses no built-in, DOM call or syntax Chromium 69 lacks`, () => {
    const src = code(readFileSync(join(WWW, f), "utf8"));
    for (const [re, what] of JS_LATER) assert.doesNotMatch(src, re, `${f}: ${what}`);
  });
}

test("www/style.css: what old Chromium lacks is guarded or degrades", () => {
  const css = readFileSync(join(WWW, "style.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  for (const [re, what] of CSS_LATER) assert.doesNotMatch(css, re, what);
  // content-visibility with `contain-intrinsic-size: auto …` only inside @supports of it:
  // Chromium 85–94 know the first, not the `auto` of the second, and collapsed the panels.
  const outside = css.replace(/@supports \(contain-intrinsic-size: auto[^{]*\{[^{}]*\{[^}]*\}\s*\}/g, "");
  assert.doesNotMatch(outside, /content-visibility\s*:\s*auto/, "content-visibility: auto outside its @supports");
  // Flex `gap` came in Chromium 84: spacing in flex rows is margins.
  for (const rule of css.split("}")) {
    if (/display\s*:\s*(inline-)?flex/.test(rule)) assert.doesNotMatch(rule, /(^|[;{\s])gap\s*:/, `flex gap: ${rule.trim().slice(0, 80)}`);
  }
  // :focus-visible (86) never stands alone: :focus draws the ring where it is unknown.
  assert.match(css, /^:focus \{ outline: 3px solid/m);
});

test("www/index.html preloads no .wasm itself (preload.js picks the build this browser runs)", () => {
  const html = readFileSync(join(WWW, "index.html"), "utf8");
  assert.doesNotMatch(html, /<link[^>]+href="[^"]+\.wasm"/);
  assert.match(html, /<script type="module" src="preload.js" async><\/script>\s*(<!--[\s\S]*?-->\s*)?<script type="module" src="app.js">/);
  assert.doesNotMatch(html, /http-equiv="Content-Security-Policy"/, "the CSP is the service's header, per browser");
});
