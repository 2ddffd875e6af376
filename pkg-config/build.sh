#!/usr/bin/env bash
# Builds the npm package `govit-check` into pkg/ at the repository root (gitignored) from TWO
# builds of the binding crate crates/wasm (package govit-check-wasm, which links the library)
# for wasm32-unknown-unknown, profile wasm-release (the release profile at opt-level "z"):
#   modern  rustc's default WebAssembly features (reference types, bulk memory, sign-ext,
#           non-trapping float-to-int, multi-value): Chromium >= 96, Firefox >= 79, Safari >= 15.
#           Target dir $TARGET_DIR/pkg-modern (the standard library is rebuilt: below)
#   compat  WebAssembly 1.0 + mutable-globals + multi-value, the standard library rebuilt
#           for it (-Zbuild-std; its precompiled copy uses the default features): Chromium
#           >= 85, Firefox >= 78, Safari >= 14. Target dir $TARGET_DIR/pkg-compat, so that
#           neither build invalidates the other. Needs the rust-src component.
# Each build goes through wasm-bindgen twice:
#   pkg/web/<build>/   --target web    (the .wasm of the build, and its ES module glue)
#   pkg/node/<build>/  --target nodejs (its CommonJS glue, reading the .wasm from web/<build>/)
# and pkg-config/ adds the entries: web/govit_check.js (browsers and bundlers: picks the build
# by a WebAssembly.validate probe and imports only its glue), node/index.{cjs,mjs} (the
# modern build; GOVIT_CHECK_WASM=compat for the compat one), package.json, README and types.
# The catalogs (`rules`, `form`) are not in the .wasm (the binding links the library without
# its `catalog` feature), nor are the English texts (without `english`): pkg-config/catalogs.mjs
# writes each, the native CLI's exact bytes, as web/catalog/<check>.<regime>.<locale>.js and
# web/catalog/texts.en.js, loaded when first asked for. The CLI is
# $GOVIT_CLI, else target/release/govit-check (built here unless SKIP_CARGO is set); its
# ruleset_id must be the .wasm's (checked at the end).
# Needs the wasm-bindgen CLI of the version pinned in crates/wasm/Cargo.toml
# (scripts/setup-wasm.sh installs it). No wasm-opt (Debian's v108 breaks wasm-bindgen
# output); set WASM_OPT=/path/to/wasm-opt (e.g. from the npm `binaryen` package) to use one.
#   pkg-config/build.sh            build (cargo reuses an up-to-date build)
#   SKIP_CARGO=1 pkg-config/build.sh   only re-run wasm-bindgen and assemble (needs the CLI built)
#   BUILDS=modern pkg-config/build.sh  the modern build alone (scripts/test-new-regulation.sh:
#                                      a package for Node and today's browsers, not to ship)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CFG=$ROOT/pkg-config
OUT=$ROOT/pkg
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
PROFILE=${WASM_PROFILE:-wasm-release}   # Cargo.toml: release, optimised for size
CLI=${GOVIT_CLI:-$TARGET_DIR/release/govit-check}

want=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$ROOT/crates/wasm/Cargo.toml")   # the binding's pin
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
[ "$have" = "$want" ] || { echo "build.sh: wasm-bindgen $want needed (found '${have:-none}'); run scripts/setup-wasm.sh" >&2; exit 1; }

# Both builds compile the standard library with the crate (-Zbuild-std; RUSTC_BOOTSTRAP=1
# lets stable cargo use it, with the rust-src component) and abort a panic on the spot
# (-C panic=immediate-abort): the library has no panic on any input (README, "Standards"),
# but the precompiled std's panic machinery — messages, source locations, the formatting of
# both — was linked all the same; a panic is now the trap it already ended in, without
# them (−9 KB gzipped; docs/performance.md, "Size after revision 3"). Each build has its
# own target dir (neither invalidates the other, nor the binding's tests in target/).
# The compat build: -C target-cpu=mvp turns every post-1.0 feature off, then back on only
# what every engine of the floor has; its std is compiled with the same flags. RUSTFLAGS
# applies to the wasm32 target only (--target is given), never to build scripts or native
# builds.
WASM_RUSTFLAGS="-Zunstable-options -C panic=immediate-abort"
COMPAT_RUSTFLAGS="$WASM_RUSTFLAGS -C target-cpu=mvp -C target-feature=+mutable-globals,+multivalue"
# (Not target/wasm-compat, where scripts/test-wasm.sh compiles the binding's tests as the
# compat build, panics unwinding: other flags, so each would rebuild the other's std.)
MODERN_DIR=$TARGET_DIR/pkg-modern
COMPAT_DIR=$TARGET_DIR/pkg-compat
BUILDS=${BUILDS:-modern compat}
case "$BUILDS" in "modern compat" | modern) ;; *) echo "build.sh: BUILDS is 'modern compat' (the default) or 'modern'" >&2; exit 1 ;; esac
has_compat() { [ "$BUILDS" != modern ]; }
# The standard library is built with its `optimize_for_size` feature: core's smaller sort
# and integer-formatting code in place of the fastest (−4.3 KB gzipped; every sort of the
# library is on a total order, so the answers cannot change; docs/performance.md, "Size
# after revision 3"). WASM_STD_FEATURES="" builds std without it.
STD_FEATURES=${WASM_STD_FEATURES-optimize_for_size}
wasm_build() {  # wasm_build RUSTFLAGS TARGET_DIR
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="$1" cargo build -Zbuild-std=panic_abort,std \
    ${STD_FEATURES:+-Zbuild-std-features=$STD_FEATURES} \
    --profile "$PROFILE" -p govit-check-wasm --lib --locked --target wasm32-unknown-unknown \
    --target-dir "$2"
}
if [ -z "${SKIP_CARGO:-}" ]; then
  [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ] || {
    echo "build.sh: the builds need the rust-src component (rustup component add rust-src; scripts/setup-wasm.sh does)" >&2; exit 1; }
  wasm_build "$WASM_RUSTFLAGS" "$MODERN_DIR"
  ! has_compat || wasm_build "$COMPAT_RUSTFLAGS" "$COMPAT_DIR"
  # The native CLI of the same source writes the catalogs and the English texts.
  [ -n "${GOVIT_CLI:-}" ] || cargo build --release --locked -p govit-check-cli --bin govit-check
fi
[ -x "$CLI" ] || { echo "build.sh: $CLI is missing (cargo build --release, or set GOVIT_CLI)" >&2; exit 1; }
WASM=$MODERN_DIR/wasm32-unknown-unknown/$PROFILE/govit_check_wasm.wasm
COMPAT_WASM=$COMPAT_DIR/wasm32-unknown-unknown/$PROFILE/govit_check_wasm.wasm

rm -rf "$OUT"
mkdir -p "$OUT/web" "$OUT/node"
# Debug names and the producers section are left out (~10 KB gzipped).
WB_FLAGS=(--remove-name-section --remove-producers-section --out-name govit_check)
bindgen() {  # bindgen BUILD WASM WASM_OPT_FEATURES...
  local build=$1 wasm=$2; shift 2
  local web=$OUT/web/$build node=$OUT/node/$build
  wasm-bindgen "$wasm" --target web "${WB_FLAGS[@]}" --out-dir "$web"
  wasm-bindgen "$wasm" --target nodejs "${WB_FLAGS[@]}" --out-dir "$node"
  # The package ships each .wasm once, in web/<build>/; the Node glue reads it from there.
  cmp -s "$web/govit_check_bg.wasm" "$node/govit_check_bg.wasm" || {
    echo "build.sh: the web and nodejs .wasm of $build differ" >&2; exit 1; }
  rm "$node/govit_check_bg.wasm" "$node/govit_check_bg.wasm.d.ts" "$web/govit_check_bg.wasm.d.ts"
  grep -q '^const wasmPath = `${__dirname}/govit_check_bg.wasm`;$' "$node/govit_check.js" || {
    echo "build.sh: wasm-bindgen's nodejs loader changed; update build.sh" >&2; exit 1; }
  sed -i "s#^const wasmPath = \`\${__dirname}/govit_check_bg.wasm\`;\$#const wasmPath = \`\${__dirname}/../../web/$build/govit_check_bg.wasm\`;#" \
    "$node/govit_check.js"
  sed -i 's#^/\* @ts-self-types=.*##' "$node/govit_check.js"
  rm "$node/govit_check.d.ts"
  # node/ is CommonJS: its wasm-bindgen snippets (ES modules) are rewritten so every Node 20
  # loads them.
  node "$CFG/snippets-to-cjs.cjs" "$node/snippets"
  if [ -n "${WASM_OPT:-}" ]; then
    "$WASM_OPT" -Oz "$@" "$web/govit_check_bg.wasm" -o "$web/govit_check_bg.wasm"
  fi
}
bindgen modern "$WASM" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue
! has_compat || bindgen compat "$COMPAT_WASM" --mvp-features --enable-mutable-globals --enable-multivalue
# The compat build's glue keeps JS values in wasm-bindgen's JS heap slab (no externref
# table): it must not ask for reference types.
if has_compat && grep -q '__wbindgen_externrefs' "$OUT/web/compat/govit_check.js"; then
  echo "build.sh: the compat glue uses an externref table: the compat .wasm has reference types" >&2; exit 1
fi

node "$CFG/catalogs.mjs" "$CLI" "$OUT/web/catalog"

printf '{"type":"module"}\n' > "$OUT/web/package.json"
printf '{"type":"commonjs"}\n' > "$OUT/node/package.json"
# The JS every browser downloads before its first check — the entry, each build's glue and
# its snippets — without whole-line comments and indentation (pkg-config/strip-js.cjs; the
# d.ts carry the docs): ~2.6 KB gzipped less.
cp "$CFG/web/govit_check.js" "$OUT/web/govit_check.js"
strip=("$OUT/web/govit_check.js")
for build in $BUILDS; do strip+=("$OUT/web/$build/govit_check.js" "$OUT"/web/$build/snippets/*/*.js); done
node "$CFG/strip-js.cjs" "${strip[@]}"
cp "$CFG/node/index.mjs" "$CFG/node/index.cjs" "$OUT/node/"
# One set of types for the entries: the checks' declarations of wasm-bindgen's d.ts (the
# same for both builds) and the entries' own (init, initSync, wasmBuild, the
# wasm_unavailable error: pkg-config/web/entry.d.ts) in web/govit_check.d.ts (package.json
# "types"), and the same text as CommonJS declarations for `require` under TypeScript's
# NodeNext resolution (node/index.d.cts). web/<build>/govit_check.d.ts stay as wasm-bindgen
# wrote them, for the synchronous entries govit-check/web/modern and govit-check/web/compat.
grep -q '^export type InitInput' "$OUT/web/modern/govit_check.d.ts" || {
  echo "build.sh: wasm-bindgen's d.ts changed (no InitInput); update build.sh" >&2; exit 1; }
# The entries' rules() and form() return Promises (they load the catalog): the synchronous
# declarations of the glue (between the catalog:sync markers of crates/wasm/src/wasm.d.ts)
# give way to entry.d.ts's.
grep -q '^// catalog:sync:begin' "$OUT/web/modern/govit_check.d.ts" || {
  echo "build.sh: no catalog:sync markers in the glue's d.ts; update build.sh" >&2; exit 1; }
sed '/^export type InitInput/,$d' "$OUT/web/modern/govit_check.d.ts" | sed 's#^/\* @ts-self-types=.*##' \
  | sed '/^\/\/ catalog:sync:begin/,/^\/\/ catalog:sync:end/d' \
  | cat - "$CFG/web/entry.d.ts" > "$OUT/web/govit_check.d.ts"
cp "$OUT/web/govit_check.d.ts" "$OUT/node/index.d.cts"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
sed "s/\"0.0.0-cargo\"/\"$version\"/" "$CFG/package.json" > "$OUT/package.json"
cp "$CFG/README.md" "$OUT/README.md"
cp "$ROOT/LICENSE-MIT" "$ROOT/LICENSE-APACHE" "$OUT/"

# The catalogs and the .wasm come from one source: the CLI's ruleset_id is the .wasm's.
for build in $BUILDS; do
  GOVIT_CHECK_WASM=$build node -e 'const g = require(process.argv[1]); const cli = process.argv[2];
    if (g.evaluate({ check: "version", input: {} }).ruleset_id !== cli) {
      console.error(`build.sh: the ${process.env.GOVIT_CHECK_WASM} .wasm and the CLI ${process.argv[3]} (ruleset_id ${cli}) differ: rebuild the CLI`);
      process.exit(1);
    }' "$OUT/node/index.cjs" "$("$CLI" version | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).ruleset_id)')" "$CLI"
done

for build in $BUILDS; do
  w=$OUT/web/$build/govit_check_bg.wasm
  js_gz=$(cat "$OUT/web/govit_check.js" "$OUT/web/$build/govit_check.js" "$OUT"/web/$build/snippets/*/*.js | gzip -9c | wc -c)
  echo "pkg/ govit-check@$version $build: wasm $(stat -c%s "$w") B ($(gzip -9c "$w" | wc -c) B gz), web JS entry + glue + snippets $js_gz B gz"
done
echo "pkg/ catalogs: $(ls "$OUT/web/catalog" | wc -l) files, $(cat "$OUT"/web/catalog/*.js | wc -c) B ($(for f in "$OUT"/web/catalog/*.js; do gzip -9c "$f" | wc -c; done | awk '{s += $1} END {print s}') B gz, each loaded on its own)"
