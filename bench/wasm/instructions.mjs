// Instructions per call of the package's WebAssembly, counted by callgrind: what a before /
// after comparison of the .wasm can trust on a shared machine, where wall-clock times swing
// with the load. Runs `node` under valgrind twice per call — W warm-up calls then N timed
// ones, and the warm-up alone — and divides the difference by N. V8 compiles the whole
// module eagerly with TurboFan (--no-liftoff --no-wasm-lazy-compilation) in both runs, so
// compilation cancels out; JS and Wasm instructions of a call are counted alike.
//   node bench/wasm/instructions.mjs PKG_DIR [--build modern|compat] [--against OTHER_PKG] [--n SCALE]
// (Internal: node bench/wasm/instructions.mjs --run GLUE FIXTURE CHECK COUNT.)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const args = process.argv.slice(2);

// The calls: a check, its fixture (bench/fixtures/) and how many times it is counted — some
// 400 M instructions, so that the start of node (~1.7 G, not quite the same from run to
// run) weighs little (--n scales them).
const CALLS = [
  ["checkEligibility", "eligibility-baotou-complete", 1500],
  ["checkEligibility", "eligibility-shizuishan-half", 600],
  ["classifyCost", "cost-line", 5000],
  ["checkChange", "change-4", 1300],
  ["classifyCosts", "costs-50", 50],
];
const WARM = 50;

if (args[0] === "--run") {
  const [, glue, fixture, check, count] = args;
  const api = createRequire(import.meta.url)(glue);
  const input = JSON.parse(readFileSync(fixture, "utf8"));
  for (let i = 0; i < WARM + Number(count); i++) api[check](input);
  process.exit(0);
}

const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const pkgDir = path.resolve(args.find((a, i) => !a.startsWith("--") && !["--build", "--against", "--n"].includes(args[i - 1])) ?? "pkg");
const build = opt("--build", "modern");
const against = opt("--against");
const scale = Number(opt("--n", 1));

function instructions(dir, check, fixture, count) {
  const glue = path.join(dir, "node", build, "govit_check.js");
  const run = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null",
    process.execPath, "--no-liftoff", "--no-wasm-lazy-compilation", "--single-threaded",
    fileURLToPath(import.meta.url), "--run", glue, path.join(root, "bench/fixtures", `${fixture}.json`), check, String(count)],
  { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const m = /Collected : (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !m) throw new Error(run.stderr);
  return Number(m[1]);
}

const perCall = (dir, check, fixture, n) => (instructions(dir, check, fixture, n) - instructions(dir, check, fixture, 0)) / n;
const fmt = (x) => `${(x / 1000).toFixed(1)} k`;
console.log(`instructions per call, ${build} build${against ? `: ${against} (before) → ${pkgDir} (after)` : ""}`);
for (const [check, fixture, count] of CALLS) {
  const n = Math.max(1, Math.round(count * scale));
  const after = perCall(pkgDir, check, fixture, n);
  if (!against) {
    console.log(`${`${check} ${fixture}`.padEnd(48)} ${fmt(after).padStart(10)}`);
    continue;
  }
  const before = perCall(against, check, fixture, n);
  console.log(`${`${check} ${fixture}`.padEnd(48)} ${fmt(before).padStart(10)} → ${fmt(after).padStart(10)}  ${((after / before - 1) * 100).toFixed(1).padStart(5)} %`);
}
