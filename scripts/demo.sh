#!/usr/bin/env bash
# The demo portal: sets up what a fresh machine lacks, builds the npm package, copies it
# next to the page and serves www/ on http://127.0.0.1:$PORT/ (default 8000).
#   scripts/demo.sh              set up, build, serve (Ctrl-C stops)
#   PORT=9000 scripts/demo.sh    another port
#   NO_SERVE=1 scripts/demo.sh   set up and build only (what the e2e tests need)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"

step() { printf '\n=== %s\n' "$*"; }

step "toolchain for the WebAssembly build"
scripts/setup-wasm.sh --build-only
command -v python3 >/dev/null || { echo "demo.sh: python3 is needed to serve the page" >&2; exit 1; }

step "npm package (pkg/)"
pkg-config/build.sh

step "page (www/vendor/govit-check/)"
rm -rf www/vendor/govit-check
mkdir -p www/vendor
cp -r pkg/web www/vendor/govit-check
# The forms and the list of regulations as JSON (the page without WebAssembly).
node scripts/portal-assets.mjs pkg www/vendor/forms
echo "copied pkg/web → www/vendor/govit-check"

[ -n "${NO_SERVE:-}" ] && exit 0

step "serving www/"
echo "Open http://127.0.0.1:${PORT}/ (Ctrl-C stops)"
exec python3 scripts/serve-www.py --port "$PORT"
