#!/usr/bin/env bash
# Crawl benchmark: builds newsvault, serves a synthetic ~5,000-page news site (~40 KB a page) on 127.0.0.1,
# crawls it end to end with `newsvault crawl` (politeness off, 8 threads, no page limit), then crawls the same
# site with plain crawler4j (pages counted only) using the jsoup parser and, when its class path can be
# resolved, crawler4j's default Tika parser. Prints pages/s, wall time, CPU seconds and CPU ms a page, peak RSS,
# the load average when each run ended, the archive size, and newsvault's ratios to the peers. newsvault runs with
# the launcher's JVM options and class-data-sharing archive, as ./newsvault runs it.
# Usage: bench/crawl.sh [THREADS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=bench/lib.sh
. bench/lib.sh
# JVM options of every java run below (bench_java_opts), left unquoted there: one word each
jopts="$(bench_java_opts)"
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
bench_machine

row() { # name pages
  printf '%-34s %8s %8.1f %9s %7s %8s %9s %6s\n' "$1" "${2:-?}" "$BENCH_WALL" "$(bench_div "$2" "$BENCH_WALL")" \
    "$BENCH_CPU" "$(bench_ms_each "$BENCH_CPU" "$2")" "$BENCH_RSS" "$BENCH_LOAD"
}

echo "== newsvault crawl ($threads threads)"
printf '%s\tdepth=3\n' "$seed" >"$work/seeds.txt"
crawl_args=(crawl --config crawl-config.properties --set seeds="$work/seeds.txt" --set politeness.delay.ms=0
  --set fetch.allow.private=true --set threads="$threads" --set max.pages=0 --set max.depth=3
  --set progress.interval.s=30 --fresh)
# newsvault maps the class-data-sharing archive ./newsvault keeps after a build's first long run: made here by
# one crawl that is not measured (nothing when BENCH_JAVA_OPTS replaces the launcher's options).
mkdir -p "$work/train"
nv_jopts="$jopts $(bench_cds target/newsvault.jar "$work/nv.jsa" "${crawl_args[@]}" --db "$work/train/bench.db" \
  --set work.dir="$work/train/w")"
rm -rf "$work/train"
echo "JVM options of newsvault: $nv_jopts"
bench_run java $nv_jopts -jar target/newsvault.jar "${crawl_args[@]}" --db "$work/bench.db" \
  --set work.dir="$work/nv-work" >"$work/nv" 2>&1
cat "$work/nv"
nv_pages=$(bench_crawl_pages "$work/nv")
nv_row=$(row "newsvault crawl (end to end)" "$nv_pages")
nv_rate=$(bench_div "$nv_pages" "$BENCH_WALL")
nv_ms=$(bench_ms_each "$BENCH_CPU" "$nv_pages")
db_size=$(du -m "$work/bench.db" | cut -f1)

run_plain() {
  local mode="$1" classpath="$2" pages
  rm -rf "$work/c4j"
  bench_run java $jopts -cp "$classpath" dev.newsvault.bench.PlainCrawler4j "$mode" "$seed" "$work/c4j" "$threads" \
    >"$work/c4j-$mode" 2>&1
  grep "^crawler4j-$mode" "$work/c4j-$mode" || tail -5 "$work/c4j-$mode"
  pages=$(bench_count "$(sed -n 's/.*pages \([0-9,]*\), seconds.*/\1/p' "$work/c4j-$mode")")
  declare -g "${mode}_row=$(row "$3" "$pages")"
  declare -g "${mode}_rate=$(bench_div "$pages" "$BENCH_WALL")"
  declare -g "${mode}_ms=$(bench_ms_each "$BENCH_CPU" "$pages")"
}

echo "== plain crawler4j, jsoup parser, counting only"
run_plain jsoup "$cp" "crawler4j + jsoup (count only)"
if [ -n "$default_cp" ]; then
  echo "== plain crawler4j, default (Tika) parser, counting only"
  run_plain default "$default_cp" "crawler4j default (count only)"
else
  echo "== plain crawler4j with its default parser skipped: its class path (Tika) could not be resolved"
fi

echo
echo "== results ($(nproc) cores, $(java -version 2>&1 | head -1))"
printf '%-34s %8s %8s %9s %7s %8s %9s %6s\n' run pages wall_s pages/s cpu_s cpu_ms/p rss_MiB load
echo "$nv_row"
echo "$jsoup_row"
if [ -n "$default_cp" ]; then echo "$default_row"; fi
echo "archive size: ${db_size} MB"
echo "newsvault / crawler4j+jsoup: pages/s $(bench_div "$nv_rate" "$jsoup_rate" 2)x," \
  "CPU a page $(bench_div "$nv_ms" "$jsoup_ms" 2)x"
if [ -n "$default_cp" ]; then
  echo "newsvault / crawler4j default: pages/s $(bench_div "$nv_rate" "$default_rate" 2)x," \
    "CPU a page $(bench_div "$nv_ms" "$default_ms" 2)x"
fi
