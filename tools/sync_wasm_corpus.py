#!/usr/bin/env python3
"""Rewrites the CORPUS list of tests/wasm.rs (between `// corpus:begin` and
`// corpus:end`) from tests/cases/*.jsonl and ../shared/spec/examples/*.jsonl, so the Wasm
replay compiles in every corpus file (tests/wasm_corpus.rs checks that it does).

  python3 tools/sync_wasm_corpus.py          rewrite tests/wasm.rs
  python3 tools/sync_wasm_corpus.py --check  exit 1 if it is out of date
"""
import os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
path = os.path.join(root, "tests", "wasm.rs")
entries = []
for d, prefix in (("tests/cases", "cases/"), ("../shared/spec/examples", "../../shared/spec/examples/")):
    full = os.path.join(root, d)
    if os.path.isdir(full):
        for name in sorted(os.listdir(full)):
            if name.endswith(".jsonl"):
                entries.append(f'    (\n        "{name}",\n        include_str!("{prefix}{name}"),\n    ),\n')
text = open(path, encoding="utf-8").read()
m = re.search(r"(    // corpus:begin[^\n]*\n)(.*?)(    // corpus:end\n)", text, re.S)
if not m:
    sys.exit("tests/wasm.rs: corpus:begin / corpus:end markers not found")
new = text[: m.end(1)] + "".join(entries) + text[m.start(3):]
try:  # as cargo fmt writes it
    new = subprocess.run(["rustfmt", "--edition", "2021", "--emit", "stdout"], input=new,
                         capture_output=True, text=True, check=True, cwd=root).stdout
except (OSError, subprocess.CalledProcessError):
    pass
if "--check" in sys.argv:
    sys.exit(0 if new == text else "tests/wasm.rs: CORPUS is out of date; run tools/sync_wasm_corpus.py")
if new != text:
    open(path, "w", encoding="utf-8").write(new)
    print(f"tests/wasm.rs: {len(entries)} corpus files")
