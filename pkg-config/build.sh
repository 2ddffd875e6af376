#!/usr/bin/env bash
# Builds the npm package `govit-check` into pkg/ at the repository root (gitignored):
#   pkg/web/   wasm-bindgen --target web    (browsers, <script type="module">, bundlers)
#   pkg/node/  wasm-bindgen --target nodejs (Node ESM and CJS; one instance, ready on import)
# from ONE build of the binding crate crates/wasm (package govit-check-wasm, which links the
# library) for wasm32-unknown-unknown (profile wasm-release: the release profile at
# opt-level "z"); wasm-bindgen --out-name keeps the package's file names (govit_check.js,
# govit_check_bg.wasm). The package.json, README and Node wrappers come from pkg-config/.
# Needs the wasm-bindgen CLI of the version pinned in crates/wasm/Cargo.toml
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
PROFILE=${WASM_PROFILE:-wasm-release}   # Cargo.toml: release, optimised for size
WASM=$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/govit_check_wasm.wasm

want=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$ROOT/crates/wasm/Cargo.toml")   # the binding's pin
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
[ "$have" = "$want" ] || { echo "build.sh: wasm-bindgen $want needed (found '${have:-none}'); run scripts/setup-wasm.sh" >&2; exit 1; }

if [ -z "${SKIP_CARGO:-}" ]; then
  cargo build --profile "$PROFILE" -p govit-check-wasm --lib --locked --target wasm32-unknown-unknown
fi

rm -rf "$OUT"
mkdir -p "$OUT"
# Debug names and the producers section are left out (~10 KB gzipped).
WB_FLAGS=(--remove-name-section --remove-producers-section --out-name govit_check)
wasm-bindgen "$WASM" --target web "${WB_FLAGS[@]}" --out-dir "$OUT/web"
wasm-bindgen "$WASM" --target nodejs "${WB_FLAGS[@]}" --out-dir "$OUT/node"
# Both targets get the same .wasm: the package ships it once, in web/, and the Node glue
# reads it from there.
cmp -s "$OUT/web/govit_check_bg.wasm" "$OUT/node/govit_check_bg.wasm" || {
  echo "build.sh: the web and nodejs .wasm differ" >&2; exit 1; }
rm "$OUT/node/govit_check_bg.wasm" "$OUT/node/govit_check_bg.wasm.d.ts"
grep -q '^const wasmPath = `${__dirname}/govit_check_bg.wasm`;$' "$OUT/node/govit_check.js" || {
  echo "build.sh: wasm-bindgen's nodejs loader changed; update build.sh" >&2; exit 1; }
sed -i 's#^const wasmPath = `${__dirname}/govit_check_bg.wasm`;$#const wasmPath = `${__dirname}/../web/govit_check_bg.wasm`;#' \
  "$OUT/node/govit_check.js"
if [ -n "${WASM_OPT:-}" ]; then
  "$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$OUT/web/govit_check_bg.wasm" -o "$OUT/web/govit_check_bg.wasm"
fi

# Module formats: web/ is ESM, node/ is CommonJS (its wasm-bindgen snippets are written
# as ES modules; they are rewritten to CommonJS so every Node 20 loads them).
printf '{"type":"module"}\n' > "$OUT/web/package.json"
printf '{"type":"commonjs"}\n' > "$OUT/node/package.json"
node "$CFG/snippets-to-cjs.cjs" "$OUT/node/snippets"
cp "$CFG/node/index.mjs" "$CFG/node/index.cjs" "$OUT/node/"
# One set of types for every entry point: web/govit_check.d.ts (package.json "types").
# (and, for `require` under TypeScript's NodeNext resolution, the same text as CommonJS
# declarations: node/index.d.cts).
rm "$OUT/node/govit_check.d.ts"
cp "$OUT/web/govit_check.d.ts" "$OUT/node/index.d.cts"
sed -i 's#^/\* @ts-self-types=.*##' "$OUT/node/govit_check.js"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
sed "s/\"0.0.0-cargo\"/\"$version\"/" "$CFG/package.json" > "$OUT/package.json"
cp "$CFG/README.md" "$OUT/README.md"

wasm_bytes=$(stat -c%s "$OUT/web/govit_check_bg.wasm")
wasm_gz=$(gzip -9c "$OUT/web/govit_check_bg.wasm" | wc -c)
js_bytes=$(stat -c%s "$OUT/web/govit_check.js")
js_gz=$(cat "$OUT/web/govit_check.js" "$OUT"/web/snippets/*/*.js | gzip -9c | wc -c)
echo "pkg/ govit-check@$version: wasm $wasm_bytes B ($wasm_gz B gz), web JS $js_bytes B (+snippets: $js_gz B gz)"
