#!/usr/bin/env bash
# Export benchmark: builds synthetic archives of 10,000 and 50,000 articles (~600 words each), exports each
# to JSONL.gz and WARC.gz, and prints records/s, wall time, CPU seconds, peak RSS and the load average, plus the
# near-duplicate pass time.
# Usage: bench/export.sh [sizes...]   (default: 10000 50000). Output and archives go to bench/out/.
# EXPORT_BENCH_BEFORE=path/to/earlier/newsvault.jar alternates that build with this one, each export in turn
# (EXPORT_BENCH_ROUNDS rounds, default 1), and checks that both wrote the same bytes. Exports run with the
# launcher's JVM options (BENCH_JAVA_OPTS replaces them) and EXPORT_BENCH_HEAP (default -Xmx512m).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib.sh
. "$here/bench/lib.sh"
out="$here/bench/out/export"
sizes=("${@:-10000 50000}")
read -r -a sizes <<<"${sizes[*]}"
mkdir -p "$out/this" "$out/before"
(cd "$here" && mvn -q -B -ntp -Dstyle.color=never package -DskipTests)
cp="$here/target/newsvault.jar:$here/target/test-classes"
heap="${EXPORT_BENCH_HEAP:--Xmx512m}"
# the launcher's JVM options (bench_java_opts), as ./newsvault export runs; left unquoted below: one word each
jopts="$(bench_java_opts)"
before="${EXPORT_BENCH_BEFORE:-}"
rounds="${EXPORT_BENCH_ROUNDS:-1}"
builds=(this)
[ -n "$before" ] && builds=(before this)

# one export by build $1 in format $2 of archive $3; prints a line with its measures
export_once() {
  local build=$1 fmt=$2 db=$3 jar file msg written
  jar="$cp"
  [ "$build" = before ] && jar="$before"
  file="$out/$build/$(basename "$db" .db).$fmt.gz"
  rm -f "$file"
  bench_run java $jopts $heap -cp "$jar" dev.newsvault.cli.Main export --db "$db" --format "$fmt" --out "$file" \
    2>"$out/err.txt"
  msg=$(tail -1 "$out/err.txt" | tr '\r' '\n' | tail -1)
  written=$(bench_count "$(echo "$msg" | sed -n 's/.*exported \([0-9,]*\) article.*/\1/p')")
  printf '%-6s %-6s %8s records  %6.1f s  %8s records/s  CPU %6s s  peak RSS %5s MiB  load %5s  %s\n' "$build" \
    "$fmt.gz" "$written" "$BENCH_WALL" "$(bench_div "$written" "$BENCH_WALL" 0)" "$BENCH_CPU" "$BENCH_RSS" \
    "$BENCH_LOAD" "$(du -h "$file" | cut -f1)"
}

bench_machine
for n in "${sizes[@]}"; do
  db="$out/bench-$n.db"
  # creates the archive, or opens the one left by an earlier run (upgrading it once when its schema is older)
  java -cp "$cp" dev.newsvault.export.BenchArchive "$db" "$n"
  echo "== $n articles ($(du -h "$db" | cut -f1) archive), JVM $jopts $heap"
  for fmt in jsonl warc; do
    for ((round = 1; round <= rounds; round++)); do
      for build in "${builds[@]}"; do
        export_once "$build" "$fmt" "$db"
      done
    done
    if [ -n "$before" ]; then
      if cmp -s "$out/before/bench-$n.$fmt.gz" "$out/this/bench-$n.$fmt.gz"; then
        echo "       $fmt.gz: both builds wrote the same bytes"
      else
        echo "       $fmt.gz: the builds' files differ (compare: zcat each, then diff)"
      fi
    fi
  done
  bench_run java $jopts $heap -cp "$cp" dev.newsvault.cli.Main export --db "$db" --format jsonl --out "$out/nd.jsonl.gz" \
    --near-dups keep 2>"$out/err.txt"
  printf 'jsonl.gz without near-dup pass (--near-dups keep): %s s, CPU %s s, peak RSS %s MiB, load %s\n' \
    "$BENCH_WALL" "$BENCH_CPU" "$BENCH_RSS" "$BENCH_LOAD"
  java -cp "$cp" dev.newsvault.export.BenchNearDup "$db"
done
