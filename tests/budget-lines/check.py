#!/usr/bin/env python3
"""Validate the budget-line development set (stdlib only).

Checks dev-set.jsonl and unsure.jsonl: keys, unique ids and texts (across both files and
against the public sample), row codes that exist in Wulong's fee table (parsed from
docs/spec/rules.md, the spec's copy), the shape of `expect`, amounts as plain decimals; checks that
every budgets/*.tsv is described in budgets/README.md and that its amounts add up to the
total the document states. Prints the counts. Exit status 1 on any error.

    python3 tests/budget-lines/check.py [--rules PATH] [--public PATH]
"""
import argparse
import collections
import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KEYS_REQUIRED = {"id", "text", "source", "source_key", "expect", "why"}
KEYS_ALLOWED = KEYS_REQUIRED | {"amount"}
ROW_RE = re.compile(r"^\| ([a-z_]+) \| (.+?) \| (included|excluded|conditional) \|")
AMOUNT_RE = re.compile(r"^\d+(\.\d+)?$")

errors = []


def err(msg):
    errors.append(msg)


def fee_rows(path):
    rows = {}
    in_table = False
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("## "):
                in_table = "Cost classification" in line
            m = ROW_RE.match(line) if in_table else None
            if m:
                rows[m.group(1)] = (m.group(2), m.group(3))
    return rows


def load(path):
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                err(f"{os.path.basename(path)}:{n}: empty line")
                continue
            try:
                out.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                err(f"{os.path.basename(path)}:{n}: not JSON: {e}")
    return out


def check_entry(where, e, rows):
    keys = set(e)
    if not KEYS_REQUIRED <= keys:
        err(f"{where}: missing keys {sorted(KEYS_REQUIRED - keys)}")
    if not keys <= KEYS_ALLOWED:
        err(f"{where}: unknown keys {sorted(keys - KEYS_ALLOWED)}")
    if not re.fullmatch(r"dl-\d{3,}", str(e.get("id", ""))):
        err(f"{where}: id {e.get('id')!r} is not dl-NNN")
    text = e.get("text")
    if not isinstance(text, str) or not text or text != text.strip():
        err(f"{where}: text empty or padded")
    for k in ("source", "source_key", "why"):
        if not isinstance(e.get(k), str) or not e.get(k):
            err(f"{where}: {k} empty")
    if "amount" in e and not (isinstance(e["amount"], str) and AMOUNT_RE.match(e["amount"])):
        err(f"{where}: amount {e['amount']!r} is not a plain decimal string (万元)")
    exp = e.get("expect")
    if not isinstance(exp, dict):
        err(f"{where}: expect is not an object")
        return
    kind = exp.get("kind")
    codes = exp.get("rows", [])
    if kind not in ("row", "ambiguous", "none"):
        err(f"{where}: expect.kind {kind!r}")
    if set(exp) - {"kind", "rows"}:
        err(f"{where}: expect has unknown keys {sorted(set(exp) - {'kind', 'rows'})}")
    if kind == "none" and codes:
        err(f"{where}: kind none with rows")
    if kind == "row" and not 1 <= len(codes) <= 2:
        err(f"{where}: kind row needs one row (two only when both share a treatment)")
    if kind == "ambiguous" and len(codes) < 2:
        err(f"{where}: kind ambiguous needs at least two rows")
    if len(set(codes)) != len(codes):
        err(f"{where}: repeated row code")
    for c in codes:
        if c not in rows:
            err(f"{where}: row code {c!r} is not in the annex table")
    if kind == "row" and len(codes) == 2 and all(c in rows for c in codes):
        if rows[codes[0]][1] != rows[codes[1]][1]:
            err(f"{where}: two rows of different treatment must be 'ambiguous'")


def parse_amount(s):
    s = s.strip().replace(",", "").replace("，", "")
    for suffix in ("万元", "元"):
        if s.endswith(suffix):
            s = s[: -len(suffix)]
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def check_budgets(bdir):
    readme = os.path.join(bdir, "README.md")
    described = {}
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as fh:
            for line in fh:
                m = re.match(r"^- `([^`]+\.tsv)` .*?stated total: ([0-9,.]+)", line)
                if m:
                    described[m.group(1)] = parse_amount(m.group(2))
    files = sorted(f for f in os.listdir(bdir) if f.endswith(".tsv"))
    report = []
    for f in files:
        if f not in described:
            err(f"budgets/{f}: no line in budgets/README.md (\"- `{f}` … stated total: N\")")
        with open(os.path.join(bdir, f), encoding="utf-8") as fh:
            lines = [l.rstrip("\n") for l in fh if l.strip()]
        total = Decimal(0)
        items = 0
        for n, line in enumerate(lines, 1):
            cells = line.split("\t")
            if len(cells) != 2:
                err(f"budgets/{f}:{n}: expected name TAB amount, got {len(cells)} cells")
                continue
            a = parse_amount(cells[1])
            if a is None:
                if n != 1:
                    err(f"budgets/{f}:{n}: amount {cells[1]!r} unreadable")
                continue
            total += a
            items += 1
        stated = described.get(f)
        if stated is not None and stated != total:
            err(f"budgets/{f}: lines sum to {total}, the document states {stated}")
        report.append((f, items, total))
    return report


def main():
    ap = argparse.ArgumentParser()
    # The repository's copies of the spec (tests/vendored.txt): no ../shared needed.
    ap.add_argument("--rules", default=os.path.join(ROOT, "docs", "spec", "rules.md"))
    ap.add_argument("--public", default=os.path.join(HERE, "public-sample.jsonl"))
    a = ap.parse_args()
    rows = fee_rows(a.rules)
    if len(rows) < 40:
        err(f"only {len(rows)} fee rows parsed from {a.rules}")
    public = set()
    if os.path.exists(a.public):
        public = {json.loads(l)["text"] for l in open(a.public, encoding="utf-8") if l.strip()}
    ids, texts = {}, {}
    sets = {}
    for name in ("dev-set.jsonl", "unsure.jsonl"):
        entries = load(os.path.join(HERE, name))
        sets[name] = [e for _, e in entries]
        for n, e in entries:
            where = f"{name}:{n}"
            check_entry(where, e, rows)
            i, t = e.get("id"), e.get("text")
            if i in ids:
                err(f"{where}: id {i} repeats {ids[i]}")
            ids.setdefault(i, where)
            if t in texts:
                err(f"{where}: text {t!r} repeats {texts[t]}")
            texts.setdefault(t, where)
            if t in public:
                err(f"{where}: text {t!r} is in the public sample")
    dev = sets["dev-set.jsonl"]
    kinds = collections.Counter(e["expect"]["kind"] for e in dev)
    per_row = collections.Counter(c for e in dev for c in e["expect"].get("rows", []))
    first_row = collections.Counter(e["expect"]["rows"][0] for e in dev if e["expect"]["kind"] == "row")
    print(f"dev-set: {len(dev)} lines ({', '.join(f'{k} {kinds[k]}' for k in ('row', 'ambiguous', 'none'))}); "
          f"{sum('amount' in e for e in dev)} with an amount; "
          f"{len({e['source_key'] for e in dev})} sources; unsure (not scored): {len(sets['unsure.jsonl'])}")
    print(f"rows named: {len(per_row)} of {len(rows)} annex rows")
    for code in rows:
        print(f"  {code:28} {rows[code][1]:11} as the row: {first_row[code]:3}  in any expect: {per_row[code]:3}")
    for f, items, total in check_budgets(os.path.join(HERE, "budgets")):
        print(f"budget {f}: {items} lines, sum {total}")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
