#!/usr/bin/env bash
# The contract's shapes as published (issue 27): every answer of the corpus, through the
# release CLI and through the HTTP service (`govit-check serve` on a loopback port), is
# judged, compared byte for byte across the two, and validated against the schemas of
# docs/openapi.json (strictly: no key the schema does not name); then a Python client
# generated from docs/openapi.json by openapi-python-client reads every one of those
# answers as the model of its check. (The npm package's answers: scripts/test-wasm.sh,
# which also type-checks them under tsc --strict.) Needs target/release/govit-check.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
CLI=$TARGET_DIR/release/govit-check
[ -x "$CLI" ] || { echo "test-shapes: $CLI is missing (cargo build --release)" >&2; exit 1; }
PY=$(scripts/pytools.sh)
ANSWERS=$TARGET_DIR/answers

echo "--- the corpus through the CLI and the service: judged, --parity, against docs/openapi.json"
"$PY" tools/conformance.py --corpus --cli "$CLI" --serve "$CLI" --parity \
  --schema docs/openapi.json --save-answers "$ANSWERS"

echo "--- a Python client generated from docs/openapi.json reads every answer"
CLIENT=$TARGET_DIR/pyclient
rm -rf "$CLIENT" && mkdir -p "$CLIENT"
(cd "$CLIENT" && "$(dirname "$PY")/openapi-python-client" generate --path "$ROOT/docs/openapi.json" \
  --meta none --output-path govit_check_client) > "$CLIENT/generate.log" 2>&1 \
  || { cat "$CLIENT/generate.log"; exit 1; }
# The one part it leaves out is the JSON Lines batch (a content type it has no model for).
if grep -E '^(WARNING|Unable|Failure|Cannot)' "$CLIENT/generate.log" | grep -v 'POST /v1/batch'; then
  cat "$CLIENT/generate.log"; echo "test-shapes: the client generator could not read a part of docs/openapi.json (above)"; exit 1
fi
"$PY" tools/typed_clients.py python "$CLIENT/govit_check_client" "$ANSWERS/cli.jsonl" "$ANSWERS/serve.jsonl"
