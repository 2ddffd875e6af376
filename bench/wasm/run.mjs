#!/usr/bin/env node
// The Wasm benchmark: the npm package through its public JS API, in Node and (with
// --browser) the same measurements in headless Chromium.
//   node bench/wasm/run.mjs [PKG_DIR=pkg] [--browser] [--json OUT.json] [--quick] [--build modern|compat]
// --build: measure that WebAssembly build of the package (default: each build it holds, in
// turn; in Node it is chosen by GOVIT_CHECK_WASM, in Chromium by init({build})).
// Reports, as medians: µs per call for each check (inputs: bench/fixtures/), the boundary
// alone (`version()`, and JSON text conversion in JS), cold start (import to first
// verdict, fresh process / fresh browser context each time) and the gzipped size of the
// .wasm and the JS glue. Needs the package built (pkg-config/build.sh); --browser needs
// playwright-core (`npm ci --prefix bench/wasm`) and Debian's chromium (never downloaded).
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { measureAll, median } from "./measure.mjs";
import { packageSizes, builds } from "./sizes.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const pkgDir = path.resolve(args.find((a, i) => !a.startsWith("--") && !["--json", "--build"].includes(args[i - 1])) ?? "pkg");
const quick = args.includes("--quick");
const timing = quick ? { samples: 7, sliceMs: 5, warmMs: 30, warmAllMs: 300 } : { samples: 25, sliceMs: 20, warmMs: 150, warmAllMs: 10000 };
const coldRuns = quick ? 3 : 11;

const fixturesDir = path.join(root, "bench/fixtures");
const fixtures = Object.fromEntries(
  readdirSync(fixturesDir).filter((f) => f.endsWith(".json"))
    .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(path.join(fixturesDir, f), "utf8"))]),
);

/** The package's Node ES module entry, as its package.json exports it. */
function nodeEntry() {
  const pj = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  const rel = pj.exports?.["."]?.node?.import?.default ?? pj.exports?.["."]?.import ?? pj.module ?? pj.main;
  return pathToFileURL(path.join(pkgDir, rel)).href;
}

function nodeCold(entry, build) {
  const runs = [];
  const env = build ? { ...process.env, GOVIT_CHECK_WASM: build } : process.env;
  for (let i = 0; i < coldRuns; i++) {
    const out = execFileSync(process.execPath, [path.join(here, "cold.mjs"), entry,
      path.join(fixturesDir, "eligibility-baotou-complete.json")], { env });
    runs.push(JSON.parse(out));
  }
  return summarize(runs);
}

function summarize(runs) {
  const keys = Object.keys(runs[0]);
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
}

/** Node, one build per process (the package's Node entry reads GOVIT_CHECK_WASM on import). */
async function inNode(build) {
  const entry = nodeEntry();
  const cold = nodeCold(entry, build);
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), pkgDir, "--node-calls",
    ...(quick ? ["--quick"] : [])], { env: build ? { ...process.env, GOVIT_CHECK_WASM: build } : process.env,
    maxBuffer: 1 << 24 });
  return { engine: `Node ${process.version}`, build, cold, calls: JSON.parse(out) };
}

async function inChromium(build) {
  const { createServer } = await import("node:http");
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    const req = (await import("node:module")).createRequire(path.join(here, "package.json"));
    ({ chromium } = req("playwright-core"));
  }
  const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript",
    ".json": "application/json", ".wasm": "application/wasm" };
  // Serves the repository (bench/ for the page and fixtures) and the package under /pkg/.
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const p = decodeURIComponent(url.pathname);
    const base = p.startsWith("/pkg/") ? pkgDir : root;
    const file = path.join(base, p.startsWith("/pkg/") ? p.slice(5) : p);
    if (!file.startsWith(base + path.sep)) return res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const exe = process.env.CHROMIUM ?? execFileSync("sh", ["-c", "command -v chromium"]).toString().trim();
  const browser = await chromium.launch({
    executablePath: exe,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page_url = (mode) => `${origin}/bench/wasm/page.html?mode=${mode}&quick=${quick ? 1 : 0}` +
      (build ? `&build=${build}` : "");
    const runPage = async (mode) => {
      const ctx = await browser.newContext(); // empty HTTP cache: a cold start each time
      const page = await ctx.newPage();
      const problems = [];
      page.on("pageerror", (e) => problems.push(String(e)));
      await page.goto(page_url(mode));
      await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 600000 });
      const r = await page.evaluate(() => window.__bench);
      await ctx.close();
      if (r.failure || problems.length) throw new Error(r.failure ?? problems.join("\n"));
      if (build && r.build !== build) throw new Error(`the page ran the ${r.build} build, not ${build}`);
      return r;
    };
    const colds = [];
    for (let i = 0; i < coldRuns; i++) colds.push((await runPage("cold")).cold);
    const full = await runPage("calls");
    return { engine: `Chromium ${browser.version()}`, build, cold: summarize(colds), calls: full.calls };
  } finally {
    await browser.close();
    server.close();
  }
}

const fmtUs = (us) => (us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2));

if (args.includes("--node-calls")) {
  // The child of inNode(): the per-call table of this process's build, as JSON.
  const api = await import(nodeEntry());
  if (process.env.GOVIT_CHECK_WASM && api.wasmBuild() !== process.env.GOVIT_CHECK_WASM) {
    throw new Error(`ran the ${api.wasmBuild()} build, not ${process.env.GOVIT_CHECK_WASM}`);
  }
  process.stdout.write(JSON.stringify(measureAll(api, fixtures, timing)));
  process.exit(0);
}

const measured = opt("--build") ? [opt("--build")] : builds(pkgDir);
const sizes = Object.fromEntries(measured.map((b) => [b ?? "package", packageSizes(pkgDir, b ?? undefined)]));
const results = [];
for (const b of measured) results.push(await inNode(b));
if (args.includes("--browser")) for (const b of measured) results.push(await inChromium(b));

const load = os.loadavg().map((x) => x.toFixed(2)).join(" ");
console.log(`govit-check Wasm benchmark — package ${path.relative(process.cwd(), pkgDir) || "."}`);
console.log(`machine: ${os.cpus().length}× ${os.cpus()[0]?.model ?? "?"}, load average ${load}\n`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [b, s] of Object.entries(sizes)) {
  console.log(`size (${b}): .wasm ${kb(s.wasm.gz)} gz (${kb(s.wasm.raw)} raw, ${kb(s.wasm.br)} br); ` +
    `JS ${kb(s.js.gz)} gz (${kb(s.js.raw)} raw); total ${kb(s.total.gz)} gz`);
}
for (const r of results) {
  console.log(`\n${r.engine}${r.build ? ` (${r.build} build)` : ""}: cold start (import → first verdict) ${r.cold.total_ms.toFixed(2)} ms ` +
    `(import ${r.cold.import_ms.toFixed(2)} ms, first call ${r.cold.first_call_ms.toFixed(2)} ms)`);
  const w = Math.max(...r.calls.map((c) => c.name.length));
  console.log(`${"call".padEnd(w)}  median µs   min µs`);
  for (const c of r.calls) {
    console.log(`${c.name.padEnd(w)}  ${fmtUs(c.us).padStart(9)}  ${fmtUs(c.min).padStart(7)}`);
  }
}
const out = opt("--json");
if (out) {
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), load: os.loadavg(),
    cpu: os.cpus()[0]?.model, cores: os.cpus().length, sizes, results }, null, 2) + "\n");
}
if (!existsSync(pkgDir)) process.exit(1);
