#!/usr/bin/env node
// The package's modern and compat builds compared in one engine at a time — Node, and with
// --browser headless Chromium — calls alternating between the two builds (measure.mjs
// compareBuilds), so the ratio holds on a busy machine where absolute times do not.
//   node bench/wasm/compare.mjs [PKG_DIR=pkg] [--browser] [--quick]
// With --against OTHER_PKG: this package against another one (a build of main, before a
// change), each build with its namesake, in Node: calls alternating between the two, and
// cold starts (import to first verdict, a fresh process each) alternating too.
//   node bench/wasm/compare.mjs [PKG_DIR=pkg] --against OTHER_PKG [--quick]
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import path from "node:path";
import os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compareBuilds } from "./measure.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const args = process.argv.slice(2);
const against = args.includes("--against") ? path.resolve(args[args.indexOf("--against") + 1]) : null;
const pkgDir = path.resolve(args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--against") ?? "pkg");
const quick = args.includes("--quick");
const timing = quick ? { rounds: 5, sliceMs: 5, warmMs: 20, warmAllMs: 500 } : { rounds: 15, sliceMs: 20, warmMs: 100, warmAllMs: 10000 };
const fixturesDir = path.join(root, "bench/fixtures");
const fixtures = Object.fromEntries(readdirSync(fixturesDir).filter((f) => f.endsWith(".json"))
  .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(path.join(fixturesDir, f), "utf8"))]));

function inNode() {
  const req = createRequire(path.join(pkgDir, "node", "index.cjs"));
  const apis = { modern: req("./modern/govit_check.js"), compat: req("./compat/govit_check.js") };
  return { engine: `Node ${process.version}`, rows: compareBuilds(apis, fixtures, timing) };
}

async function inChromium() {
  const { createServer } = await import("node:http");
  const { chromium } = createRequire(path.join(here, "package.json"))("playwright-core");
  const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
    ".wasm": "application/wasm", ".html": "text/html" };
  const page_js = `
    import { compareBuilds } from "/bench/wasm/measure.mjs";
    const names = ${JSON.stringify(Object.keys(fixtures))};
    const fx = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await (await fetch("/bench/fixtures/" + n + ".json")).json()])));
    const modern = await import("/pkg/web/modern/govit_check.js");
    const compat = await import("/pkg/web/compat/govit_check.js");
    await modern.default();
    await compat.default();
    window.__rows = compareBuilds({ modern, compat }, fx, ${JSON.stringify(timing)});`;
  const server = createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (p === "/compare.html") return res.writeHead(200, { "content-type": "text/html" }).end(`<script type="module">${page_js}</script>`);
    const base = p.startsWith("/pkg/") ? pkgDir : root;
    const file = path.join(base, p.startsWith("/pkg/") ? p.slice(4) : p);
    let body;
    try {
      body = readFileSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const exe = process.env.CHROMIUM ?? execFileSync("sh", ["-c", "command -v chromium"]).toString().trim();
  const browser = await chromium.launch({ executablePath: exe, args: ["--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/compare.html`);
    await page.waitForFunction(() => window.__rows !== undefined || false, null, { timeout: 900000 }).catch((e) => {
      throw new Error(errors.join("\n") || String(e));
    });
    return { engine: `Chromium ${browser.version()}`, rows: await page.evaluate(() => window.__rows) };
  } finally {
    await browser.close();
    server.close();
  }
}

/** This package's build against the other package's, alternating, in Node. */
function againstInNode(build) {
  const glue = (dir) => createRequire(path.join(dir, "node", "index.cjs"))(`./${build}/govit_check.js`);
  return { engine: `Node ${process.version}, ${build} build`, rows: compareBuilds({ before: glue(against), after: glue(pkgDir) }, fixtures, timing) };
}

/** Cold starts (import → first verdict, cold.mjs) of both packages, alternating. */
function againstCold(build, runs) {
  const entry = (dir) => pathToFileURL(path.join(dir, "node", "index.mjs")).href;
  const fixture = path.join(fixturesDir, "eligibility-baotou-complete.json");
  const times = { before: [], after: [] };
  for (let i = 0; i < runs; i++) {
    for (const [key, dir] of [["before", against], ["after", pkgDir]]) {
      const out = execFileSync(process.execPath, [path.join(here, "cold.mjs"), entry(dir), fixture],
        { env: { ...process.env, GOVIT_CHECK_WASM: build } });
      times[key].push(JSON.parse(out));
    }
  }
  const med = (list, k) => { const v = list.map((r) => r[k]).sort((a, b) => a - b); return v[v.length >> 1]; };
  return Object.fromEntries(["import_ms", "first_call_ms", "total_ms"].map((k) =>
    [k, { before: med(times.before, k), after: med(times.after, k) }]));
}

if (against) {
  console.log(`${pkgDir} (after) against ${against} (before), alternating — load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  for (const build of ["modern", "compat"]) {
    const r = againstInNode(build);
    console.log(`\n${r.engine}\n${"call".padEnd(48)} before µs   after µs  after/before`);
    for (const row of r.rows) {
      console.log(`${row.name.padEnd(48)} ${row.us.before.toFixed(2).padStart(9)}  ${row.us.after.toFixed(2).padStart(9)}  ${row.ratio.toFixed(3).padStart(8)}`);
    }
    const ratios = r.rows.filter((x) => !x.name.startsWith("boundary")).map((x) => x.ratio).sort((a, b) => a - b);
    console.log(`median ratio over the checks: ${ratios[ratios.length >> 1].toFixed(3)}`);
    const cold = againstCold(build, quick ? 3 : 15);
    for (const [k, v] of Object.entries(cold)) {
      console.log(`cold start ${k.padEnd(14)} before ${v.before.toFixed(2)} ms, after ${v.after.toFixed(2)} ms (${(v.after / v.before).toFixed(3)})`);
    }
  }
  process.exit(0);
}

const results = [inNode()];
if (args.includes("--browser")) results.push(await inChromium());
console.log(`modern vs compat build, alternating — load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
for (const r of results) {
  console.log(`\n${r.engine}\n${"call".padEnd(48)} modern µs  compat µs  compat/modern`);
  for (const row of r.rows) {
    console.log(`${row.name.padEnd(48)} ${row.us.modern.toFixed(2).padStart(9)}  ${row.us.compat.toFixed(2).padStart(9)}  ${row.ratio.toFixed(3).padStart(8)}`);
  }
  const ratios = r.rows.filter((x) => !x.name.startsWith("boundary")).map((x) => x.ratio).sort((a, b) => a - b);
  console.log(`median ratio over the checks: ${ratios[ratios.length >> 1].toFixed(3)}`);
}
