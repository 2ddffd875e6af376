// govit-check for Node (ES module): the same instance as require("govit-check"), ready on
// import (GOVIT_CHECK_WASM=compat: the compat build; see index.cjs). `await init()` /
// `initSync()` are accepted so browser code runs unchanged; where WebAssembly cannot run
// they reject / throw the `wasm_unavailable` Error, as every function does.
import cjs from "./index.cjs";

export const {
  checkEligibility,
  classifyCost,
  classifyCosts,
  classifyProject,
  checkChange,
  evaluate,
  regimes,
  rules,
  form,
  version,
  wasmBuild,
  initSync,
  ready,
} = cjs;
export default cjs.default;
