#!/usr/bin/env python3
"""Counts how many of the headings (h2-h6), list items and block quotes of Readability's reviewed output
(`expected.html` of mozilla/readability's test pages) appear as Markdown headings, list items and quotes in
newsvault's `markdown` field.

usage: bench/readability-structure.py EXTRACT.jsonl

EXPECTED holds, per page, the start of each element's text, transcribed from expected.html (the repository is
not fetched by this script). Pages and elements are a sample: see BENCHMARKS.md for which.
"""
import json
import os
import re
import sys

EXPECTED = {
    "gitlab-blog": {
        "heading": ["2. AI speeds up developer onboarding", "3. The cloud becomes table stakes",
                    "Explore this year’s report"],
        "item": [], "quote": [],
    },
    "lifehacker-post-comment-load": {
        "heading": ["Understand How Your Own Brain Works Against You", "Make a List of Everything You Own",
                    "See How Much Money and Time You Spent", "List Every Non-Material Thing In Your Life",
                    "Spend Some Time Away from Material Things"],
        "item": ["Color: Stores use color", "Navigation Roadblocks: Stores force you", "The Touch Factor: Stores place",
                 "Scents and Sounds: You'll probably hear", "Need: You absolutely need",
                 "Sometimes Need: You don't need", "Want: You bought this item", "Crap: You don't have a good reason",
                 "When was the last time I used this?", "When will I use this again?", "Does this item bring you joy?"],
        "quote": [],
    },
    "mercurial": {
        "heading": ["Sharing with a single developer", "Publishing and non-publishing repositories", "Setting up",
                    "Example 2: Amend again, locally", "Sharing with multiple developers: code review", "Setting up"],
        "item": ["Evolve: Shared Mutable History", "Sharing with a single developer",
                 "Publishing and non-publishing repositories", "Setting up", "Example 1: Amend a shared changeset",
                 "Example 2: Amend again, locally", "Sharing with multiple developers: code review", "Setting up",
                 "Example 3: Alice commits and amends", "Example 4: Bob implements and publishes",
                 "Example 5: Alice integrates and publishes", "Getting into trouble with shared mutable history",
                 "Setting up", "Example 6: Divergent changesets", "Phase-divergence: when a rewritten changeset",
                 "Conclusion", "(ab)use your source control system", "go behind source control’s back"],
        "quote": ["(ab)use your source control system", "[figure SG04: each repo has one temporary amend commit",
                  "[figure SG05: public repo with rev 0:0dc9"],
    },
}

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def plain(line):
    line = LINK.sub(r"\1", line.replace("\\[", "\x00").replace("\\]", "\x01"))
    return re.sub(r"\\(.)", r"\1", line.replace("\x00", "[").replace("\x01", "]"))


def kinds(markdown):
    out = {"heading": [], "item": [], "quote": []}
    for raw in markdown.split("\n"):
        line = raw.lstrip()
        quoted = line.startswith(">")
        while line.startswith(">"):
            line = line[1:].lstrip()
        if quoted:
            out["quote"].append(plain(line))
        m = re.match(r"^([-+*]|\d{1,9}[.)])\s+", line)
        if m:
            out["item"].append(plain(line[m.end():]))
            line = line[m.end():]
        if line.startswith("#"):
            out["heading"].append(plain(line.lstrip("#").strip()))
    return out


def main():
    pages = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            pages[os.path.basename(r["file"]).split(".")[0]] = r.get("markdown") or ""
    totals = {k: [0, 0] for k in ("heading", "item", "quote")}
    for page, want in EXPECTED.items():
        have = kinds(pages.get(page, ""))
        for kind, items in want.items():
            pool = list(have[kind])
            for text in items:
                totals[kind][1] += 1
                hit = next((h for h in pool if h.startswith(text) or text in h), None)
                if hit is not None:
                    totals[kind][0] += 1
                    pool.remove(hit)
                else:
                    print(f"{page}: {kind} missing: {text}")
    for kind, (found, total) in totals.items():
        print(f"{kind}: {found}/{total} = {found / total:.0%}" if total else f"{kind}: none")


if __name__ == "__main__":
    main()
