// govit-check for browsers and bundlers (pkg/web/govit_check.js): picks one of the
// package's two WebAssembly builds and loads only that one (docs/performance.md, "Old
// browsers"):
//   modern/  rustc's default features (reference types, bulk memory, sign-ext, non-trapping
//            float-to-int, multi-value): Chromium >= 96, Firefox >= 79, Safari >= 15;
//            smaller and ~12 % fewer instructions a call;
//   compat/  WebAssembly 1.0 + mutable globals + multi-value: Chromium >= 85, Firefox >= 78,
//            Safari >= 14 (the kernels of 360 安全浏览器 13 and the first 信创 browsers).
// PROBE is a 52-byte module using every feature the modern build needs (pkg-config/web/
// probe.wat); WebAssembly.validate compiles nothing, so even a strict CSP allows it. Both
// builds give the same verdict, byte for byte (the corpus runs through each in CI).
// When WebAssembly cannot run at all — absent, refused by a Content Security Policy or a
// policy, the .wasm failing to load, compile or instantiate — init() rejects with an Error
// whose `code` is "wasm_unavailable" (the original error as `cause`), and every function
// then throws that Error. ES2021 at most (scripts/test-wasm.sh runs es-check). build.sh
// ships this file without its whole-line comments.
// The catalogs (rules(), form()) are not in the .wasm: each is a module of its own,
// ./catalog/<check>.<regime>.<locale>.js (its default export the CLI's JSON text), imported
// through ./catalog/index.js (literal paths, which bundlers follow) the first time it is
// asked for — so rules() and form() return Promises. The .wasm reads and checks their
// arguments (the CLI's errors) and names the catalog; evaluate() answers a catalog once it
// is loaded, else throws `catalog_not_loaded`.
// Nor are the English texts (every English message and label; docs/performance.md, "Size
// after revision 3"): they are ./catalog/texts.en.js, which the .wasm asks for (through the
// same source) the first time a call needs English. Chinese, the default, needs no extra
// request. init() imports them when the page is in English (<html lang>; not the browser's
// language: a Chinese page read in an English browser must not pay for them), rules() and
// form() alongside an English catalog, and a check that asks for English before either
// fetches them synchronously there and then (a check answers at once): every call answers
// as in Node.
// Each fee table's reading data (./catalog/reading.<regime>.js, the words the cost checks
// read budget lines by) is not in the .wasm either: init() starts importing it once the
// .wasm runs, without waiting for it, and ready() is that import's promise. classifyCost(),
// classifyCosts() and evaluate() of a cost check are synchronous: called before it is
// loaded they throw `catalog_not_loaded` naming it (await ready() first).

const PROBE = "AGFzbQEAAAABBwFgAW8Cf38DAgEABQMBAAEKGAEWAEEAQQBBAPwKAABBAMBDAAAAAPwACw==";
// Each build's wasm-bindgen module, once its JS is loaded; the one in use, what its init
// returned and its name; init()'s promise while it runs; the wasm_unavailable Error of the
// last failed start; each catalog's JSON text by name, once imported.
const loaded = {};
let glue;
let output;
let used;
let pending;
let failure;
let readings;
const catalogs = new Map();
// The English texts the .wasm leaves out, by the name the .wasm asks for them; whether a
// locale tag is English, as the library reads one ("en", "en-GB", "EN_us").
const EN = "texts.en";
const isEn = (tag) => /^\s*en(?:[-_]|\s*$)/i.test(tag);

function unavailable(reason, cause) {
  const e = new Error(`govit-check cannot run in this browser: ${reason}. Check on the server instead.`);
  e.code = "wasm_unavailable";
  // Set directly: the `cause` option of Error is ES2022.
  e.cause = cause;
  return e;
}

const noWasm = () => unavailable("no WebAssembly (absent or turned off by a policy)");

/** The build in use, or before init() the one it would load; null without WebAssembly. */
export function wasmBuild() {
  if (used) return used;
  if (typeof WebAssembly !== "object" || !WebAssembly || typeof WebAssembly.validate !== "function") return null;
  try {
    return WebAssembly.validate(Uint8Array.from(atob(PROBE), (c) => c.charCodeAt(0))) ? "modern" : "compat";
  } catch (_) {
    return "compat";
  }
}

/** `build` if given (and valid), else wasmBuild(). */
function choose(build) {
  const best = wasmBuild();
  if (build == null || best === null) return best;
  if (build !== "modern" && build !== "compat") throw new TypeError(`govit-check: unknown build ${build}`);
  return build;
}

/** The object form of init()'s / initSync()'s argument (wasm-bindgen also takes it bare). */
function options(o, key) {
  return o && Object.getPrototypeOf(o) === Object.prototype ? o : { [key]: o };
}

const why = (e) => `${e && e.name}: ${e && e.message}` +
  (/unsafe-eval|Content Security/i.test(e && e.message) ? " (the page's Content Security Policy needs 'wasm-unsafe-eval')" : "");

function fail(e) {
  failure = e;
  throw e;
}

function use(build, g, out) {
  g.setCatalogSource((name) => catalogs.get(name));
  glue = g;
  output = out;
  used = build;
  failure = undefined;
  prefetch();
  return out;
}

/** Starts importing every fee table's reading data (once); a failure shows when used. */
function prefetch() {
  if (!readings) {
    readings = import("./catalog/index.js").then((index) => Promise.all(
      Object.keys(index.default).filter((n) => n.startsWith("reading.")).map((n) =>
        index.default[n]().then((m) => { catalogs.set(n, m.default); }))))
      .then(() => undefined, () => undefined);
  }
  return readings;
}

/**
 * Resolves once the module runs and the cost checks' reading data is loaded (init() starts
 * loading it; this waits for both): await it before the first classifyCost(s).
 */
export function ready(arg) {
  return init(arg).then(() => prefetch());
}

/** Loads, compiles and instantiates the build for this browser (see the README). */
export default function init(arg) {
  if (glue) return Promise.resolve(output);
  if (!pending) {
    pending = start(options(arg, "module_or_path")).catch(fail).finally(() => { pending = undefined; });
  }
  return pending;
}

/** Imports the English texts unless loaded; never rejects (a failure leaves them to loadEnglishNow). */
function loadEnglish() {
  return catalogs.has(EN) ? null : import("./catalog/texts.en.js").then((m) => { catalogs.set(EN, m.default); }, () => {});
}

/**
 * The English texts, fetched synchronously where `e` is the .wasm asking for them: a check
 * must answer at once. False where it is not, or they cannot be fetched so.
 */
function loadEnglishNow(e) {
  if (!e || e.code !== "catalog_not_loaded" || e.catalog !== EN || typeof XMLHttpRequest !== "function") return false;
  try {
    const x = new XMLHttpRequest();
    x.open("GET", new URL("./catalog/texts.en.js", import.meta.url), false);
    x.send();
    const m = /^export default ("[^\n]*");\s*$/.exec(x.responseText);
    if (!m || (x.status && x.status !== 200)) return false;
    catalogs.set(EN, JSON.parse(m[1]));
    return true;
  } catch (_) {
    return false;
  }
}

async function start(o) {
  const build = choose(o.build);
  if (!build) throw noWasm();
  // A page in English (<html lang>) gets the English texts along with the build.
  const d = typeof document === "object" && document ? document.documentElement : null;
  const texts = d && isEn(d.lang) ? loadEnglish() : null;
  let g;
  try {
    // Two literal imports, so that bundlers emit both builds (each with its .wasm).
    g = loaded[build] = build === "modern" ? await import("./modern/govit_check.js") : await import("./compat/govit_check.js");
  } catch (e) {
    throw unavailable(`its JavaScript could not be loaded (${why(e)})`, e);
  }
  let out;
  try {
    out = await g.default(o.module_or_path === undefined ? undefined : { module_or_path: o.module_or_path });
  } catch (e) {
    throw unavailable(`the .wasm could not be loaded, compiled or instantiated (${why(e)})`, e);
  }
  await texts;
  return use(build, g, out);
}

/**
 * Synchronous start with a build's .wasm bytes or Module: needs that build's JS loaded by an
 * earlier init(); else import "govit-check/web/modern" (or /compat) and call its initSync.
 */
export function initSync(arg) {
  if (glue) return output;
  const o = options(arg, "module");
  const build = choose(o.build);
  if (!build) fail(noWasm());
  const g = loaded[build];
  if (!g) throw new Error(`govit-check: initSync() needs the ${build} build's JS: await init(), or use govit-check/web/${build}`);
  let out;
  try {
    out = g.initSync({ module: o.module });
  } catch (e) {
    fail(unavailable(`the .wasm could not be compiled or instantiated (${why(e)})`, e));
  }
  return use(build, g, out);
}

function api() {
  if (glue) return glue;
  throw failure || new Error("govit-check: call `await init()` first");
}

/**
 * The build's function `f`, run again once the texts it asked for are fetched; a cost check
 * called before its reading data is loaded says so plainly.
 */
function call(f, a) {
  const g = api();
  try {
    try {
      return g[f](a);
    } catch (e) {
      if (!loadEnglishNow(e)) throw e;
      return g[f](a);
    }
  } catch (e) {
    if (e && e.code === "catalog_not_loaded" && String(e.catalog).startsWith("reading.")) {
      e.message = `govit-check: the reading data ${e.catalog} of the cost checks is not loaded yet: await ready() before the first cost check`;
    }
    throw e;
  }
}

export function checkChange(input) { return call("checkChange", input); }
export function checkEligibility(input) { return call("checkEligibility", input); }
export function classifyCost(input) { return call("classifyCost", input); }
export function classifyCosts(input) { return call("classifyCosts", input); }
export function classifyProject(input) { return call("classifyProject", input); }
export function evaluate(request) { return call("evaluate", request); }
export function regimes(asOf) { return call("regimes", asOf); }
/**
 * A catalog, its module imported the first time (the .wasm names it in the error), with the
 * texts of its language: a page that shows a form in a language checks in it next.
 */
async function catalog(check, regime, locale) {
  const g = api();
  for (let tries = 0; ; tries++) {
    try {
      return g[check](regime, locale);
    } catch (e) {
      if (!e || e.code !== "catalog_not_loaded" || tries > 1) throw e;
      const name = e.catalog;
      try {
        await Promise.all([
          isEn(name.slice(name.lastIndexOf(".") + 1)) ? loadEnglish() : null,
          name === EN ? null
            : import("./catalog/index.js").then((i) => i.default[name]()).then((m) => { catalogs.set(name, m.default); }),
        ]);
      } catch (x) {
        e.message = `govit-check: the catalog ${name} could not be loaded (${why(x)})`;
        e.cause = x;
        throw e;
      }
    }
  }
}

export function rules(regime, locale) { return catalog("rules", regime, locale); }
export function form(regime, locale) { return catalog("form", regime, locale); }
export function version() { return api().version(); }
