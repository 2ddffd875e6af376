#!/usr/bin/env bash
# The browser floor of the npm package (README "Browsers"; issue 19), checked on the built
# package without an old browser:
#   1. the compat .wasm validates with every WebAssembly feature that Chromium 85/86,
#      Firefox 78 ESR or Safari 14.0 lacks turned off (Debian wabt's wasm-validate), and its
#      target_features section names only what they all have (mutable-globals, multivalue):
#      no object file — the standard library's included — was compiled for more;
#   2. the modern .wasm fails that validation (so the check can fail) and passes with the
#      features on;
#   3. the entry's feature probe is pkg-config/web/probe.wat, valid with every feature on
#      and invalid with any one of the modern build's features off;
#   4. es-check (syntax and built-ins) on every JS file of the package and the portal, at
#      ES2020 (the floor's Firefox 78 parses no ES2021 logical assignment), and a grep for
#      the newer built-ins es-check's heuristics miss.
# Feature support per engine: webassembly.org/features (docs/performance.md, "Old browsers").
#   pkg-config/test/floor.sh [PKG_DIR=pkg]
set -uo pipefail
cd "$(dirname "$0")/../.."
PKG=${1:-pkg}
ES_CHECK=pkg-config/test/node_modules/.bin/es-check
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAILED: $*"; }

# What an engine of the floor lacks, as wasm-validate switches (wabt 1.0.32 enables these by
# default; threads, tail calls, exceptions, GC, memory64… are off by default).
LACKING=(--disable-reference-types --disable-bulk-memory --disable-sign-extension
  --disable-saturating-float-to-int --disable-simd)
compat=$PKG/web/compat/govit_check_bg.wasm
modern=$PKG/web/modern/govit_check_bg.wasm

if out=$(wasm-validate "${LACKING[@]}" "$compat" 2>&1); then ok "compat .wasm valid without ${LACKING[*]}"
else bad "compat .wasm needs a feature old browsers lack: $out"; fi

features=$(wasm-objdump -x -j target_features "$compat" | sed -n 's/^ *- \[+\] //p' | sort | tr '\n' ' ')
if [ "$features" = "multivalue mutable-globals " ]; then ok "compat target_features: $features"
else bad "compat target_features should be exactly 'multivalue mutable-globals', found: $features"; fi

if wasm-validate "$modern" >/dev/null 2>&1 && ! wasm-validate "${LACKING[@]}" "$modern" >/dev/null 2>&1; then
  ok "modern .wasm valid with the features on, invalid without them"
else bad "modern .wasm: expected valid with every feature and invalid without reference types etc."; fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
wat2wasm pkg-config/web/probe.wat -o "$tmp/probe.wasm"
probe=$(sed -n 's/^const PROBE = "\(.*\)";$/\1/p' pkg-config/web/govit_check.js)
if [ "$(base64 -w0 "$tmp/probe.wasm")" = "$probe" ] && grep -qF "$probe" "$PKG/web/govit_check.js"; then
  ok "PROBE is probe.wat (and shipped)"
else bad "PROBE in pkg-config/web/govit_check.js is not base64 of probe.wat"; fi
probe_ok=1
wasm-validate "$tmp/probe.wasm" || probe_ok=0
for off in --disable-reference-types --disable-bulk-memory --disable-sign-extension \
  --disable-saturating-float-to-int --disable-multi-value; do
  wasm-validate "$off" "$tmp/probe.wasm" >/dev/null 2>&1 && { echo "probe valid with $off"; probe_ok=0; }
done
[ $probe_ok = 1 ] && ok "probe: valid with every feature, invalid with any one off" || bad "probe does not test every feature"

# es-check at ES2020, not ES2021: Firefox 78 ESR does not parse ES2021's logical assignment
# (`??=`, `||=`, `&&=`: Firefox 79) nor have Promise.any / WeakRef; Chromium 85+ and Safari 14
# have all of ES2021. Syntax (acorn) and --checkFeatures (built-ins).
ES=es2020
web_js=("$PKG"/web/govit_check.js "$PKG"/web/*/govit_check.js "$PKG"/web/*/snippets/*/*.js "$PKG"/node/index.mjs www/*.js)
if "$ES_CHECK" $ES "${web_js[@]}" --module --checkFeatures; then ok "es-check $ES: ${#web_js[@]} ES module files (package web/, Node ESM entry, portal www/)"
else bad "es-check $ES (ES modules)"; fi
cjs=("$PKG"/node/index.cjs "$PKG"/node/*/govit_check.js "$PKG"/node/*/snippets/*/*.js)
if "$ES_CHECK" $ES "${cjs[@]}" --checkFeatures; then ok "es-check $ES: ${#cjs[@]} CommonJS files (package node/)"
else bad "es-check $ES (CommonJS)"; fi
# Built-ins newer than the floor that es-check's feature detection does not see on any
# receiver (it flags `[1].at(-1)`, not `parts.at(-1)`): ES2022+ methods by name.
newer='\.at\(|Object\.hasOwn\(|structuredClone\(|\.findLast(Index)?\(|\.to(Sorted|Reversed|Spliced)\(|Object\.groupBy|Promise\.any\(|new WeakRef\('
if hits=$(grep -nE "$newer" "${web_js[@]}" "${cjs[@]}"); then bad "built-ins newer than the floor: $hits"
else ok "no ES2021+ built-ins by name (.at, Object.hasOwn, structuredClone, findLast, toSorted…, Promise.any, WeakRef)"; fi

echo "floor: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
