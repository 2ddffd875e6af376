// A Node ESM consumer of the installed tarball: import, check, errors, parity with the CLI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import init, { checkEligibility, classifyCost, evaluate, form, regimes, rules, version } from "govit-check";

const app = JSON.parse(readFileSync(new URL("./application.json", import.meta.url), "utf8"));

test("ESM: ready on import; the browser's init() is accepted", async () => {
  await init();
  assert.match(version(), /^govit-check \d+\.\d+\.\d+/);
});

test("ESM: a check gives the CLI's verdict, byte for byte", () => {
  const v = checkEligibility(app);
  assert.equal(v.check, "eligibility");
  assert.equal(v.ruleset, version());
  assert.deepEqual(evaluate({ check: "eligibility", input: app }), v);
  if (process.env.GOVIT_CLI) {
    const cli = execFileSync(process.env.GOVIT_CLI, ["eligibility", "-"], { input: JSON.stringify(app) });
    assert.equal(JSON.stringify(v), cli.toString().trim());
  }
});

test("ESM: errors are Errors with code/field/message; the module keeps working", async () => {
  for (let i = 0; i < 3; i++) {
    assert.throws(() => checkEligibility({ ...app, regime: "beijing" }), (e) =>
      e instanceof Error && e.code === "unknown_regime" && e.field === "/regime" && e.message.length > 0);
    // A bad value is a finding at its field (contract §8); in a cost line, still an error.
    const nan = checkEligibility({ ...app, project: { investment: { total: NaN } } });
    assert.ok(nan.findings.some((f) => f.level === "invalid" && f.field === "/project/investment/total"));
    assert.throws(() => classifyCost({ item: "camera", amount: NaN }), (e) =>
      e.code === "invalid_value" && e.field === "/amount");
    // A circular reference is a value JSON cannot carry: of the wrong type at a field a
    // check reads, ignored under a key none reads (as any extra field).
    const circular = { regime: "baotou" };
    circular.project = circular;
    const answer = (input) => { try { return checkEligibility(input); } catch (e) { return [e.code, e.field, e.message]; } };
    assert.deepEqual(answer(circular), answer({ regime: "baotou", project: [] }));
    const extra = { ...app };
    extra.self = extra;
    assert.equal(checkEligibility(extra).check, "eligibility");
  }
  assert.equal(checkEligibility(app).check, "eligibility");
  assert.equal(regimes("2026-11-22").regimes.length, 5);
  assert.equal((await rules("baotou", "en")).regime, "baotou");
  assert.equal((await form("baotou", "en")).regime, "baotou");
  // The catalogs are assets: once loaded, evaluate() answers them too, the CLI's bytes.
  const loaded = evaluate({ check: "form", input: { regime: "wulong", locale: "en" } });
  assert.equal(loaded.regime, "wulong");
  if (process.env.GOVIT_CLI) {
    const cli = execFileSync(process.env.GOVIT_CLI, ["form", "wulong", "--locale", "en"], { encoding: "utf8" });
    assert.equal(JSON.stringify(loaded) + "\n", cli);
  }
  await assert.rejects(rules("beijing"), (e) => e.code === "unknown_regime" && e.field === "/regime");
});
