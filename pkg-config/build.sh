#!/usr/bin/env bash
# Builds the npm package `govit-check` into pkg/ at the repository root (gitignored):
#   pkg/web/   wasm-bindgen --target web    (browsers, <script type="module">, bundlers)
#   pkg/node/  wasm-bindgen --target nodejs (Node ESM and CJS; one instance, ready on import)
# from ONE release build of the library for wasm32-unknown-unknown. The package.json,
# README and Node wrappers come from pkg-config/. Needs wasm-bindgen 0.2.130
# (scripts/setup-wasm.sh installs it). No wasm-opt (Debian's v108 breaks wasm-bindgen
# output); set WASM_OPT=/path/to/wasm-opt (e.g. from the npm `binaryen` package) to use one.
#   pkg-config/build.sh            build (cargo reuses an up-to-date build)
#   SKIP_CARGO=1 pkg-config/build.sh   only re-run wasm-bindgen and assemble
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CFG=$ROOT/pkg-config
OUT=$ROOT/pkg
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
WASM=$TARGET_DIR/wasm32-unknown-unknown/release/govit_check.wasm

want=0.2.130
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
[ "$have" = "$want" ] || { echo "build.sh: wasm-bindgen $want needed (found '${have:-none}'); run scripts/setup-wasm.sh" >&2; exit 1; }

if [ -z "${SKIP_CARGO:-}" ]; then
  cargo build --release --lib --locked --target wasm32-unknown-unknown
fi

rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen "$WASM" --target web --out-dir "$OUT/web"
wasm-bindgen "$WASM" --target nodejs --out-dir "$OUT/node"
if [ -n "${WASM_OPT:-}" ]; then
  for d in web node; do
    "$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$OUT/$d/govit_check_bg.wasm" -o "$OUT/$d/govit_check_bg.wasm"
  done
fi

# Module formats: web/ is ESM, node/ is CommonJS (its wasm-bindgen snippets are written
# as ES modules; they are rewritten to CommonJS so every Node 20 loads them).
printf '{"type":"module"}\n' > "$OUT/web/package.json"
printf '{"type":"commonjs"}\n' > "$OUT/node/package.json"
node "$CFG/snippets-to-cjs.cjs" "$OUT/node/snippets"
cp "$CFG/node/index.mjs" "$CFG/node/index.cjs" "$OUT/node/"
# One hand-written set of types for every entry point.
cp "$OUT/web/govit_check.d.ts" "$OUT/govit_check.d.ts"
sed -i 's#^/\* @ts-self-types=.*##' "$OUT/govit_check.d.ts" || true

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
sed "s/\"0.0.0-cargo\"/\"$version\"/" "$CFG/package.json" > "$OUT/package.json"
cp "$CFG/README.md" "$OUT/README.md"

wasm_bytes=$(stat -c%s "$OUT/web/govit_check_bg.wasm")
wasm_gz=$(gzip -9c "$OUT/web/govit_check_bg.wasm" | wc -c)
js_bytes=$(stat -c%s "$OUT/web/govit_check.js")
js_gz=$(cat "$OUT/web/govit_check.js" "$OUT"/web/snippets/*/*.js | gzip -9c | wc -c)
echo "pkg/ govit-check@$version: wasm $wasm_bytes B ($wasm_gz B gz), web JS $js_bytes B (+snippets: $js_gz B gz)"
