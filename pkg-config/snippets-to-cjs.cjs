// Rewrites wasm-bindgen's inline_js snippets (ES modules) under DIR to CommonJS, for the
// --target nodejs build that require()s them: `export function f` / `export const c`
// become plain declarations plus one `module.exports`. Anything else it cannot rewrite
// is an error, so a changed snippet never ships half-converted.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : p.endsWith(".js") ? [p] : [];
  });
}

for (const file of walk(process.argv[2])) {
  const names = [];
  const body = fs
    .readFileSync(file, "utf8")
    .replace(/^export (function|const|let) ([A-Za-z_$][\w$]*)/gm, (_, kw, name) => {
      names.push(name);
      return `${kw} ${name}`;
    });
  if (/^\s*(export|import)\b/m.test(body)) {
    console.error(`snippets-to-cjs: cannot rewrite ${file}`);
    process.exit(1);
  }
  fs.writeFileSync(file, `"use strict";\n${body}\nmodule.exports = { ${names.join(", ")} };\n`);
}
