#!/usr/bin/env python3
"""Writes a mixed JSON Lines file for the batch CLI: `python3 bench/gen_batch.py N OUT`.

The lines are the conformance corpus (every case file tests/corpus.json names, found as
tools/conformance.py --corpus finds them; `expect` dropped) and the benchmark
fixtures (bench/fixtures/*.json), repeated in a fixed shuffled order until N lines —
every check, both locales, valid inputs and input errors, as a server would see them.
The mix is printed to stderr. Deterministic: the same N gives the same file.
"""
import collections, glob, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
sys.path.insert(0, os.path.join(ROOT, "tools"))
from conformance import corpus_files  # noqa: E402  (the one definition of the corpus)

FIXTURE_CHECK = {"eligibility": "eligibility", "cost": "cost", "costs": "costs",
                 "change": "change", "project": "project_class"}


def pool():
    for _, path in corpus_files():
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    case = json.loads(line)
                    yield {"check": case["check"], "input": case["input"]}
    for path in sorted(glob.glob(os.path.join(HERE, "fixtures/*.json"))):
        name = os.path.basename(path)[:-5]
        if name == "costs-1000-real":
            continue  # a whole budget of 1,000 lines: measured on its own (benches/, bench/wasm/)
        with open(path, encoding="utf-8") as f:
            yield {"check": FIXTURE_CHECK[name.split("-")[0]], "input": json.load(f)}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen_batch.py N OUT")
    n, out = int(sys.argv[1]), sys.argv[2]
    lines = list(pool())
    random.Random(8).shuffle(lines)
    mix = collections.Counter()
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            req = lines[i % len(lines)]
            mix[req["check"]] += 1
            f.write(json.dumps({"id": f"r{i}", **req}, ensure_ascii=False,
                               separators=(",", ":")) + "\n")
    total = os.path.getsize(out)
    print(f"{n} lines, {total / 1e6:.1f} MB, {len(lines)} distinct requests; "
          + ", ".join(f"{k} {v}" for k, v in sorted(mix.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
