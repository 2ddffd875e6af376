"use strict";
// govit-check for Node (CommonJS): the modern WebAssembly build is compiled and
// instantiated synchronously on require, so every function is ready at once.
// GOVIT_CHECK_WASM=compat loads the compat build instead (the one old browsers get; the
// tests run the corpus through both). `init()` / `initSync()` exist so that code written for
// the browser build runs unchanged; they do nothing once the module is ready.
// Should WebAssembly be unable to run (absent — e.g. `node --jitless` —, or the .wasm failing
// to compile), requiring does not throw: init() rejects and initSync() and every function
// throw an Error whose `code` is "wasm_unavailable", the original error as its `cause`.
// The catalogs (rules(), form()) are not in the .wasm but in ../web/catalog/<name>.js (their
// default export the CLI's JSON text), read from there the first time each is asked for, so
// evaluate() answers them at once. rules() and form() return Promises, as in browsers. So is
// each fee table's reading data (reading.<regime>.js): read the first time a cost check
// needs it, so the cost checks answer at once too.
const fs = require("fs");
const path = require("path");
const BUILDS = ["modern", "compat"];
const wanted = process.env.GOVIT_CHECK_WASM || "modern";
if (BUILDS.indexOf(wanted) < 0) {
  throw new TypeError(`govit-check: GOVIT_CHECK_WASM must be "modern" or "compat" (got ${wanted})`);
}

let wasm;
let failure;
try {
  if (typeof WebAssembly !== "object" || WebAssembly === null) {
    throw new ReferenceError("WebAssembly is not defined");
  }
  wasm = wanted === "compat" ? require("./compat/govit_check.js") : require("./modern/govit_check.js");
} catch (e) {
  failure = new Error(`govit-check cannot run here: WebAssembly is unavailable (${String(e && e.message)}). ` +
    "No check can run in this process.");
  failure.code = "wasm_unavailable";
  failure.cause = e;
}

function api() {
  if (failure !== undefined) throw failure;
  return wasm;
}

const catalogs = new Map(); // catalog name → its JSON text (undefined: no such file)
/** The JSON text of the catalog `name` (a name the .wasm gives), read once. */
function catalogText(name) {
  if (!catalogs.has(name)) {
    let text;
    try {
      const js = fs.readFileSync(path.join(__dirname, "..", "web", "catalog", `${name}.js`), "utf8");
      const m = /^export default ("[^\n]*");\n$/.exec(js);
      text = m ? JSON.parse(m[1]) : undefined;
    } catch (_) {
      text = undefined;
    }
    catalogs.set(name, text);
  }
  return catalogs.get(name);
}
if (failure === undefined) wasm.setCatalogSource(catalogText);
// The build's own functions when it runs (no extra call), else ones that throw `failure`.
const fn = (name) => (failure === undefined ? wasm[name] : () => api());

module.exports = {
  checkEligibility: fn("checkEligibility"),
  classifyCost: fn("classifyCost"),
  classifyCosts: fn("classifyCosts"),
  classifyProject: fn("classifyProject"),
  checkChange: fn("checkChange"),
  evaluate: fn("evaluate"),
  regimes: fn("regimes"),
  rules: async (regime, locale) => api().rules(regime, locale),
  form: async (regime, locale) => api().form(regime, locale),
  version: fn("version"),
  /** "modern" or "compat": the build this process runs; null when WebAssembly is unavailable. */
  wasmBuild: () => (failure === undefined ? wanted : null),
  initSync() {
    api();
  },
  /** As in browsers; here the reading data of the cost checks is read when first needed. */
  ready: async function ready() {
    api();
  },
  default: async function init() {
    api();
  },
};
