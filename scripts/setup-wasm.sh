#!/usr/bin/env bash
# Installs what the Wasm / npm tests need and a fresh machine lacks. Idempotent: every
# step is skipped when its tool is already there (wasm-bindgen-cli costs 5–7 min only
# when absent). Called by scripts/test-wasm.sh; safe to run by hand.
#   scripts/setup-wasm.sh               everything the Wasm tests need
#   scripts/setup-wasm.sh --build-only  only what building the package needs (scripts/demo.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
WB=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' crates/wasm/Cargo.toml)   # the binding's pin
[ -n "$WB" ] || { echo "setup-wasm: no wasm-bindgen pin in crates/wasm/Cargo.toml" >&2; exit 1; }

say() { printf 'setup-wasm: %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The package's builds recompile the standard library (-Zbuild-std: pkg-config/build.sh).
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "rustup component add rust-src"
  rustup component add rust-src
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB" ]; then
  say "cargo install wasm-bindgen-cli $WB (a few minutes)"
  # Without --locked: the CLI's own lockfile pins a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WB"
fi

command -v node >/dev/null && command -v npm >/dev/null || {
  say "node and npm (Node >= 20) are needed"; exit 1; }
[ "${1:-}" = "--build-only" ] && exit 0

# Debian's wabt: wasm-validate with the features old browsers lack turned off
# (scripts/test-wasm.sh). Only wasm-validate and wasm-objdump are used from it, never
# Debian's binaryen (its wasm-opt breaks wasm-bindgen output).
apt_missing=()
command -v chromium >/dev/null && command -v chromedriver >/dev/null || apt_missing+=(chromium chromium-driver)
command -v wasm-validate >/dev/null || apt_missing+=(wabt)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "apt-get install ${apt_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

# npm tools of the tests (TypeScript, Vite, playwright-core, es-check), from the committed lock.
T=pkg-config/test
sum=$(sha256sum "$T/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$T/node_modules/.lock-sha256" 2>/dev/null)" != "$sum" ]; then
  say "npm ci in $T"
  (cd "$T" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$sum" > "$T/node_modules/.lock-sha256"
fi
