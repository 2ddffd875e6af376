#!/usr/bin/env bash
# Every test of the Wasm build and the npm package `govit-check`, after the native tests
# (scripts/test.sh calls it). Reuses target/release/govit-check when it is there.
#   1. clippy -D warnings for wasm32-unknown-unknown
#   2. the binding's tests under wasm-bindgen-test (crates/wasm/replay), in Node and headless
#      Chromium: the whole corpus, each answer byte-identical to the native one, and the
#      JS-only inputs (NaN, BigInt, undefined, circular, oversize)
#   3. the package (pkg-config/build.sh → pkg/), its size budget (bench/size-budget.mjs) and
#      a --quick run of the Wasm benchmark harness (bench/wasm/run.mjs)
#   4. conformance: every case through the CLI and the package in Node, verdicts byte-identical;
#      hostile input through the package (tests/node/hostile.test.mjs)
#   5. the npm pack tarball installed as a user would: tsc --noEmit on a TS consumer, a Node
#      ESM and a CJS consumer, a Vite build and a plain <script type="module"> page in Chromium
# Each step runs even when an earlier one failed; the exit status is non-zero if any did.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
T=$ROOT/pkg-config/test
APP=$TARGET_DIR/npm-consumer
CHROME_ARGS="--no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

passed=0; failed=0; failures=()
step() {  # step NAME COMMAND...
  local name=$1; shift
  printf '\n=== wasm: %s\n' "$name"
  local t0=$SECONDS
  if "$@"; then passed=$((passed + 1)); printf -- '--- ok (%ss): %s\n' $((SECONDS - t0)) "$name"
  else failed=$((failed + 1)); failures+=("$name"); printf -- '--- FAILED (%ss): %s\n' $((SECONDS - t0)) "$name"; fi
}

./scripts/setup-wasm.sh || { echo "setup-wasm.sh failed"; exit 1; }

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)}
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}

# The library, the binding and its tests (the library's own tests run natively).
clippy_wasm() {
  cargo clippy --locked --target wasm32-unknown-unknown -p govit-check --lib -- -D warnings &&
  cargo clippy --locked --target wasm32-unknown-unknown -p govit-check-wasm -p govit-check-wasm-replay \
    --all-targets -- -D warnings
}
step "clippy (wasm32)" clippy_wasm
WASM_TESTS=(-p govit-check-wasm -p govit-check-wasm-replay)
step "the binding under wasm-bindgen-test (Node)" \
  cargo test --locked --target wasm32-unknown-unknown "${WASM_TESTS[@]}"
step "the binding under wasm-bindgen-test (headless Chromium)" \
  env WASM_BINDGEN_USE_BROWSER=1 cargo test --locked --target wasm32-unknown-unknown "${WASM_TESTS[@]}"

step "build the npm package (pkg/)" pkg-config/build.sh

step "size budget (.wasm ≤ 150 KB gz; .wasm + JS ratchet)" node bench/size-budget.mjs pkg
# The benchmark harness, briefly, so it keeps working (figures: README "Performance").
step "Wasm benchmark harness (--quick, Node)" node bench/wasm/run.mjs pkg --quick

conformance() {
  [ -x "$TARGET_DIR/release/govit-check" ] || cargo build --release --locked --bin govit-check || return 1
  python3 tools/conformance.py --corpus --cli "$TARGET_DIR/release/govit-check" --node pkg --parity
}
step "conformance: CLI and Node package, --parity" conformance
step "hostile input through the package (Node: tests/node/)" env GOVIT_PKG="$ROOT/pkg" node --test tests/node/

install_consumer() {
  rm -rf "$APP" && mkdir -p "$APP" "$TARGET_DIR/npm" || return 1
  rm -f "$TARGET_DIR"/npm/govit-check-*.tgz
  (cd pkg && npm pack --pack-destination "$TARGET_DIR/npm" --loglevel=error) || return 1
  cp "$T"/consumer/* "$APP"/ && cp examples/application.json "$APP"/ || return 1
  printf '{"name":"govit-check-consumer","private":true,"type":"module"}\n' > "$APP/package.json"
  (cd "$APP" && npm install --no-audit --no-fund --loglevel=error "$TARGET_DIR"/npm/govit-check-*.tgz) || return 1
  "$TARGET_DIR/release/govit-check" eligibility examples/application.json > "$APP/expected.json"
  ls -l "$TARGET_DIR"/npm/govit-check-*.tgz
}
step "npm pack and install the tarball" install_consumer

step "TypeScript consumer: tsc --noEmit" node "$T/node_modules/typescript/bin/tsc" -p "$APP/tsconfig.json"
step "Node ESM and CJS consumers" \
  env GOVIT_CLI="$TARGET_DIR/release/govit-check" node --test "$APP/esm.test.mjs" "$APP/cjs.test.cjs"
step "Vite build of a page importing the package" \
  node "$T/node_modules/vite/bin/vite.js" build "$APP" --base ./ --outDir dist --emptyOutDir --logLevel warn
step "the Vite page and a plain module page in Chromium" \
  env APP_DIR="$APP" EXPECTED="$APP/expected.json" CHROME_ARGS="$CHROME_ARGS" node --test "$T/browser.test.mjs"

printf '\n'
[ ${#failures[@]} -eq 0 ] || printf 'wasm step failed: %s\n' "${failures[@]}"
echo "wasm: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
