#!/usr/bin/env bash
# Every test of the Wasm build and the npm package `govit-check`, after the native tests
# (scripts/test.sh calls it). Reuses target/release/govit-check when it is there.
#   1. clippy -D warnings for wasm32-unknown-unknown
#   2. the binding and the corpus under wasm-bindgen-test, in Node and headless Chromium —
#      for the modern build and again for the compat one (WebAssembly 1.0 + mutable globals +
#      multi-value, the standard library rebuilt: pkg-config/build.sh says how)
#   3. the package (pkg-config/build.sh → pkg/, both builds), the browser floor
#      (pkg-config/test/floor.sh: wasm-validate without the features Chromium 85/86, Firefox
#      78 ESR and Safari 14 lack, es-check es2020 on the package's and the portal's JS), the
#      size budget of each build (bench/size-budget.mjs) and a --quick run of the Wasm
#      benchmark harness (bench/wasm/run.mjs)
#   4. conformance: every case through the CLI and the package in Node, verdicts
#      byte-identical and valid against docs/openapi.json, once per build; hostile input through the package (tests/node/: hostile values, the
#      hostile-text parity suite against the CLI, 200,000 calls that must leave memory flat),
#      once per build; the Node entry's build choice and its wasm_unavailable error
#   5. the npm pack tarball installed as a user would: tsc --noEmit on a TS consumer and on
#      every corpus answer of the package as a constant of its declared type, a Node
#      ESM and a CJS consumer, a Vite build and a plain <script type="module"> page in
#      Chromium; both builds, the English texts loaded on demand (an English page, a Chinese
#      page's first English check, an English catalog) and the wasm_unavailable error in
#      Chromium (no WebAssembly, a .wasm that does not compile, a CSP that refuses it, an
#      engine that fails the probe)
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
  # The library as the binding links it: without `catalog` and `english` (their code apart).
  cargo clippy --locked --target wasm32-unknown-unknown -p govit-check --lib --no-default-features -- -D warnings &&
  cargo clippy --locked --target wasm32-unknown-unknown -p govit-check-wasm -p govit-check-wasm-replay \
    --all-targets -- -D warnings
}
step "clippy (wasm32)" clippy_wasm
WASM_TESTS=(-p govit-check-wasm -p govit-check-wasm-replay)
step "the binding under wasm-bindgen-test (Node)" \
  cargo test --locked --target wasm32-unknown-unknown "${WASM_TESTS[@]}"
step "the binding under wasm-bindgen-test (headless Chromium)" \
  env WASM_BINDGEN_USE_BROWSER=1 cargo test --locked --target wasm32-unknown-unknown "${WASM_TESTS[@]}"
# The same tests compiled as the package's compat build is (pkg-config/build.sh: the same
# flags and the standard library rebuilt with them; its target dir, apart from the modern one).
compat_test() {  # compat_test [VAR=VALUE...]
  env "$@" RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C target-cpu=mvp -C target-feature=+mutable-globals,+multivalue" \
    cargo test -Zbuild-std=panic_abort,std --locked --target wasm32-unknown-unknown \
    --target-dir "$TARGET_DIR/wasm-compat" "${WASM_TESTS[@]}"
}
step "the binding as the compat build under wasm-bindgen-test (Node)" compat_test
step "the binding as the compat build under wasm-bindgen-test (headless Chromium)" \
  compat_test WASM_BINDGEN_USE_BROWSER=1

step "build the npm package (pkg/)" pkg-config/build.sh

step "browser floor: wasm-validate, target_features, the probe, es-check es2020" pkg-config/test/floor.sh pkg
step "size budget of each build (.wasm ≤ 150 KB gz; .wasm + JS ratchet)" node bench/size-budget.mjs pkg
# The benchmark harness, briefly, so it keeps working (figures: README "Performance").
step "Wasm benchmark harness (--quick, Node)" node bench/wasm/run.mjs pkg --quick

conformance() {  # conformance BUILD
  [ -x "$TARGET_DIR/release/govit-check" ] || cargo build --release --locked --bin govit-check || return 1
  local py; py=$(scripts/pytools.sh) || return 1
  GOVIT_CHECK_WASM=$1 "$py" tools/conformance.py --corpus --cli "$TARGET_DIR/release/govit-check" --node pkg --parity \
    --schema docs/openapi.json --save-answers "$TARGET_DIR/answers-$1"
}
step "conformance: CLI and Node package (modern build), --parity, every answer against docs/openapi.json" conformance modern
step "conformance: CLI and Node package (compat build), --parity, every answer against docs/openapi.json" conformance compat
hostile() {  # hostile BUILD
  [ -x "$TARGET_DIR/release/govit-check" ] || cargo build --release --locked --bin govit-check || return 1
  env GOVIT_PKG="$ROOT/pkg" GOVIT_CHECK_WASM="$1" GOVIT_CLI="$TARGET_DIR/release/govit-check" node --test tests/node/
}
step "hostile input through the package, its parity with the CLI and its memory (tests/node/), modern build" hostile modern
step "hostile input through the package, its parity with the CLI and its memory (tests/node/), compat build" hostile compat
step "Node entry: GOVIT_CHECK_WASM picks the build; wasm_unavailable (--jitless, broken .wasm)" \
  env PKG_DIR="$ROOT/pkg" node --test "$T/node-builds.test.mjs"

install_consumer() {
  rm -rf "$APP" && mkdir -p "$APP" "$TARGET_DIR/npm" || return 1
  rm -f "$TARGET_DIR"/npm/govit-check-*.tgz
  (cd pkg && npm pack --pack-destination "$TARGET_DIR/npm" --loglevel=error) || return 1
  cp "$T"/consumer/* "$APP"/ && cp examples/application.json "$APP"/ || return 1
  printf '{"name":"govit-check-consumer","private":true,"type":"module"}\n' > "$APP/package.json"
  (cd "$APP" && npm install --no-audit --no-fund --loglevel=error "$TARGET_DIR"/npm/govit-check-*.tgz) || return 1
  "$TARGET_DIR/release/govit-check" eligibility examples/application.json > "$APP/expected.json"
  "$TARGET_DIR/release/govit-check" eligibility --locale en examples/application.json > "$APP/expected-en.json"
  ls -l "$TARGET_DIR"/npm/govit-check-*.tgz
}
step "npm pack and install the tarball" install_consumer

step "TypeScript consumer: tsc --noEmit" node "$T/node_modules/typescript/bin/tsc" -p "$APP/tsconfig.json"
# Every answer the package gave the corpus, as a constant of its declared type (answers.ts).
answers_ts() {
  python3 tools/typed_clients.py ts "$TARGET_DIR/answers-modern/node.jsonl" "$APP/answers.ts" &&
    node "$T/node_modules/typescript/bin/tsc" -p "$APP/tsconfig.answers.json"
}
step "TypeScript: every corpus answer of the package under tsc --strict as its declared type" answers_ts
step "Node ESM and CJS consumers" \
  env GOVIT_CLI="$TARGET_DIR/release/govit-check" node --test "$APP/esm.test.mjs" "$APP/cjs.test.cjs"
step "Vite build of a page importing the package" \
  node "$T/node_modules/vite/bin/vite.js" build "$APP" --base ./ --outDir dist --emptyOutDir --logLevel warn
step "the Vite page and a plain module page in Chromium" \
  env APP_DIR="$APP" EXPECTED="$APP/expected.json" EXPECTED_EN="$APP/expected-en.json" CHROME_ARGS="$CHROME_ARGS" \
  node --test "$T/browser.test.mjs"
step "both builds, the English texts on demand and wasm_unavailable in Chromium (no Wasm, broken .wasm, CSP, old engine)" \
  env PKG_DIR="$ROOT/pkg" EXPECTED="$APP/expected.json" EXPECTED_EN="$APP/expected-en.json" node --test "$T/builds.test.mjs"

printf '\n'
[ ${#failures[@]} -eq 0 ] || printf 'wasm step failed: %s\n' "${failures[@]}"
echo "wasm: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
