#!/usr/bin/env bash
# The demo portal: sets up what a fresh machine lacks, builds the npm package and the CLI,
# copies the package next to the page and serves www/ with `govit-check serve --www www`
# on http://127.0.0.1:$PORT/ (default 8000; the HTTP API answers beside it, /v1/...).
#   scripts/demo.sh              set up, build, serve (Ctrl-C stops)
#   PORT=9000 scripts/demo.sh    another port
#   NO_SERVE=1 scripts/demo.sh   set up and build only (what the e2e tests need)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"

step() { printf '\n=== %s\n' "$*"; }

step "toolchain for the WebAssembly build"
scripts/setup-wasm.sh --build-only
step "npm package (pkg/)"
pkg-config/build.sh

step "the CLI (target/release/govit-check: it serves the page)"
cargo build --release --locked -p govit-check-cli

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
exec target/release/govit-check serve --addr "127.0.0.1:${PORT}" --www www
