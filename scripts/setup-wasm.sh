#!/usr/bin/env bash
# Installs what the Wasm / npm tests need and a fresh machine lacks. Idempotent: every
# step is skipped when its tool is already there (wasm-bindgen-cli costs 5–7 min only
# when absent). Called by scripts/test-wasm.sh; safe to run by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
WB=0.2.130   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml

say() { printf 'setup-wasm: %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB" ]; then
  say "cargo install wasm-bindgen-cli $WB (a few minutes)"
  cargo install wasm-bindgen-cli --version "$WB"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "apt-get install chromium chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

command -v node >/dev/null && command -v npm >/dev/null || {
  say "node and npm (Node >= 20) are needed"; exit 1; }

# npm tools of the tests (TypeScript, Vite, playwright-core), from the committed lock.
T=pkg-config/test
sum=$(sha256sum "$T/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$T/node_modules/.lock-sha256" 2>/dev/null)" != "$sum" ]; then
  say "npm ci in $T"
  (cd "$T" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$sum" > "$T/node_modules/.lock-sha256"
fi
