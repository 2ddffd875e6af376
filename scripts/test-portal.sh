#!/usr/bin/env bash
# End-to-end tests of the demo portal (www/) in headless Chromium: tests/e2e/.
# Assumes the npm package is built (pkg/, by pkg-config/build.sh or scripts/demo.sh) and
# the release CLI exists (cargo build --release); installs what else a fresh machine
# lacks (Chromium, a CJK font for the screenshots, playwright-core from the lock).
# Screenshots are written to docs/screenshots/.
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
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  say "apt-get install fonts-wqy-microhei (Chinese glyphs in the screenshots)"
  apt_install fonts-wqy-microhei || say "no CJK font: the screenshots will show boxes (tests still run)"
fi

E=tests/e2e
sum=$(sha256sum "$E/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$E/node_modules/.lock-sha256" 2>/dev/null)" != "$sum" ]; then
  say "npm ci in $E"
  (cd "$E" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$sum" > "$E/node_modules/.lock-sha256"
fi

# The page imports the package from www/vendor/govit-check/ (gitignored): the web build.
rm -rf www/vendor/govit-check
mkdir -p www/vendor
cp -r pkg/web www/vendor/govit-check
# The forms and the list of regulations as JSON (the page without WebAssembly).
node scripts/portal-assets.mjs pkg www/vendor/forms

start=$(date +%s)
(cd "$E" && timeout 600 node --test --test-concurrency=1 portal.test.mjs readme-example.test.mjs)
# The portal's speed harness, briefly, so it keeps working (figures: README "Performance").
timeout 300 node bench/portal/run.mjs --quick
say "done in $(( $(date +%s) - start )) s"
