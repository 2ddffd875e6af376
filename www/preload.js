// Starts fetching the one WebAssembly build this browser will run — and only that one —
// while the page's own modules are still loading (cold load: ~200 ms less than fetching
// it when the engine starts, under load; README "Performance"). Which build runs is the
// package's choice (`wasmBuild()`: its entry, loaded anyway, compiles nothing); whether it
// can run at all is known from one more probe: the compat build needs multi-value
// WebAssembly (Chromium 85+), so Chromium 69–84 fetch nothing (they check through the
// service, and app.js does not start the engine there). A static <link rel="preload"> could
// not choose: it fetched the modern build in every browser. Loaded `async` before app.js
// (which imports it too: one module). ES2018 and the DOM of Chromium 69.

// (module (func (result i32 i32) i32.const 0 i32.const 0)): valid only with multi-value.
const MULTI_VALUE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 65, 0, 11];

/** Whether a build of the package can run here (app.js asks too: no .wasm is fetched in vain). */
export function wasmRuns() {
  try {
    return typeof WebAssembly === "object" && WebAssembly.validate(new Uint8Array(MULTI_VALUE));
  } catch (e) {
    return false;
  }
}

const base = "./vendor/govit-check/";

/** Adds the preloads of a build's .wasm and glue. */
function preload(build) {
  if (!build) return;
  const wasm = document.createElement("link");
  wasm.rel = "preload";
  wasm.as = "fetch";
  wasm.type = "application/wasm";
  wasm.crossOrigin = "anonymous";
  wasm.href = `${base}${build}/govit_check_bg.wasm`;
  const glue = document.createElement("link");
  glue.rel = "modulepreload";
  glue.href = `${base}${build}/govit_check.js`;
  document.head.append(wasm, glue);
}

// The entry is imported, not a static dependency: a page whose package fails to load still
// starts (app.js imports this module) and says so.
if (wasmRuns()) import(`${base}govit_check.js`).then((m) => preload(m.wasmBuild()), () => {});
