#!/usr/bin/env python3
"""Turns Readability's reviewed output into the data file bench/readability-structure.py counts against.

usage: bench/readability-expected.py DIR > bench/readability-structure.tsv

DIR holds `expected.html` of mozilla/readability's test pages, either as `DIR/<page>/expected.html` (the layout
of the repository's `test/test-pages`) or as `DIR/<page>.html`. For every h2-h6, li and blockquote element the
file gets one line: page, kind (heading, item, quote) and the start of the element's text (its first 40
characters, white space folded). Elements without text (an image in a list item) are left out: nothing of them
can be found in a text. The pages themselves are not kept in this repository.
"""
import html.parser
import os
import re
import sys

KINDS = {"h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
         "li": "item", "blockquote": "quote"}
BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br",
         "table", "tr", "td", "th", "figure", "figcaption", "section", "article", "pre", "hr"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
START = 40


class Collector(html.parser.HTMLParser):
    """Collects the text of every element of a kind, nested ones included (an item's text holds its sub-list)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # [tag, kind or None, text parts]
        self.found = []  # (order, kind, text)
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK:
            self.handle_data(" ")  # a block boundary separates words, as in a browser
        if tag in VOID:
            return
        if tag in ("script", "style"):
            self.skip += 1
        entry = [tag, KINDS.get(tag), [], len(self.found)]
        self.open.append(entry)
        if entry[1]:
            self.found.append(None)  # keeps document order: an outer element comes before its inner ones

    def handle_endtag(self, tag):
        if tag in BLOCK:
            self.handle_data(" ")
        if tag in VOID:
            return
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                for entry in reversed(self.open[i:]):
                    self.finish(entry)
                del self.open[i:]
                break

    def finish(self, entry):
        tag, kind, parts, slot = entry
        if tag in ("script", "style"):
            self.skip -= 1
        if kind:
            self.found[slot] = (kind, "".join(parts))

    def handle_data(self, data):
        if self.skip:
            return
        for entry in self.open:
            if entry[1]:
                entry[2].append(data)

    def result(self):
        for entry in reversed(self.open):
            self.finish(entry)
        self.open = []
        for item in self.found:
            if item is None:
                continue
            kind, text = item
            text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
            if text:
                yield kind, text[:START].rstrip()


def pages(root):
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        if os.path.isdir(path) and os.path.exists(os.path.join(path, "expected.html")):
            yield name, os.path.join(path, "expected.html")
        elif name.endswith(".html"):
            yield name[: -len(".html")], path


def main():
    out = sys.stdout
    out.write("# page\tkind\ttext start (first %d characters of the element's text)\n" % START)
    for page, path in pages(sys.argv[1]):
        with open(path, encoding="utf-8") as f:
            c = Collector()
            c.feed(f.read())
            c.close()
        for kind, text in c.result():
            out.write(f"{page}\t{kind}\t{text}\n")


if __name__ == "__main__":
    main()
