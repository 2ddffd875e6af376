#!/usr/bin/env python3
"""Prints the median of every criterion benchmark (target/criterion/**/new/estimates.json)
as a Markdown table: `cargo bench --bench checks && python3 bench/summary.py`
(honours CARGO_TARGET_DIR)."""
import glob, json, os

TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "target")
ROOT = os.path.join(TARGET, "criterion")


def fmt(ns):
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"


rows = []
for est in glob.glob(os.path.join(ROOT, "**", "new", "estimates.json"), recursive=True):
    bench = os.path.join(os.path.dirname(os.path.dirname(est)), "new", "benchmark.json")
    with open(est) as f:
        median = json.load(f)["median"]["point_estimate"]
    name = os.path.relpath(os.path.dirname(os.path.dirname(est)), ROOT)
    if os.path.exists(bench):
        with open(bench) as f:
            b = json.load(f)
        name = b.get("full_id", name)
        thr = b.get("throughput") or {}
        if "Elements" in thr:
            per = median / thr["Elements"]
            rows.append((name, f"{fmt(median)} ({fmt(per)} per line, {1e9 / per:,.0f} lines/s)"))
            continue
    rows.append((name, fmt(median)))
print("| benchmark | median |\n| --- | --- |")
for name, m in sorted(rows):
    print(f"| {name} | {m} |")
