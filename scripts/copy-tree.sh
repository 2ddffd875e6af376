#!/usr/bin/env bash
# Copies the working tree as git sees it — tracked and untracked files, not the ignored
# ones (no target/, pkg/, node_modules/) — to DEST: what a contributor's clone holds, with
# the changes not yet committed. Used by scripts/test-new-regulation.sh and
# scripts/test-standalone.sh.
#   scripts/copy-tree.sh DEST
set -euo pipefail
DEST=${1:?usage: scripts/copy-tree.sh DEST}
cd "$(dirname "$0")/.."
mkdir -p "$DEST"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | xargs -0 cp --parents -t "$DEST"
