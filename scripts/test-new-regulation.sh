#!/usr/bin/env bash
# Proves docs/adding-a-regulation.md: in a scratch copy of the working tree, adds the
# template regulation (docs/regulation-template → src/regimes/example/) and its one
# registry line, then runs the library's tests (its cases are found in its folder) and
# checks that the CLI lists it and reads budget lines with its fee table, as do the npm
# package (Node) and the portal (headless Chromium). Nothing else may need editing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH=${SCRATCH:-$ROOT/target/new-regulation}
say() { printf 'new-regulation: %s\n' "$*"; }

rm -rf "$SCRATCH/repo"
# The tree as git sees it (tracked and untracked, not ignored): what a contributor has.
scripts/copy-tree.sh "$SCRATCH/repo"
# No ../shared beside the copy: the repository holds what its tests read (issue 28).
rm -rf "$SCRATCH/shared"

cd "$SCRATCH/repo"
cp -r docs/regulation-template src/regimes/example
# The one registry line (after the last one).
last=$(grep -nE '^    [A-Z_]+ => [a-z_]+,$' src/regimes/mod.rs | tail -1 | cut -d: -f1)
[ -n "$last" ] || { say "no registry line found in src/regimes/mod.rs"; exit 1; }
sed -i "${last}a\\    /// 示例市政务信息化项目管理办法 (docs/regulation-template).\\n    EXAMPLE => example," src/regimes/mod.rs
say "added src/regimes/example/ and the registry line EXAMPLE => example"
git -C "$ROOT" diff --no-index --stat "$ROOT/src/regimes/mod.rs" src/regimes/mod.rs || true

export CARGO_TARGET_DIR="$SCRATCH/target"
# The form's question tables are generated from the rule tables (docs/form.md): one command.
UPDATE_FORM_TABLES=1 cargo test --locked -p govit-check --test form --quiet the_form_tables_are_the_derivation
cargo test --locked -p govit-check -p govit-check-cli --quiet
cargo run --locked -q -p govit-check-cli -- regimes | grep -Eq '"id": ?"example"' \
  || { say "the CLI does not list the new regulation"; exit 1; }
cargo run --locked -q -p govit-check-cli -- rules example | grep -Eq '"id": ?"example.12"' \
  || { say "the new regulation's rules are not in its catalog"; exit 1; }
# Its fee table (docs/regulation-template/fees.rs, reading.txt): listed, in the catalog, and
# read through the CLI — a real budget's words, a question, a whole budget.
cargo run --locked -q -p govit-check-cli -- regimes | grep -Eq '"id": ?"example"[^}]*"fee_table": ?true' \
  || { say "the new regulation is not listed with its fee table"; exit 1; }
cargo run --locked -q -p govit-check-cli -- rules example | grep -Eq '"id": ?"example.annex.server"' \
  || { say "the new regulation's fee table is not in its catalog"; exit 1; }
echo '{"regime":"example","item":"视频会议平台运维服务费"}' | cargo run --locked -q -p govit-check-cli -- cost - \
  | grep -Eq '"item": ?"system".*"matched": ?\{"by": ?"reading"' \
  || { say "the new regulation's fee table does not read a budget line"; exit 1; }
echo '{"regime":"example","item":"系统维护费"}' | cargo run --locked -q -p govit-check-cli -- cost - \
  | grep -q '"code":"ambiguous_item"' || { say "the new regulation's fee table does not ask"; exit 1; }
say "ok: its fee table reads budget lines through the CLI"

# The same through the npm package and the portal (issue 23): the package built from this
# copy — one Wasm build, the modern one (BUILDS=modern: the compat one's rebuilt standard
# library is scripts/test-wasm.sh's), in the scratch target dir, its catalogs written by this
# copy's CLI — then tests/e2e/new-regulation.test.mjs: Node's classifyCost/classifyCosts/
# regimes against the CLI's bytes, and the portal (served by this copy's CLI) in headless
# Chromium reading a budget line with the new regulation's table.
t0=$SECONDS
CLI=$CARGO_TARGET_DIR/debug/govit-check   # built by the cargo runs above
"$ROOT/scripts/setup-wasm.sh" --build-only
BUILDS=modern GOVIT_CLI=$CLI pkg-config/build.sh
rm -rf www/vendor/govit-check && mkdir -p www/vendor && cp -r pkg/web www/vendor/govit-check
node scripts/portal-assets.mjs pkg www/vendor/forms
# playwright-core from tests/e2e's lock, installed in the worktree as scripts/test-portal.sh
# does (it then finds it there) and used from this copy.
E=tests/e2e
sum=$(sha256sum "$ROOT/$E/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$ROOT/$E/node_modules/.lock-sha256" 2>/dev/null)" != "$sum" ]; then
  say "npm ci in $E"
  (cd "$ROOT/$E" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$sum" > "$ROOT/$E/node_modules/.lock-sha256"
fi
ln -s "$ROOT/$E/node_modules" "$E/node_modules"
GOVIT_PKG=pkg GOVIT_CLI=$CLI REGIME=example timeout 300 node --test "$E/new-regulation.test.mjs"
say "ok: its fee table reads budget lines through the npm package and the portal ($((SECONDS - t0)) s)"
say "ok: one folder and one registry line"
