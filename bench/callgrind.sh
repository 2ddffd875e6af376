#!/usr/bin/env bash
# Instructions per call of each entry point, counted by callgrind: reproducible on a busy
# machine, so before/after comparisons of a change use this rather than wall-clock time.
#   bench/callgrind.sh            # the table for every fixture
#   bench/callgrind.sh json eligibility bench/fixtures/eligibility-baotou-complete.json
# Needs valgrind. Builds examples/profile with the `profiling` profile (release + symbols).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --profile profiling --example profile
BIN=target/profiling/examples/profile
N=${N:-500}

count() { # MODE CHECK FILE ITERATIONS → instructions
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

per_call() { # MODE CHECK FILE → instructions per call, the loop and start-up subtracted
  local base one
  base=$(count "$1" "$2" "$3" 1)
  one=$(count "$1" "$2" "$3" $((N + 1)))
  echo $(((one - base) / N))
}

if [ $# -eq 3 ]; then
  per_call "$@"
  exit
fi

printf '%-44s %10s\n' "entry point / input" "instr/call"
for f in bench/fixtures/eligibility-*.json; do
  name=$(basename "$f" .json)
  for mode in typed parse json; do
    printf '%-44s %10s\n' "$mode $name" "$(per_call $mode eligibility "$f")"
  done
done
for pair in cost:cost-line costs:costs-50 change:change-4 change:change-100 project_class:project-class; do
  check=${pair%%:*} name=${pair#*:}
  printf '%-44s %10s\n' "json $check $name" "$(per_call json "$check" "bench/fixtures/$name.json")"
done
if [ -n "${BATCH:-}" ]; then
  lines=$(grep -c . "$BATCH")
  total=$(( $(count batch - "$BATCH" 2) - $(count batch - "$BATCH" 1) ))
  printf '%-44s %10s\n' "batch_line, mean over $(basename "$BATCH")" $((total / lines))
fi
