// Hostile input through the npm package (Wasm in Node): every exported check gets NaN,
// Infinity, BigInt, circular objects, huge strings, deep nesting and wrong types. Each
// call must throw an Error carrying `code`, `field` and `message` (or, where the input
// is acceptable, return a verdict), never trap; and the very next valid call must still
// return the right verdict.
//
//   GOVIT_PKG=/path/to/pkg node --test tests/node/
//
// GOVIT_PKG is the built package directory (pkg-config/build.sh → pkg/). Without it the
// tests are skipped, and say so.

import { test } from "node:test";
import assert from "node:assert/strict";
import { load } from "./package.mjs";

const PKG = process.env.GOVIT_PKG;
const CODES = ["invalid_json", "invalid_type", "invalid_value", "required", "unknown_regime",
  "unknown_item", "too_large"];
const MAX_INPUT_BYTES = 1 << 20;

/** The Node entry point of the package, as its package.json names it. */

const skip = PKG ? false : "GOVIT_PKG is not set: build the package (pkg-config/build.sh) and point GOVIT_PKG at pkg/";
const g = PKG ? await load(PKG) : {};

// Valid inputs and what they must answer.
const app = () => ({
  regime: "baotou", as_of: "2026-06-15",
  project: { kind: "new", investment: { total: "800" }, funding: ["local_fiscal"] },
  facts: { on_gov_cloud: false },
});
const change = () => ({
  regime: "baotou", as_of: "2026-07-15", changed_on: "2026-07-10", approved_total: "1000",
  goal_changed: false, reason: "technical_optimization",
  items: [
    { name: "数据治理子系统", approved: "300", proposed: "350" },
    { name: "硬件设备", approved: "200", proposed: "120" },
    { name: "移动端模块", approved: "0", proposed: "40", new: true },
    { name: "监理服务", approved: "100", proposed: "80", tender_savings: true },
  ],
});
const cost = () => ({ item: "camera", amount: "12.5" });

/** Each export: a valid input, and a check of its answer. */
const FUNCTIONS = {
  checkEligibility: {
    valid: app,
    ok: (v) => {
      assert.equal(v.check, "eligibility");
      assert.equal(v.outcome, "ineligible");
      assert.ok(v.findings.some((f) => f.rule === "baotou.10.3"));
      assert.equal(v.procedure.supervision_required, true);
    },
    money: (x) => ({ ...app(), project: { ...app().project, investment: { total: x } } }),
    moneyField: "/project/investment/total",
  },
  classifyCost: {
    valid: cost,
    ok: (v) => { assert.equal(v.check, "cost"); assert.equal(v.item, "camera"); assert.equal(v.amount, "12.5"); },
    money: (x) => ({ ...cost(), amount: x }),
    moneyField: "/amount",
  },
  classifyCosts: {
    valid: () => ({ items: [cost(), { item: "camera", amount: "1" }] }),
    ok: (v) => { assert.equal(v.check, "costs"); assert.equal(v.lines.length, 2); },
    money: (x) => ({ items: [cost(), { item: "camera", amount: x }] }),
    // A bad line is reported in its place; the call itself answers.
    moneyField: null,
  },
  classifyProject: {
    valid: () => ({ kind: "renovation", main_function_changed: false, amount: "50" }),
    ok: (v) => { assert.equal(v.check, "project_class"); assert.equal(v.class, "maintenance"); },
    money: (x) => ({ kind: "renovation", main_function_changed: false, amount: x }),
    moneyField: "/amount",
  },
  checkChange: {
    valid: change,
    ok: (v) => { assert.equal(v.check, "change"); assert.equal(v.outcome, "file"); },
    money: (x) => ({ ...change(), approved_total: x }),
    moneyField: "/approved_total",
  },
  evaluate: {
    valid: () => ({ check: "eligibility", input: app() }),
    ok: (v) => FUNCTIONS.checkEligibility.ok(v),
    money: (x) => ({ check: "eligibility", input: FUNCTIONS.checkEligibility.money(x) }),
    moneyField: "/project/investment/total",
  },
};

/** Asserts `call()` throws a clean input error (optionally with this code / field). */
function throwsClean(call, { code, field } = {}, what = "") {
  let thrown;
  try {
    call();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown !== undefined, `${what}: expected an input error, got an answer`);
  assert.ok(thrown instanceof Error, `${what}: threw a non-Error: ${String(thrown)}`);
  assert.ok(!(thrown instanceof WebAssembly.RuntimeError), `${what}: the module trapped: ${thrown.message}`);
  assert.ok(CODES.includes(thrown.code), `${what}: code ${thrown.code} (${thrown.message})`);
  assert.equal(typeof thrown.field, "string", `${what}: field`);
  assert.ok(thrown.field === "" || thrown.field.startsWith("/"), `${what}: field ${thrown.field}`);
  assert.ok(typeof thrown.message === "string" && thrown.message.length > 0, `${what}: message`);
  if (code) assert.equal(thrown.code, code, `${what}: ${thrown.message}`);
  if (field !== undefined) assert.equal(thrown.field, field, `${what}: ${thrown.message}`);
  return thrown;
}

/**
 * Asserts a bad value is refused at its field: for eligibility and change (contract §8) a
 * verdict with an `invalid` finding at the field (the verdict stands); elsewhere a clean
 * input error. Never silently read as absent.
 */
function refusedAt(call, field, what) {
  let v;
  try {
    v = call();
  } catch (e) {
    const thrown = throwsClean(() => { throw e; }, {}, what);
    if (field !== undefined) assert.equal(thrown.field, field, `${what}: ${thrown.message}`);
    return;
  }
  const bad = (v.findings || []).filter((x) => x.level === "invalid" && x.rule === "input");
  assert.ok(bad.length > 0, `${what}: neither an error nor an invalid finding`);
  assert.ok(bad.every((x) => typeof x.message === "string" && x.message.length > 0), what);
  if (field !== undefined) assert.ok(bad.some((x) => x.field === field), `${what}: ${JSON.stringify(bad)}`);
}

/** Asserts `call()` throws a clean input error or answers with an object that has `check`. */
function answersOrThrowsClean(call, what) {
  let v;
  try {
    v = call();
  } catch (e) {
    throwsClean(() => { throw e; }, {}, what);
    return;
  }
  assert.equal(typeof v, "object", `${what}: answer ${v}`);
  assert.equal(typeof v.check, "string", `${what}: answer without check`);
}

/** The module still answers correctly. */
function alive(name) {
  const f = FUNCTIONS[name];
  f.ok(g[name](f.valid()));
  FUNCTIONS.checkEligibility.ok(g.checkEligibility(app()));
}

/** An application whose `project.investment` (a field a check reads) refers back to it. */
function circular() {
  const a = app();
  a.project.investment = a;
  return a;
}

function deep(levels) {
  let x = 1;
  for (let i = 0; i < levels; i++) x = [x];
  return x;
}

/** Wrong whole inputs: not an object, or not JSON at all. */
const WRONG_INPUTS = {
  number: 5, string: "baotou", jsonText: JSON.stringify(app()), true: true, null: null,
  undefined, array: [app()], nan: NaN, infinity: Infinity, bigint: 10n,
  function: () => app(), symbol: Symbol("x"), date: new Date(0), map: new Map([["regime", "baotou"]]),
};

for (const name of Object.keys(FUNCTIONS)) {
  test(`${name}: the valid input answers`, { skip }, () => {
    assert.equal(typeof g[name], "function", `${name} is exported`);
    alive(name);
  });

  test(`${name}: wrong input types are clean errors`, { skip }, () => {
    for (const [label, input] of Object.entries(WRONG_INPUTS)) {
      throwsClean(() => g[name](input), {}, `${name}(${label})`);
      alive(name);
    }
  });

  test(`${name}: circular, huge and deep inputs are clean errors`, { skip }, () => {
    // A circular reference at a field a check reads is a wrong type there, answered as
    // any value of the wrong type is (for evaluate and the checks without that field: an
    // answer or another clean error).
    if (name === "checkEligibility") {
      const wrong = app();
      wrong.project.investment = [];
      assert.deepEqual(outcome(() => g[name](circular())), outcome(() => g[name](wrong)), `${name}(circular)`);
    } else {
      answersOrThrowsClean(() => g[name](circular()), `${name}(circular)`);
    }
    alive(name);
    // Under a key no check reads it is ignored, as any extra field is.
    const extra = FUNCTIONS[name].valid();
    extra.self = extra;
    FUNCTIONS[name].ok(g[name](extra));
    throwsClean(() => g[name]({ ...FUNCTIONS[name].valid(), x: "项".repeat(MAX_INPUT_BYTES) }),
      { code: "too_large" }, `${name}(huge string)`);
    alive(name);
    throwsClean(() => g[name]({ ...FUNCTIONS[name].valid(), x: "a".repeat(64 * 1024 + 1) }),
      name === "evaluate" ? { code: "too_large" } : { code: "too_large", field: "/x" }, `${name}(long string)`);
    alive(name);
    throwsClean(() => g[name]({ ...FUNCTIONS[name].valid(), x: deep(40) }), { code: "too_large" },
      `${name}(deep 40)`);
    alive(name);
    // Deeper than JSON.stringify's own stack: still a clean error.
    throwsClean(() => g[name]({ ...FUNCTIONS[name].valid(), x: deep(200_000) }), {}, `${name}(deep 200000)`);
    alive(name);
    throwsClean(() => g[name]({ ...FUNCTIONS[name].valid(), x: new Array(20_000).fill(0) }),
      { code: "too_large" }, `${name}(long array)`);
    alive(name);
  });

  test(`${name}: hostile amounts are refused at their field, or read exactly`, { skip }, () => {
    const f = FUNCTIONS[name];
    const refused = [NaN, Infinity, -Infinity, -1, "1e400", "NaN", "Infinity", "1,000", "12万", "", "abc",
      true, [1], { v: 1 }, 1e13, "0.0000001"];
    for (const x of refused) {
      const what = `${name}(amount ${typeof x === "string" ? JSON.stringify(x) : String(x)})`;
      if (f.moneyField === null) {
        const v = g[name](f.money(x));
        assert.ok(v.lines[1].error, `${what}: the bad line is reported in its place`);
        assert.ok(CODES.includes(v.lines[1].error.code), what);
        assert.equal(v.lines[1].error.field.startsWith("/items/1/amount"), true, what);
      } else {
        refusedAt(() => g[name](f.money(x)), name === "evaluate" ? undefined : f.moneyField, what);
      }
      alive(name);
    }
    // Acceptable forms: a verdict, and the amount read exactly.
    for (const x of ["  12 ", "１２", 12, -0, 12n, "12.000000"]) {
      answersOrThrowsClean(() => g[name](f.money(x)), `${name}(amount ${String(x)})`);
      alive(name);
    }
  });
}

test("checkEligibility: an accepted amount is read exactly (full-width, padded, BigInt, -0)", { skip }, () => {
  const total = (x) => {
    const v = g.checkEligibility(FUNCTIONS.checkEligibility.money(x));
    return v.procedure.supervision_required;
  };
  assert.equal(total("２００"), true);
  assert.equal(total("  199.999999 "), false);
  assert.equal(total(200n), true);
  assert.equal(total(-0), false);
  assert.equal(total(2e2), true);
  // Float noise finer than one fen is refused, never rounded: 0.1 + 0.2 is 0.30000000000000004.
  refusedAt(() => g.checkEligibility(FUNCTIONS.checkEligibility.money(0.1 + 0.2)),
    "/project/investment/total", "0.1 + 0.2");
});

test("checkEligibility: hostile dates are refused at their field", { skip }, () => {
  for (const d of ["2026-02-29", "0000-01-01", "2026-13-01", " 2026-01-01", "２０２６-01-01", 20260101,
    new Date(0), NaN, ""]) {
    const a = { ...app(), as_of: d };
    refusedAt(() => g.checkEligibility(a), "/as_of", `as_of ${String(d)}`);
    alive("checkEligibility");
  }
  for (const d of ["2028-02-29", "9999-12-31", "0001-01-01"]) {
    const v = g.checkEligibility({ ...app(), as_of: d });
    assert.equal(v.as_of, d);
  }
});

test("many errors in a row leave the module answering", { skip }, () => {
  for (let i = 0; i < 2000; i++) {
    throwsClean(() => g.checkEligibility({ regime: "beijing" }), { code: "unknown_regime", field: "/regime" });
  }
  alive("checkEligibility");
});

/** The answer of `call()`: the verdict, or the thrown error's contract fields. */
function outcome(call) {
  try {
    return call();
  } catch (e) {
    assert.ok(typeof e.code === "string", `a clean error: ${e}`);
    return { error: { code: e.code, field: e.field, message: e.message, suggestions: e.suggestions } };
  }
}

/** `app()` with the value at `path` (keys from the root) set to `value`. */
function appWith(path, value) {
  const a = app();
  a.facts = { ...a.facts };
  let o = a;
  for (const k of path.slice(0, -1)) {
    o[k] = o[k] && typeof o[k] === "object" ? { ...o[k] } : {};
    o = o[k];
  }
  o[path[path.length - 1]] = value;
  return a;
}

test("values JSON cannot carry are refused at their field as a value of the wrong type, never read as absent", { skip }, () => {
  const foreign = {
    function: () => 1, symbol: Symbol("x"), map: new Map([["a", 1]]), set: new Set([1]),
    "invalid Date": new Date(NaN), regexp: /x/, error: new Error("x"), "typed array": new Uint8Array(2),
    "toJSON that throws": { toJSON() { throw new Error("x"); } },
  };
  // Each field with a JSON value of a type it does not take: the foreign value must get
  // exactly the answer that value gets (today an invalid_type error; with contract §8,
  // an `invalid` finding).
  const fields = [
    [["project", "name"], []],
    [["project", "kind"], []],
    [["project", "investment", "total"], []],
    [["project", "budget_year"], []],
    [["project", "funding"], {}],
    [["facts", "on_gov_cloud"], []],
    [["as_of"], []],
    [["regime"], []],
    [["locale"], []],
  ];
  for (const [path, wrong] of fields) {
    const expected = outcome(() => g.checkEligibility(appWith(path, wrong)));
    for (const [label, value] of Object.entries(foreign)) {
      assert.deepEqual(outcome(() => g.checkEligibility(appWith(path, value))), expected,
        `/${path.join("/")} = ${label}`);
    }
    // A getter that throws, at the field.
    const parent = appWith(path, 0);
    let o = parent;
    for (const k of path.slice(0, -1)) o = o[k];
    Object.defineProperty(o, path[path.length - 1], { enumerable: true, get() { throw new Error("x"); } });
    assert.deepEqual(outcome(() => g.checkEligibility(parent)), expected, `/${path.join("/")}: a throwing getter`);
  }
  // NaN and ±Infinity are numbers beyond the double range, all three alike (as the JSON
  // number 1e400 reads: tests/node/parity.test.mjs compares that with the CLI): a number
  // where text belongs, a non-finite amount as the text "NaN" is one — never absent.
  for (const path of [["project", "name"], ["project", "budget_year"], ["project", "investment", "total"]]) {
    const nan = outcome(() => g.checkEligibility(appWith(path, NaN)));
    for (const x of [Infinity, -Infinity]) {
      assert.deepEqual(outcome(() => g.checkEligibility(appWith(path, x))), nan, `/${path.join("/")} ${x}`);
    }
    assert.notDeepEqual(nan, outcome(() => g.checkEligibility(appWith(path, undefined))), `/${path.join("/")}: not absent`);
  }
  assert.deepEqual(outcome(() => g.checkEligibility(appWith(["project", "name"], NaN))),
    outcome(() => g.checkEligibility(appWith(["project", "name"], []))), "name NaN");
  assert.deepEqual(outcome(() => g.checkEligibility(appWith(["project", "investment", "total"], NaN))),
    outcome(() => g.checkEligibility(appWith(["project", "investment", "total"], "NaN"))), "total NaN");
  // Under a key no check reads, ignored like any extra field.
  for (const [label, value] of Object.entries(foreign)) {
    FUNCTIONS.checkEligibility.ok(g.checkEligibility(appWith(["project", "extra"], value)), label);
  }
  alive("checkEligibility");
});
