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
if [ -x scripts/setup-wasm.sh ]; then
  scripts/setup-wasm.sh
else
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown
  want=0.2.130
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    cargo install wasm-bindgen-cli --version "$want" --locked
  fi
fi

step "npm package (pkg/)"
pkg-config/build.sh

step "page (www/vendor/govit-check/)"
rm -rf www/vendor/govit-check
mkdir -p www/vendor
cp -r pkg/web www/vendor/govit-check
echo "copied pkg/web → www/vendor/govit-check"

[ -n "${NO_SERVE:-}" ] && exit 0

step "serving www/"
echo "Open http://127.0.0.1:${PORT}/ (Ctrl-C stops)"
exec python3 scripts/serve-www.py --port "$PORT"
