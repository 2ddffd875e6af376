// Real old headless Chromium builds, from npm: chrome-aws-lambda ships headless Chromium
// (and, from 2.x, the libraries it needs) brotli-compressed in its bin/ folder. Each is
// decompressed once with Node's zlib into target/old-chromium/<version>/ (kept between runs:
// ~140 MB each) and run with its bundled libraries on LD_LIBRARY_PATH, driven by
// puppeteer-core 5.3.1 — which downloads nothing (package-lock.json here; installed with
// scripts disabled: .npmrc).
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../../..");
const require = createRequire(import.meta.url);
export const puppeteer = require("puppeteer-core");

/** The builds: their major version, the npm alias (package.json) and its release. */
export const BUILDS = [
  { major: 69, pkg: "chromium-69", release: "chrome-aws-lambda@1.6.3" },
  { major: 72, pkg: "chromium-72", release: "chrome-aws-lambda@1.11.2" },
  { major: 80, pkg: "chromium-80", release: "chrome-aws-lambda@2.1.1" },
  { major: 85, pkg: "chromium-85", release: "chrome-aws-lambda@5.2.1" },
  { major: 86, pkg: "chromium-86", release: "chrome-aws-lambda@5.3.1" },
];

/**
 * The headless Chromium of a build, decompressed under target/old-chromium/ unless it
 * already is (a stamp names the package version it came from). Returns `{ executable,
 * libs }`: the binary, and the folder of its bundled libraries (or null).
 */
export function ensureChromium(build) {
  const pkgDir = join(HERE, "node_modules", build.pkg);
  const version = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version;
  const out = join(ROOT, "target/old-chromium", String(build.major));
  const stamp = join(out, ".stamp");
  const executable = join(out, "chromium");
  const libs = join(out, "lib");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === version && existsSync(executable)) {
    return { executable, libs: existsSync(libs) ? libs : null };
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const bin = join(pkgDir, "bin");
  const files = readdirSync(bin);
  // 1.x: bin/chromium-<version>.br, the binary alone; 2.x and later: bin/chromium.br and
  // tar archives of libraries (aws.tar.br: nss, expat…; swiftshader.tar.br: GL).
  const binary = files.find((f) => /^chromium(-[\d.]+)?\.br$/.test(f));
  if (!binary) throw new Error(`${build.release}: no chromium*.br in ${bin}`);
  writeFileSync(`${executable}.part`, brotliDecompressSync(readFileSync(join(bin, binary))));
  chmodSync(`${executable}.part`, 0o755);
  renameSync(`${executable}.part`, executable);
  for (const f of files.filter((x) => x.endsWith(".tar.br"))) {
    execFileSync("tar", ["-x", "-C", out], { input: brotliDecompressSync(readFileSync(join(bin, f))), maxBuffer: 1 << 30 });
  }
  writeFileSync(stamp, version);
  return { executable, libs: existsSync(libs) ? libs : null };
}

/** Launches a build headless (no sandbox, no GPU, nothing fetched from the network). */
export async function launch(build, extraArgs = []) {
  const { executable, libs } = ensureChromium(build);
  const env = Object.assign({}, process.env);
  if (libs) env.LD_LIBRARY_PATH = [libs, env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  return puppeteer.launch({
    executablePath: executable,
    headless: true,
    env,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--no-zygote", "--lang=zh-CN",
      "--disable-features=TranslateUI", "--font-render-hinting=none", ...extraArgs,
    ],
    defaultViewport: { width: 1280, height: 900 },
  });
}
