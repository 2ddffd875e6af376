// A Node CommonJS consumer of the installed tarball: require, check, errors.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const app = require("./application.json");
const govit = require("govit-check");

test("CJS: ready on require; same answers as ESM", async () => {
  const esm = await import("govit-check");
  assert.equal(esm.checkEligibility, govit.checkEligibility, "one instance for ESM and CJS");
  const v = govit.checkEligibility(app);
  assert.equal(v.check, "eligibility");
  assert.equal(v.ruleset, govit.version());
  assert.throws(() => govit.checkEligibility({ regime: "x" }), (e) => e.code === "unknown_regime");
  assert.equal(govit.evaluate({ check: "version", input: {} }).ruleset, govit.version());
});
