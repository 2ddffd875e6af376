#!/usr/bin/env bash
# Throughput of the batch CLI (the release binary): verdicts per second on one core,
# reading, parsing, checking and printing included, over a mixed JSON Lines file.
#   bench/batch.sh [LINES=100000]
# Writes target/bench/batch-LINES.jsonl (bench/gen_batch.py), then runs
# `govit-check batch FILE > /dev/null` with hyperfine when installed (apt-get install
# hyperfine), else 5 runs of /usr/bin/time. Reports lines per CPU-second (user + sys),
# which a busy machine distorts less than wall time; the load average is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-100000}
mkdir -p target/bench
FILE=target/bench/batch-$LINES.jsonl
[ -f "$FILE" ] || python3 bench/gen_batch.py "$LINES" "$FILE"
cargo build --quiet --release --locked --bin govit-check
BIN=target/release/govit-check
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "file: $FILE ($LINES lines, $(du -m "$FILE" | cut -f1) MB)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 --output=null "$BIN batch $FILE"
fi
best=""
for _ in 1 2 3 4 5; do
  t=$( { /usr/bin/time -f '%U %S %e' "$BIN" batch "$FILE" >/dev/null; } 2>&1 | tail -1)
  cpu=$(echo "$t" | awk '{print $1 + $2}')
  echo "run: user+sys ${cpu} s, wall $(echo "$t" | awk '{print $3}') s"
  best=$(printf '%s\n%s\n' "$best" "$cpu" | grep . | sort -g | head -1)
done
awk -v n="$LINES" -v s="$best" 'BEGIN { printf "best of 5: %.2f s CPU → %.0f verdicts per second per core\n", s, n / s }'
