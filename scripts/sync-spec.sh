#!/usr/bin/env bash
# Refreshes the repository's verbatim copies of the spec it follows from ../shared (or the
# folder given): the copies tests/vendored.txt lists — docs/spec/, tests/spec-examples/,
# tests/budget-lines/public-sample.jsonl, each regulation's src/regimes/<id>/text.txt and
# tools/spec/conformance.py. A folder's copy is replaced whole (files gone from the spec
# go from the copy). Then `cargo test -p govit-check --test vendored` must pass; it also
# names any file of the spec that has no line in tests/vendored.txt yet.
#   scripts/sync-spec.sh [SHARED]      default: ../shared beside the repository
set -euo pipefail
SHARED=${1:-$(dirname "$0")/../../shared}
[ -d "$SHARED" ] || { echo "sync-spec: $SHARED does not exist: nothing to copy from" >&2; exit 1; }
SHARED=$(cd "$SHARED" && pwd)
cd "$(dirname "$0")/.."
copies=()
while read -r from to rest; do
  case "$from" in ''|'#'*) continue ;; esac
  [ -z "${rest:-}" ] && [ -n "${to:-}" ] || { echo "sync-spec: bad line in tests/vendored.txt: $from $to $rest" >&2; exit 1; }
  [ -e "$SHARED/$from" ] || { echo "sync-spec: $SHARED/$from does not exist (tests/vendored.txt lists it)" >&2; exit 1; }
  # Contents only: the copies are ordinary writable files, whatever ../shared's modes.
  case "$from" in
    */) rm -rf "$to" && mkdir -p "$to" && cp -R --no-preserve=mode "$SHARED/$from." "$to" ;;
    *) mkdir -p "$(dirname "$to")" && rm -f "$to" && cp --no-preserve=mode "$SHARED/$from" "$to" ;;
  esac
  copies+=("$to")
done < tests/vendored.txt
echo "sync-spec: ${#copies[@]} copies refreshed from $SHARED; now: cargo test -p govit-check --test vendored"
git status --short -- "${copies[@]}" 2>/dev/null || true   # what changed
