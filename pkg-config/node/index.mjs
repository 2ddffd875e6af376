// govit-check for Node (ES module): the same instance as require("govit-check"), ready on
// import. `await init()` / `initSync()` are accepted (they do nothing) so browser code runs
// unchanged.
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
  initSync,
} = cjs;
export default cjs.default;
