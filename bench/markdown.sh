#!/bin/sh
# Checks that the Markdown of every page reads back as its plain text: extracts DIR with the built jar, then
# parses each page's `markdown` field with CommonMark (GitHub tables) and compares its text with `text`.
# usage: bench/markdown.sh [DIR]   (run from anywhere; DIR defaults to the aeb-dev pages)
set -e
cd "$(dirname "$0")/.."
DIR="${1:-../shared/bench/aeb-dev/html}"
CP_FILE=target/bench-test.cp
OUT=target/markdown-check.jsonl
mvn -q -B -ntp -o -Dstyle.color=never -DskipTests package
mvn -q -B -ntp -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
java -jar target/newsvault.jar extract --format jsonl "$DIR" > "$OUT"
exec java -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" dev.newsvault.bench.MarkdownCheck "$OUT"
