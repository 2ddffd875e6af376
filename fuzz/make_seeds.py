#!/usr/bin/env python3
"""Seeds fuzz/corpus/evaluate from the conformance cases: each case as a request
{"check", "input"} and as a batch line. Run from anywhere: python3 fuzz/make_seeds.py"""
import glob, hashlib, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(HERE, "corpus", "evaluate")
os.makedirs(out, exist_ok=True)
n = 0
for path in glob.glob(os.path.join(HERE, "..", "tests", "cases", "*.jsonl")):
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        c = json.loads(line)
        for req in ({"check": c["check"], "input": c["input"]},
                    {"id": c["id"], "check": c["check"], "input": c["input"]}):
            data = json.dumps(req, ensure_ascii=False).encode()
            name = hashlib.sha1(data).hexdigest()
            with open(os.path.join(out, name), "wb") as f:
                f.write(data)
            n += 1
print(f"{n} seeds in {out}")
