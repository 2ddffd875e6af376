"use strict";
// govit-check for Node (CommonJS): the WebAssembly module is compiled and instantiated
// synchronously on require, so every function is ready at once. `init()` / `initSync()`
// exist only so that code written for the browser build runs unchanged; they do nothing.
const wasm = require("./govit_check.js");

module.exports = {
  checkEligibility: wasm.checkEligibility,
  classifyCost: wasm.classifyCost,
  classifyCosts: wasm.classifyCosts,
  classifyProject: wasm.classifyProject,
  checkChange: wasm.checkChange,
  evaluate: wasm.evaluate,
  regimes: wasm.regimes,
  rules: wasm.rules,
  form: wasm.form,
  version: wasm.version,
  initSync() {},
  default: async function init() {},
};
