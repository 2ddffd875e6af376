// Hostile texts through the CLI and the npm package, answers compared byte for byte:
// numbers beyond the double range and huge numbers in every field (money and not), values
// of every JSON type where another belongs, repeated keys, nesting far over the limit, lone
// surrogates. The CLI reads each text as a batch line; the package is given what
// `JSON.parse` makes of the same text (what a portal holds), through `evaluate` — and for
// the nesting limit of an input alone, through the check's own function and `govit-check
// <check> -`.
//
//   GOVIT_PKG=/path/to/pkg GOVIT_CLI=/path/to/govit-check node --test tests/node/parity.test.mjs
//
// Without GOVIT_PKG and GOVIT_CLI the tests are skipped, and say so.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { load, packageAnswer } from "./package.mjs";

const PKG = process.env.GOVIT_PKG;
const CLI = process.env.GOVIT_CLI;
const skip = PKG && CLI ? false
  : "GOVIT_PKG and GOVIT_CLI are not both set: build the package (pkg-config/build.sh) and the CLI (cargo build --release)";

const g = skip ? {} : await load(PKG);

const nest = (open, close, n, inner = "1") => open.repeat(n) + inner + close.repeat(n);

/** Values put in every field: beyond the double range, huge, tiny, every JSON type. */
const VALUES = [
  "1e400", "-1e400", "1E+400", "1" + "0".repeat(400), "-" + "9".repeat(400), "1e308", "-1e308",
  "1.7976931348623157e308", "123456789012345678901234567890", "1e-400", "-1e-400", "-0", "1e-7",
  "0.30000000000000004", "12.5", "2026", "-1", "true", "null", '""', '"NaN"', '"\\ud800"',
  '"a\\udfffb"', '"x"', "[]", "{}", '[1,"a",null]', '{"k":1,"k":2}', nest("[", "]", 40),
  nest('{"a":', "}", 40),
];

/** Where the values go: every field of every check (X marks the place). */
const FIELDS = {
  eligibility: [
    "X", '{"regime":X}', '{"regime":"baotou","as_of":X}', '{"regime":"baotou","locale":X}',
    '{"regime":"baotou","project":X}', '{"regime":"baotou","facts":X}',
    ...["name", "kind", "category", "unit_level", "budget_year", "service_years",
      "free_maintenance_years", "main_function_changed", "includes_construction",
      "hardware_replacement_only", "emergency", "civil_works", "tender_completed_on", "funding",
      "investment"].map((f) => `{"regime":"baotou","as_of":"2026-06-15","project":{"${f}":X}}`),
    '{"regime":"baotou","project":{"funding":[X]}}',
    ...["total", "engineering", "equipment", "contingency"].map((f) =>
      `{"regime":"wulong","project":{"investment":{"${f}":X}}}`),
    ...["on_gov_cloud", "in_project_library", "design_chapters"].map((f) =>
      `{"regime":"wulong","facts":{"${f}":X}}`),
    '{"regime":"wulong","facts":{"design_chapters":[X]}}',
    '{"regime":"baotou","x":X}',
  ],
  cost: ["X", '{"item":X}', '{"item":"camera","amount":X}', '{"item":"camera","conditions":X}',
    '{"item":"camera","conditions":{"assessed":X}}', '{"item":"camera","locale":X}'],
  costs: ['{"items":X}', '{"items":[X]}', '{"items":[{"item":"camera","amount":X},{"item":X}]}'],
  project_class: ['{"kind":X}', '{"kind":"renovation","amount":X}',
    '{"kind":"renovation","main_function_changed":X}', '{"kind":"renovation","hardware_replacement_only":X}'],
  change: [
    ...["approved_total", "items", "reason", "goal_changed", "changed_on", "as_of", "budget_year", "locale"]
      .map((f) => `{"regime":"wulong","approved_total":"100","items":[],"${f}":X}`),
    '{"regime":"wulong","approved_total":"100","items":[X]}',
    ...["name", "approved", "proposed", "new", "tender_savings"].map((f) =>
      `{"regime":"baotou","approved_total":"100","items":[{"approved":"10","proposed":"12","${f}":X}]}`),
  ],
  regimes: ['{"as_of":X}'],
  rules: ['{"regime":X}', '{"regime":"baotou","locale":X}'],
  version: ['{"x":X}'],
};

/** Texts with repeated keys and nesting far over the limit (check, input text). */
function wholeTexts() {
  const keys = (n, from = 0) => Array.from({ length: n }, (_, i) => `"k${from + i}":${i}`).join(",");
  const texts = [
    ["eligibility", '{"regime":"baotou","project":{"name":1,"kind":"x","name":"ok"}}'],
    ["eligibility", '{"regime":"baotou","as_of":"bad","facts":{"on_gov_cloud":1},"as_of":"2026-13-01"}'],
    ["eligibility", '{"regime":"baotou","project":{"investment":{"total":"abc","total":"250"}}}'],
    ["eligibility", '{"regime":"baotou","project":{"investment":{"total":"250","total":"abc"}}}'],
    ["eligibility", '{"regime":"wulong","regime":"baotou","locale":"xx","locale":"en","project":{"kind":"nope"}}'],
    ["eligibility", '{"regime":"baotou","facts":{"on_gov_cloud":true,"on_gov_cloud":"x","in_project_library":1}}'],
    ["eligibility", '{"regime":"baotou","project":{"funding":["local_fiscal"],"funding":"x","kind":5}}'],
    ["eligibility", `{"regime":"baotou","x":{${keys(1000)},${keys(500)}}}`],
    ["eligibility", `{"regime":"baotou","x":{${keys(1000)},${keys(1, 1000)}}}`],
    ["eligibility", `{"regime":"baotou","facts":{${keys(999)},"on_gov_cloud":true,"on_gov_cloud":false,${keys(999)}}}`],
    ["costs", '{"items":[{"item":"camera","amount":"1","amount":"-1"}],"items":[{"item":"x"},{"item":"camera","item":"server_storage"}]}'],
    ["change", '{"regime":"baotou","approved_total":"100","items":[{"approved":"10","proposed":"12","approved":"x"}],"items":[{"approved":"1","proposed":"2","proposed":"-3"}]}'],
  ];
  for (const n of [31, 32, 33, 40, 5_000, 100_000]) {
    texts.push(["eligibility", `{"regime":"baotou","x":${nest("[", "]", n)}}`]);
    texts.push(["eligibility", `{"regime":"baotou","project":{"name":${nest('{"a":', "}", n)}}}`]);
    texts.push(["cost", `{"item":"camera","conditions":{"assessed":${nest("[", "]", n)}}}`]);
  }
  return texts;
}

/** Every case: (check, input text) that JSON.parse reads. */
function cases() {
  const all = [];
  for (const [check, templates] of Object.entries(FIELDS)) {
    for (const t of templates) for (const v of VALUES) all.push([check, t.replaceAll("X", v)]);
  }
  all.push(...wholeTexts());
  return all.filter(([, text]) => {
    JSON.parse(text); // every case is JSON: a surface that cannot take it is no parity case
    return true;
  });
}

test("hostile texts: the CLI's batch answers and the package's evaluate are byte-identical", { skip }, () => {
  const all = cases();
  const lines = all.map(([check, text], i) => `{"id":${i},"check":"${check}","input":${text}}`);
  const out = execFileSync(CLI, ["batch", "-"], {
    input: lines.join("\n") + "\n", maxBuffer: 1 << 30, encoding: "utf8",
  }).trimEnd().split("\n");
  assert.equal(out.length, all.length);
  const differ = [];
  all.forEach(([check, text], i) => {
    const line = JSON.parse(out[i]);
    assert.equal(line.id, i);
    const cli = JSON.stringify(line.verdict ?? { error: line.error });
    const pkg = packageAnswer(() => g.evaluate({ check, input: JSON.parse(text) }), line);
    if (cli !== pkg) differ.push(`${check} ${text.slice(0, 160)}\n  CLI:     ${cli.slice(0, 400)}\n  package: ${pkg.slice(0, 400)}`);
  });
  assert.equal(differ.length, 0, `${differ.length} of ${all.length} differ:\n${differ.slice(0, 10).join("\n")}`);
});

test("nesting far over the limit of an input alone: the same error and pointer from the CLI and the check's function", { skip }, () => {
  for (const n of [32, 33, 5_000, 100_000]) {
    for (const inner of [nest("[", "]", n), nest('{"a":', "}", n)]) {
      const text = `{"regime":"baotou","project":{"investment":${inner}}}`;
      const cli = execFileSync(CLI, ["eligibility", "-"], { input: text, encoding: "utf8", maxBuffer: 1 << 30 }).trim();
      const pkg = packageAnswer(() => g.checkEligibility(JSON.parse(text)), JSON.parse(cli));
      assert.equal(pkg, cli, `depth ${n}`);
    }
  }
});
