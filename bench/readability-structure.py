#!/usr/bin/env python3
"""Counts how many of the headings (h2-h6), list items and block quotes of Readability's reviewed output
(`expected.html` of mozilla/readability's test pages) appear as Markdown headings, list items and quotes in
newsvault's `markdown` field.

usage: bench/readability-structure.py EXTRACT.jsonl [EXPECTED.tsv]

EXTRACT.jsonl is `newsvault extract --format jsonl` of the readability-dev pages; EXPECTED.tsv (default:
readability-structure.tsv beside this script, made by readability-expected.py) holds per page the start of the
text of each element. An element counts as found when a Markdown element of its kind starts with that text (or
holds it); one that is missing is told apart by whether a paragraph of the plain `text` begins with it (more
often than Markdown elements do): if so, the Markdown lost the structure, if not, the text selection left the
element out.
"""
import json
import os
import re
import sys
from collections import defaultdict

KINDS = ("heading", "item", "quote")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKER = re.compile(r"^( *)([-+*]|\d{1,9}[.)])( +|$)")


def fold(s):
    """Text as the count compares it: no emphasis marks, white space folded."""
    s = re.sub(r"[*_`]", "", s.replace("\u00a0", " "))
    return re.sub(r"\s+", " ", s).strip()


def plain(md):
    """The text of inline Markdown: links and images by their text, escapes undone."""
    md = md.replace("\\[", "\x00").replace("\\]", "\x01")
    md = LINK.sub(r"\1", md)
    md = re.sub(r"<(https?://[^>]*)>", r"\1", md)
    md = re.sub(r"\\(.)", r"\1", md.replace("\x00", "[").replace("\x01", "]"))
    return fold(md)


def strip_quotes(line):
    """The line without its quote markers, and how many it had."""
    depth = 0
    rest = line.lstrip()
    while rest.startswith(">"):
        depth += 1
        rest = rest[1:]
        if rest.startswith(" "):
            rest = rest[1:]
    return (rest, depth) if depth else (line, 0)


def elements(markdown):
    """The headings, list items (with the lines that belong to them) and block quotes of a Markdown text."""
    out = {k: [] for k in KINDS}
    lines = markdown.split("\n")
    bare = [strip_quotes(l) for l in lines]
    # quotes: each paragraph of a quote (adjacent quotes of a page may be one quote of several paragraphs)
    run = []
    for (text, depth) in bare + [("", 0)]:
        if depth and text.strip():
            run.append(re.sub(r"^ *([-+*]|\d{1,9}[.)]) +", "", text))
        elif run:
            out["quote"].append(plain(" ".join(run)))
            run = []
    for i, (text, _) in enumerate(bare):
        m = MARKER.match(text)
        if m:
            indent = len(m.group(1))
            parts = [text[m.end():]]
            for later, _ in bare[i + 1:]:
                if not later.strip():
                    parts.append("")
                    continue
                lead = len(later) - len(later.lstrip(" "))
                if lead <= indent:
                    break
                parts.append(MARKER.sub("", later.strip()) if MARKER.match(later.strip()) else later.strip())
            item = plain(" ".join(p for p in parts if p))
            out["item"].append(item)
        head = re.sub(r"^ *([-+*]|\d{1,9}[.)]) +", "", text).lstrip()
        if re.match(r"^#{1,6}( |$)", head):
            out["heading"].append(plain(head.lstrip("#")))
    return out


def found(want, have):
    """The Markdown element that shows the expected text start, or None."""
    for h in have:
        # inside a longer element only with enough words to be the same text: "Setting up" is in many items
        if h.startswith(want) or (len(want) >= 20 and want in h):
            return h
    for h in have:
        # the element's text is shorter than the expected start (an "edit" link left out, a shorter caption)
        if h and want.startswith(h) and len(h) >= max(4, len(want) / 2):
            return h
    return None


def shown(want, blocks):
    """How many blocks (text paragraphs or Markdown elements) begin with the expected text."""
    return sum(1 for b in blocks if b.startswith(want) or (want.startswith(b) and len(b) >= max(4, len(want) / 2)))


def main():
    data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "readability-structure.tsv")
    expected = defaultdict(lambda: {k: [] for k in KINDS})
    with open(data, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            page, kind, text = line.rstrip("\n").split("\t", 2)
            expected[page][kind].append(fold(text))
    pages = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            paragraphs = [fold(p) for p in (r.get("text") or "").split("\n")]
            pages[os.path.basename(r["file"]).split(".")[0]] = (r.get("markdown") or "", [p for p in paragraphs if p])
    totals = {k: [0, 0, 0, 0] for k in KINDS}  # expected, found, structure lost, not in text
    per_page = []
    for page in sorted(expected):
        markdown, text = pages.get(page, ("", []))
        have = elements(markdown)
        lost_here = 0
        for kind in KINDS:
            pool = list(have[kind])
            for want in expected[page][kind]:
                totals[kind][0] += 1
                hit = found(want, pool)
                if hit is not None:
                    totals[kind][1] += 1
                    pool.remove(hit)
                elif shown(want, text) > shown(want, [h for k in KINDS for h in have[k]]):
                    totals[kind][2] += 1
                    lost_here += 1
                    print(f"{page}: {kind} without structure: {want}")
                else:
                    totals[kind][3] += 1
                    print(f"{page}: {kind} not in the text: {want}")
        per_page.append((lost_here, page))
    print()
    print(f"{'kind':8} {'expected':>8} {'found':>6} {'%':>5}  {'in text, no structure':>21}  {'not in text':>11}")
    for kind, (n, hit, lost, gone) in totals.items():
        pct = f"{hit / n:.0%}" if n else "-"
        print(f"{kind:8} {n:8} {hit:6} {pct:>5}  {lost:21}  {gone:11}")
    worst = [f"{p} ({n})" for n, p in sorted(per_page, key=lambda x: (-x[0], x[1])) if n][:8]
    print("pages losing most structure:", ", ".join(worst) if worst else "none")


if __name__ == "__main__":
    main()
