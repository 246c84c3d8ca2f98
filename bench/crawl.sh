#!/usr/bin/env bash
# Crawl benchmark: builds newsvault, serves a synthetic ~5,000-page news site (~40 KB a page) on 127.0.0.1,
# crawls it end to end with `newsvault crawl` (politeness off, 8 threads, no page limit), then crawls the same
# site with plain crawler4j (pages counted only) using the jsoup parser and, when its class path can be
# resolved, crawler4j's default Tika parser. Prints pages/s, wall time, peak RSS and archive size.
# Usage: bench/crawl.sh [THREADS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
threads="${1:-8}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building"
mvn -q -B -ntp -Dstyle.color=never package -DskipTests 2>&1 | sed "s/\x1b\[[0-9;]*m//g"
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/test.cp" >/dev/null
cp="$root/target/test-classes:$root/target/classes:$(cat "$work/test.cp")"
default_cp=""
if mvn -q -B -o -f bench/crawler4j-default/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$work/default.cp" >/dev/null 2>&1 \
  || mvn -q -B -f bench/crawler4j-default/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$work/default.cp" >/dev/null 2>&1; then
  default_cp="$root/target/test-classes:$(cat "$work/default.cp")"
fi

echo "== serving the synthetic site"
java -Xmx1g -cp "$cp" dev.newsvault.bench.SyntheticNewsSite "$work/port" &
server_pid=$!
for _ in $(seq 1 300); do [ -s "$work/port" ] && break; sleep 0.1; done
port="$(cat "$work/port")"
seed="http://127.0.0.1:$port/"

# Peak RSS in MB from GNU time's report, or "?" when GNU time is not there.
measure() {
  local out="$1"; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$@" >"$out" 2>"$out.time"
    awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$out.time" >"$out.rss"
    awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$out.time" >"$out.cpu"
  else
    "$@" >"$out" 2>"$out.time"
    echo "?" >"$out.rss"
    echo "?" >"$out.cpu"
  fi
}

echo "== newsvault crawl ($threads threads)"
printf '%s\tdepth=3\n' "$seed" >"$work/seeds.txt"
t0=$(date +%s.%N)
measure "$work/nv" java -jar target/newsvault.jar crawl --config crawl-config.properties --db "$work/bench.db" \
  --set seeds="$work/seeds.txt" --set work.dir="$work/nv-work" --set politeness.delay.ms=0 --set fetch.allow.private=true \
  --set threads="$threads" --set max.pages=0 --set max.depth=3 --set progress.interval.s=30 --fresh
t1=$(date +%s.%N)
cat "$work/nv"
nv_pages=$(sed -n 's/.*: fetched \([0-9,]*\), archived.*/\1/p' "$work/nv" | tr -d ,)
nv_wall=$(echo "$t1 - $t0" | bc)
nv_rate=$(echo "scale=1; $nv_pages / $nv_wall" | bc)
nv_rss=$(cat "$work/nv.rss")
nv_cpu=$(cat "$work/nv.cpu")
db_size=$(du -m "$work/bench.db" | cut -f1)

run_plain() {
  local mode="$1" classpath="$2"
  rm -rf "$work/c4j"
  t0=$(date +%s.%N)
  measure "$work/c4j-$mode" java -cp "$classpath" dev.newsvault.bench.PlainCrawler4j "$mode" "$seed" "$work/c4j" "$threads"
  t1=$(date +%s.%N)
  grep "^crawler4j-$mode" "$work/c4j-$mode"
  local pages
  pages=$(sed -n 's/.*pages \([0-9]*\), seconds.*/\1/p' "$work/c4j-$mode")
  eval "${mode}_pages=$pages"
  eval "${mode}_wall=$(echo "$t1 - $t0" | bc)"
  eval "${mode}_rate=$(echo "scale=1; $pages / ($t1 - $t0)" | bc)"
  eval "${mode}_rss=$(cat "$work/c4j-$mode.rss")"
  eval "${mode}_cpu=$(cat "$work/c4j-$mode.cpu")"
}

echo "== plain crawler4j, jsoup parser, counting only"
run_plain jsoup "$cp"
if [ -n "$default_cp" ]; then
  echo "== plain crawler4j, default (Tika) parser, counting only"
  run_plain default "$default_cp"
else
  echo "== plain crawler4j with its default parser skipped: its class path (Tika) could not be resolved"
fi

echo
echo "== results ($(nproc) cores, $(java -version 2>&1 | head -1))"
printf '%-34s %8s %10s %10s %12s %8s\n' "run" "pages" "wall s" "pages/s" "peak RSS MB" "CPU s"
printf '%-34s %8s %10.1f %10s %12s %8s\n' "newsvault crawl (end to end)" "$nv_pages" "$nv_wall" "$nv_rate" \
  "$nv_rss" "$nv_cpu"
printf '%-34s %8s %10.1f %10s %12s %8s\n' "crawler4j + jsoup (count only)" "$jsoup_pages" "$jsoup_wall" \
  "$jsoup_rate" "$jsoup_rss" "$jsoup_cpu"
if [ -n "$default_cp" ]; then
  printf '%-34s %8s %10.1f %10s %12s %8s\n' "crawler4j default (count only)" "$default_pages" "$default_wall" \
    "$default_rate" "$default_rss" "$default_cpu"
fi
echo "archive size: ${db_size} MB"
echo "newsvault / crawler4j+jsoup: $(echo "scale=2; $nv_rate / $jsoup_rate" | bc)x"
if [ -n "$default_cp" ]; then
  echo "newsvault / crawler4j default: $(echo "scale=2; $nv_rate / $default_rate" | bc)x"
fi
