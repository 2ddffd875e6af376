// Times the two boundary paths of src/lib.rs on the bench fixtures (Node). Medians in µs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { timeCall } from "../wasm/measure.mjs";

const b = createRequire(import.meta.url)("./target/pkg/boundary_bench.js");
const fixture = (name) => readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8");
const cases = [
  ["eligibility", "eligibility-baotou-complete"],
  ["eligibility", "eligibility-shizuishan-half"],
  ["cost", "cost-line"],
  ["change", "change-4"],
  ["costs", "costs-50"],
];
const row = (...cells) => console.log(cells.map((c, i) => (i ? String(c).padStart(12) : c.padEnd(34))).join(""));
const us = (fn) => timeCall(fn).us.toFixed(2);
// V8 runs Wasm in its baseline tier first and optimises hot functions later (seconds on
// these machines): every path runs for 10 s before anything is timed (as measure.mjs does).
{
  const until = performance.now() + 10000;
  while (performance.now() < until) {
    for (const [check, name] of cases) {
      const input = JSON.parse(fixture(name));
      for (let i = 0; i < 20; i++) { b.via_json(check, input); b.via_swb(check, input); }
    }
  }
}
row("input", "JSON path", "swb path", "in: JSON", "in: swb", "out: JSON", "out: swb", "swb extra");
for (const [check, name] of cases) {
  const text = fixture(name);
  const input = JSON.parse(text);
  const verdictText = JSON.stringify(b.via_json(check, input));
  const held = new b.Held(verdictText);
  if (JSON.stringify(b.via_swb(check, input)) !== verdictText) throw new Error(`${name}: the paths differ`);
  row(name,
    us(() => b.via_json(check, input)), us(() => b.via_swb(check, input)),
    us(() => b.in_json(input)), us(() => b.in_swb(input)),
    us(() => b.out_json(verdictText)), us(() => held.out_swb()),
    us(() => b.json_roundtrip_only(text, verdictText)));
}
