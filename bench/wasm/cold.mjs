// One cold start in a fresh Node process: import of the package (its .wasm read,
// compiled and instantiated) to the first verdict. Prints JSON. Run by run.mjs.
//   node bench/wasm/cold.mjs ENTRY_URL FIXTURE_FILE
import { readFileSync } from "node:fs";

const [entry, fixtureFile] = process.argv.slice(2);
const input = JSON.parse(readFileSync(fixtureFile, "utf8"));
const t0 = performance.now();
const api = await import(entry);
const t1 = performance.now();
const verdict = api.checkEligibility(input);
const t2 = performance.now();
if (verdict.check !== "eligibility") throw new Error("no verdict");
console.log(JSON.stringify({ import_ms: t1 - t0, first_call_ms: t2 - t1, total_ms: t2 - t0 }));
