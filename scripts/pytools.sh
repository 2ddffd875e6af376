#!/usr/bin/env bash
# Installs the tests' Python tools (tools/requirements.txt, every version pinned) into a
# virtual environment, target/pytools, once per version of that file, and prints its
# python. Idempotent; PyPI is the only registry it asks.
#   PY=$(scripts/pytools.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${CARGO_TARGET_DIR:-$PWD/target}/pytools
REQ=tools/requirements.txt
STAMP="$VENV/.requirements"
if ! cmp -s "$REQ" "$STAMP" 2>/dev/null; then
  rm -rf "$VENV"
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$REQ" >&2
  cp "$REQ" "$STAMP"
fi
echo "$VENV/bin/python"
