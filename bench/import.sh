#!/usr/bin/env bash
# Import benchmark: WARC files of the crawl benchmark's synthetic pages (5,050 pages of ~40 KB, four gzipped files),
# imported into a fresh archive with the packaged jar, then exported as JSONL; wall time, pages/s, CPU seconds and
# CPU ms a page, peak RSS and the load average. With BEFORE_JAR, an earlier build imports and exports the same
# files first, in the same run, ROUNDS times in turn (default 1).
# The earlier build runs with BEFORE_JAVA_OPTS when set (the options its own launcher gave it), else with the
# launcher's options as the working tree's build does; each maps a class-data-sharing archive of its own, made by an
# unmeasured import, as ./newsvault does (none when BENCH_JAVA_OPTS replaces the launcher's options).
# Usage: [BEFORE_JAVA_OPTS=...] bench/import.sh [RECORDS] [BEFORE_JAR] [ROUNDS]   (WARCs are generated under bench/out, never committed)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
# JVM options of every java run below (bench_java_opts), left unquoted there: one word each
jopts="$(bench_java_opts)"
before_jopts="${BEFORE_JAVA_OPTS-$jopts}"
records="${1:-5050}"
before_jar="${2:-}"
rounds="${3:-1}"
out=bench/out/import
rm -rf "$out" && mkdir -p "$out"
mvn -B -ntp -q -DskipTests package
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test
cp target/newsvault.jar "$out/after.jar"
builds=(after)
if [ -n "$before_jar" ]; then
  cp "$before_jar" "$out/before.jar"
  builds=(before after)
fi
java -cp "target/test-classes:target/classes:$(cat "$out/cp.txt")" dev.newsvault.warc.BenchWarcs "$out/warcs" \
  "$records" 4 synthetic
bench_machine
# The working tree's build maps a class-data-sharing archive, as ./newsvault does after a build's first long run:
# made here by one import that is not measured.
after_jopts="$jopts $(bench_cds "$out/after.jar" "$out/after.jsa" import --db "$out/train.db" "$out/warcs")"
rm -f "$out/train.db"*
if [ -n "$before_jar" ]; then
  # the earlier build maps one of its own, as its launcher would have
  before_jopts="$before_jopts $(bench_cds "$out/before.jar" "$out/before.jsa" import --db "$out/train.db" "$out/warcs")"
  rm -f "$out/train.db"*
fi
echo "JVM options of the working tree's build: $after_jopts"
if [ -n "$before_jar" ]; then echo "JVM options of the earlier build: $before_jopts"; fi
printf '%-6s %-7s %-7s %7s %8s %8s %7s %9s %8s %6s\n' round build step pages wall_s pages/s cpu_s cpu_ms/p rss_MiB load
for round in $(seq 1 "$rounds"); do
  for build in "${builds[@]}"; do
    opts="$after_jopts"
    if [ "$build" = before ]; then opts="$before_jopts"; fi
    rm -f "$out/bench.db"*
    bench_run java $opts -jar "$out/$build.jar" import --db "$out/bench.db" "$out/warcs" >"$out/import.log" 2>&1
    printf '%-6s %-7s %-7s %7s %8.1f %8s %7s %9s %8s %6s\n' "$round" "$build" import "$records" "$BENCH_WALL" \
      "$(bench_div "$records" "$BENCH_WALL")" "$BENCH_CPU" "$(bench_ms_each "$BENCH_CPU" "$records")" "$BENCH_RSS" \
      "$BENCH_LOAD"
    bench_run java $opts -jar "$out/$build.jar" export --db "$out/bench.db" --format jsonl --out "$out/export.jsonl.gz" \
      --all-versions >"$out/export.log" 2>&1
    printf '%-6s %-7s %-7s %7s %8.1f %8s %7s %9s %8s %6s\n' "$round" "$build" export "$records" "$BENCH_WALL" \
      "$(bench_div "$records" "$BENCH_WALL")" "$BENCH_CPU" "$(bench_ms_each "$BENCH_CPU" "$records")" "$BENCH_RSS" \
      "$BENCH_LOAD"
  done
done
tail -2 "$out/import.log"
