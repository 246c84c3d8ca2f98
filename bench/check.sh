#!/bin/sh
# Throughput of `newsvault check --all` over a local generated news site: the all-304 case (conditional GET
# answered "not modified") and the all-200-unchanged case (full page fetched, re-extracted, same text hash).
# Prints URLs/s, wall time, CPU seconds and peak RSS of the check process, and the load average. Politeness 0; robots.txt is a 404 (allowed).
# usage: bench/check.sh [COUNT] [CONCURRENCY]   (run from anywhere; default 10000 articles, 32 parallel checks)
set -e
cd "$(dirname "$0")/.."
COUNT="${1:-10000}"
CONC="${2:-32}"
DIR=target/check-bench
JAR=target/newsvault.jar
# the bench server lives in the test sources (the shipped jar holds only product code): package compiles them
if [ ! -f "$JAR" ] || [ ! -d target/test-classes/dev/newsvault/check/bench ] \
    || [ -n "$(find src pom.xml -newer "$JAR" -type f 2>/dev/null | head -1)" ]; then
  mvn -q -B -ntp -Dstyle.color=never package -DskipTests
fi
rm -rf "$DIR"
mkdir -p "$DIR"
java -Xmx1g -cp "$JAR:target/test-classes" dev.newsvault.check.bench.CheckBenchServer "$DIR" "$COUNT" > "$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT INT TERM
while [ ! -f "$DIR/ready" ]; do
  if ! kill -0 $SERVER 2>/dev/null; then
    cat "$DIR/server.log"
    exit 1
  fi
  sleep 0.5
done
cat "$DIR/server.log"
if [ -x /usr/bin/time ]; then
  TIMER="/usr/bin/time -f %e\t%M\t%U\t%S -o"
else
  TIMER=""
fi

run() {
  mode=$1
  echo "$mode" > "$DIR/mode"
  sleep 0.3
  if [ -n "$TIMER" ]; then
    $TIMER "$DIR/$mode.time" java -jar "$JAR" check --all --db "$DIR/bench.db" \
      --set politeness.delay.ms=0 --set fetch.allow.private=true --concurrency "$CONC" --format jsonl > "$DIR/$mode.jsonl" 2> "$DIR/$mode.err" || true
  else
    java -jar "$JAR" check --all --db "$DIR/bench.db" \
      --set politeness.delay.ms=0 --set fetch.allow.private=true --concurrency "$CONC" --format jsonl > "$DIR/$mode.jsonl" 2> "$DIR/$mode.err" || true
  fi
  summary=$(grep '^checked' "$DIR/$mode.err" || true)
  if [ -z "$summary" ]; then
    echo "check failed:"; cat "$DIR/$mode.err"; exit 1
  fi
  not_unchanged=$(grep -vc '"outcome":"unchanged"' "$DIR/$mode.jsonl" || true)
  if [ -f "$DIR/$mode.time" ]; then
    wall=$(cut -f1 "$DIR/$mode.time" | tail -1)
    rss=$(cut -f2 "$DIR/$mode.time" | tail -1)
    cpu=$(tail -1 "$DIR/$mode.time" | awk -F'\t' '{ printf "%.1f", $3 + $4 }')
    rate=$(awk -v n="$COUNT" -v s="$wall" 'BEGIN { printf "%.0f", n / s }')
    echo "$mode: $summary"
    echo "$mode: process wall ${wall} s including JVM start (${rate} URLs/s), CPU ${cpu} s, peak RSS $((rss / 1024)) MiB," \
      "load $(cut -d' ' -f1 /proc/loadavg), not unchanged: $not_unchanged"
  else
    echo "$mode: $summary (GNU time not found: no CPU seconds, no peak RSS); load $(cut -d' ' -f1 /proc/loadavg);" \
      "not unchanged: $not_unchanged"
  fi
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
run 304
run 200
