#!/usr/bin/env bash
# End-to-end tests of the demo portal (www/): tests/e2e/.
#   1. its pure modules in Node, and what Chromium 69 lacks kept out of its files (es-check
#      ES2018 + a list of later built-ins, DOM calls and CSS);
#   2. today's headless Chromium (Debian's, playwright-core): every behaviour, the printed
#      sheets (page.pdf, read with poppler's pdftotext), axe, the README's snippet, and
#      1,000 crafted drafts (DRAFTS=… for fewer);
#   3. real old headless Chromium 69, 72, 80, 85 and 86 from npm (chrome-aws-lambda,
#      puppeteer-core 5.3.1; decompressed once into target/old-chromium/);
#   4. the portal's speed harness, briefly, so it keeps working (figures: README).
# Assumes the npm package is built (pkg/, by pkg-config/build.sh or scripts/demo.sh) and
# the release CLI exists (cargo build --release); installs what else a fresh machine lacks
# (Chromium, a CJK font for the screenshots, poppler-utils, the npm tools from their
# committed lockfiles — the old browsers' with scripts disabled: nothing is downloaded
# but the packages). Screenshots are written to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'test-portal: %s\n' "$*"; }

[ -f pkg/web/govit_check.js ] || { say "pkg/ is missing: run pkg-config/build.sh (or NO_SERVE=1 scripts/demo.sh)"; exit 1; }
[ -x target/release/govit-check ] || { say "target/release/govit-check is missing: run cargo build --release"; exit 1; }

apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "$@" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$@" >/dev/null; }
}
if ! command -v chromium >/dev/null; then
  say "apt-get install chromium"; apt_install chromium || { say "chromium is needed"; exit 1; }
fi
if ! command -v pdftotext >/dev/null; then
  say "apt-get install poppler-utils (pdftotext: the printed sheets' text and page numbers)"
  apt_install poppler-utils || { say "pdftotext is needed"; exit 1; }
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  say "apt-get install fonts-wqy-microhei (Chinese glyphs in the screenshots and printed sheets)"
  apt_install fonts-wqy-microhei || { say "a CJK font is needed: the printed sheets are read as text"; exit 1; }
fi

# npm ci in DIR when its lockfile changed since the last install.
npm_ci() {
  local sum
  sum=$(sha256sum "$1/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$1/node_modules/.lock-sha256" 2>/dev/null)" != "$sum" ]; then
    say "npm ci in $1"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" > "$1/node_modules/.lock-sha256"
  fi
}
E=tests/e2e
npm_ci "$E"
npm_ci "$E/old-chromium"      # its .npmrc: ignore-scripts, legacy-peer-deps
npm_ci pkg-config/test        # es-check

# The page imports the package from www/vendor/govit-check/ (gitignored): the web build.
rm -rf www/vendor/govit-check
mkdir -p www/vendor
cp -r pkg/web www/vendor/govit-check
# The list of regulations as JSON (the page without WebAssembly and without the service).
node scripts/portal-assets.mjs pkg www/vendor/forms

start=$(date +%s)
say "ES2018 (and dynamic import) in www/*.js: Chromium 69's syntax"
pkg-config/test/node_modules/.bin/es-check es2018 --module --checkFeatures --allowList=DynamicImport --silent www/*.js
(cd "$E" && timeout 2400 node --test --test-concurrency=1 units.test.mjs compat.test.mjs portal.test.mjs readme-example.test.mjs drafts.test.mjs)
say "old Chromium (69, 72, 80, 85, 86)"
(cd "$E/old-chromium" && timeout 1200 node --test --test-concurrency=1 old-chromium.test.mjs)
# The portal's speed harness, briefly, so it keeps working (figures: README "Performance").
timeout 300 node bench/portal/run.mjs --quick
say "done in $(( $(date +%s) - start )) s"
