#!/usr/bin/env python3
"""Generates bench/fixtures/*.json: the inputs every benchmark runs (criterion in
benches/, the Wasm harness in bench/wasm/, the batch file of bench/gen_batch.py).

Edit this file, not the .json files; `python3 bench/gen_fixtures.py --check` fails when
they drift. Inputs follow the conformance corpus: the clean application of
tools/gen_cases.py (every fact answered), a half-filled one (every other fact and some
project fields left out: the form a user is still typing), the contract's cost line and
4-line change, and a 50-line budget and a 100-line change built from the same rows; a
1,000-line budget of real line names (tests/budget-lines/, the reader's work).
"""
import copy, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
from gen_cases import app  # noqa: E402  (the corpus' own clean application)

OUT = os.path.join(HERE, "fixtures")
REGIMES = ["baotou", "wulong", "wuzhong", "shizuishan", "chuxiong"]

# Rows of Wulong's fee boundary table (rules.md), included / excluded / conditional.
COST_ITEMS = [
    ("camera", {}), ("staff_salary", {}), ("computer", {"closely_related": True, "assessed": True}),
    ("cloud_rental", {}), ("server_storage", {"special_need": True}),
    ("data_collection", {"government_owned": True, "closely_related": True, "shared_or_public": True,
                         "assessed": True}),
    ("platform_software_license", {"closely_related": True, "deployed_on_system": False}),
    ("travel", {}), ("lan", {}), ("data_collection_terminal", {"mobile_terminal": False}),
]

COST_LINE = {"item": "camera", "amount": "12.5",
             "conditions": {"assessed": True, "closely_related": True, "deployed_on_system": True,
                            "government_owned": True, "shared_or_public": True, "special_need": True,
                            "mobile_terminal": False}}

CHANGE_4 = {"regime": "baotou", "as_of": "2026-07-15", "changed_on": "2026-07-10",
            "approved_total": "1000", "goal_changed": False, "reason": "technical_optimization",
            "items": [
                {"name": "数据治理子系统", "approved": "300", "proposed": "350"},
                {"name": "硬件设备", "approved": "200", "proposed": "120"},
                {"name": "移动端模块", "approved": "0", "proposed": "40", "new": True},
                {"name": "监理服务", "approved": "100", "proposed": "80", "tender_savings": True}]}


def half(a):
    """The form half filled: every other fact, and no budget year, funding or years."""
    a = copy.deepcopy(a)
    a["facts"] = {k: v for i, (k, v) in enumerate(a["facts"].items()) if i % 2 == 0}
    for k in ("budget_year", "funding", "free_maintenance_years", "main_function_changed"):
        a["project"].pop(k, None)
    return a


def real_budget(n=1000):
    """A budget of `n` real line names as budgets write them (tests/budget-lines/: the
    spec's public sample and the team's dev set, in file order, repeated), each with its
    amount where the source gives one, else one made up from its place."""
    base = os.path.join(HERE, "..", "tests", "budget-lines")
    lines = []
    for name in ("public-sample.jsonl", "dev-set.jsonl"):
        with open(os.path.join(base, name), encoding="utf-8") as f:
            lines += [json.loads(l) for l in f if l.strip()]
    items = []
    for i in range(n):
        line = lines[i % len(lines)]
        items.append({"item": line["text"], "amount": line.get("amount") or f"{1 + i % 23}.{i % 100:02d}"})
    return {"items": items}


def fixtures():
    for r in REGIMES:
        yield f"eligibility-{r}-complete", app(r)
        yield f"eligibility-{r}-half", half(app(r))
    yield "cost-line", COST_LINE
    lines = []
    for i in range(50):
        item, cond = COST_ITEMS[i % len(COST_ITEMS)]
        line = {"item": item, "amount": f"{1 + i % 17}.{i % 10}5"}
        if cond:
            line["conditions"] = cond
        lines.append(line)
    yield "costs-50", {"items": lines}
    yield "costs-1000-real", real_budget()
    yield "change-4", CHANGE_4
    big = copy.deepcopy(CHANGE_4)
    big["approved_total"] = "10000"
    big["items"] = []
    for i in range(100):
        approved = 100 + (i % 7) * 10
        proposed = approved + ((i % 5) - 2) * 3
        item = {"name": f"子系统{i + 1}", "approved": str(approved), "proposed": str(proposed)}
        if i % 25 == 3:
            item = {"name": f"新增模块{i + 1}", "approved": "0", "proposed": "4", "new": True}
        if i % 30 == 7:
            item["tender_savings"] = True
        big["items"].append(item)
    yield "change-100", big
    yield "project-class", {"kind": "renovation", "main_function_changed": False, "amount": "50"}


def main():
    check = "--check" in sys.argv
    os.makedirs(OUT, exist_ok=True)
    drift = []
    for name, value in fixtures():
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
        path = os.path.join(OUT, name + ".json")
        if check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        drift.append(path)
            except FileNotFoundError:
                drift.append(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    if drift:
        sys.exit("out of date (run python3 bench/gen_fixtures.py): " + ", ".join(drift))


if __name__ == "__main__":
    main()
