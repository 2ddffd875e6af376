#!/usr/bin/env bash
# Sets up and runs every test of govit-check. Used by .ci/run; safe to run on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "toolchain"
rustup component add rustfmt clippy >/dev/null 2>&1 || true

step "format and lints (native: the library and the CLI; the schema generator and the axum crate)"
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --all-targets --locked -p govit-check-schema -p govit-check-axum -- -D warnings
# The library as the npm package's binding links it: without the `catalog` feature.
cargo clippy --locked -p govit-check --lib --no-default-features -- -D warnings

step "the published shapes are what the Rust types give (docs/openapi.json, crates/wasm/src/types.d.ts)"
cargo run --locked -q -p govit-check-schema -- --check

step "generated corpus files are up to date"
python3 tools/gen_cases.py --check
python3 tools/gen_cost_cases.py --check
python3 bench/gen_fixtures.py --check

step "unit, doc and corpus tests (native: the library and the CLI; the axum crate)"
cargo test --locked
cargo test --locked -p govit-check-axum

step "a host application's serde_json is unchanged by adding the crate (tests/host)"
cargo test --locked --manifest-path tests/host/Cargo.toml --target-dir "${CARGO_TARGET_DIR:-target}"

step "release build; every case of tests/corpus.json through the CLI and the service, against the published schema; a generated Python client reads every answer"
cargo build --release --locked
./scripts/test-shapes.sh

step "standing alone: the corpus, the clauses and the annex again from a copy with no ../shared (issue 28)"
./scripts/test-standalone.sh

step "the fuzz targets still build (cargo check; the fuzzing itself: docs/robustness.md)"
cargo check --manifest-path fuzz/Cargo.toml --locked

step "adding a regulation: the template as a sixth regulation in a scratch copy (docs/adding-a-regulation.md)"
./scripts/test-new-regulation.sh

step "the crate as published: only the library and what defines its answers"
cargo package --list --locked --allow-dirty -p govit-check > target/package-list.txt
# Each regulation's text travels beside its rules (the clauses quote it); so does a fee
# table's lexicon (src/regimes/<id>/reading.txt, the cost checks read it).
for f in README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE build.rs src/lib.rs src/regimes/*/text.txt src/regimes/*/reading.txt; do
  grep -qx "$f" target/package-list.txt || { echo "the .crate lacks $f"; exit 1; }
done
if grep -E '^(www|docs|bench|benches|tests|crates|scripts|tools|pkg-config|examples|fuzz)/|\.(png|jsonl)$' target/package-list.txt ||
   grep -E '\.txt$' target/package-list.txt | grep -vE '^src/regimes/[a-z_]+/(text|reading)\.txt$'; then
  echo "the .crate holds files it should not (above)"; exit 1
fi
echo "$(wc -l < target/package-list.txt) files in the .crate"

step "Wasm build and the npm package (Node, headless Chromium, consumers, parity)"
./scripts/test-wasm.sh

step "demo portal, end to end in headless Chromium"
./scripts/test-portal.sh
