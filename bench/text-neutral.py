#!/usr/bin/env python3
"""Compares the `text` of two `extract --format jsonl` outputs page by page (matched by file name).

usage: bench/text-neutral.py BASELINE.jsonl NEW.jsonl
Prints each page whose text differs (with the first differing position) and exits 1 if any does.
"""
import json
import os
import sys


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out[os.path.basename(r["file"])] = r.get("text") or ""
    return out


def main():
    base, new = load(sys.argv[1]), load(sys.argv[2])
    differ = 0
    for name in sorted(set(base) | set(new)):
        a, b = base.get(name), new.get(name)
        if a != b:
            differ += 1
            if a is None or b is None:
                print(f"{name}: only in {'new' if a is None else 'baseline'}")
                continue
            i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            print(f"{name}: differs at {i}: {a[max(0, i - 30):i + 30]!r} -> {b[max(0, i - 30):i + 30]!r}")
    print(f"{len(base)} baseline pages, {len(new)} new pages, {differ} with a different text")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
