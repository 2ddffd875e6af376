#!/usr/bin/env bash
# The boundary experiment (see Cargo.toml): builds this crate for wasm32 with the
# package's wasm-bindgen and times both paths in Node on the bench fixtures.
#   bench/boundary/run.sh
set -euo pipefail
cd "$(dirname "$0")"
cargo build --quiet --release --target wasm32-unknown-unknown
wasm-bindgen target/wasm32-unknown-unknown/release/boundary_bench.wasm --target nodejs --out-dir target/pkg
node run.mjs
