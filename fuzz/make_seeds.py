#!/usr/bin/env python3
"""Seeds fuzz/corpus/evaluate from the conformance cases (every case file of the folders
tests/corpus.json lists): each case as a request {"check", "input"} and as a batch line;
and a few hostile byte strings (not UTF-8, UTF-16, repeated keys, text as the npm binding
writes it). Run from anywhere: python3 fuzz/make_seeds.py"""
import glob, hashlib, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(HERE, "corpus", "evaluate")
os.makedirs(out, exist_ok=True)
n = 0
ROOT = os.path.join(HERE, "..")
folders = json.load(open(os.path.join(ROOT, "tests", "corpus.json")))["folders"]
paths = []
for folder in folders:
    paths += glob.glob(os.path.join(ROOT, folder, "**", "*.jsonl"), recursive=True)
for path in paths:
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
HOSTILE = [
    b'{"id":"a\xffb","check":"version","input":{}}',
    b'{"id":1,"check":"cost","input":{"item":"\xe6\xb5","amount":"1"}}',
    "{\"regime\":\"baotou\"}".encode("utf-16-le"),
    b"\xff\xfe" + "{\"regime\":\"baotou\"}".encode("utf-16-le"),
    b'{"id":2,"check":"eligibility","input":{"regime":"baotou","regime":"wulong","project":{"name":1,"name":"x"}}}',
    b'\x05{"item":?,"amount":1e400,"conditions":{"assessed":?}}',
    b'\x00{"regime":"baotou","project":{"name":-1e400,"funding":[?]}}',
    b'{"id":"deep","check":"cost","input":{"item":' + b"[" * 40,
]
for data in HOSTILE:
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
    n += 1
print(f"{n} seeds in {out}")
