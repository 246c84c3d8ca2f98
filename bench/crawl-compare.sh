#!/usr/bin/env bash
# Crawl benchmark, two builds side by side: builds the working tree, takes an earlier build (a jar file, or a
# revision it builds in a temporary worktree), serves the synthetic ~5,000-page news site once on 127.0.0.1, and
# crawls it with each build in turn and with plain crawler4j + jsoup counting pages (the peer), ROUNDS times
# (before, after, peer, before, after, peer, ...), each into a fresh archive. Prints pages, wall time, pages/s,
# CPU seconds, CPU ms a page, peak RSS and the load average for every run, so all see the same machine; then the
# median CPU ms a page of each, and each build's CPU a page over the peer's of the same round (a ratio that moves
# less with the host's speed than the milliseconds do). CPU seconds are the figure to compare on a busy host: wall
# time follows the load.
# The working tree's build runs with the launcher's JVM options (bench_java_opts); the earlier build with
# BEFORE_JAVA_OPTS when set (the options its own launcher gave it), else with the same; each maps a class-data-sharing
# archive of its own, as ./newsvault does (none when BENCH_JAVA_OPTS replaces the launcher's options).
# SITE_PER_SECTION=N serves N articles in each of the site's 50 sections instead of 100 (2000: about 100,000 pages,
# made as they are asked for), to see how memory and CPU a page hold up over a long crawl; the unmeasured crawls that
# make the class-data-sharing archives then stop at 6,000 pages.
# Usage: [BEFORE_JAVA_OPTS=...] [SITE_PER_SECTION=N] bench/crawl-compare.sh REV|JAR [ROUNDS] [THREADS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=bench/lib.sh
. bench/lib.sh
# JVM options of every java run below (bench_java_opts), left unquoted there: one word each
jopts="$(bench_java_opts)"
before_jopts="${BEFORE_JAVA_OPTS-$jopts}"
before="${1:?usage: bench/crawl-compare.sh REV|JAR [ROUNDS] [THREADS]}"
rounds="${2:-2}"
threads="${3:-8}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  git -C "$root" worktree remove --force "$work/before-src" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building the working tree"
mvn -q -B -ntp -Dstyle.color=never package -DskipTests 2>&1 | sed "s/\x1b\[[0-9;]*m//g"
mvn -q -B -ntp -Dstyle.color=never test-compile 2>&1 | sed "s/\x1b\[[0-9;]*m//g"
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/test.cp" >/dev/null
cp="$root/target/test-classes:$root/target/classes:$(cat "$work/test.cp")"
if [ -f "$before" ]; then
  cp "$before" "$work/before.jar"
else
  echo "== building $before"
  git -C "$root" worktree add -q --detach "$work/before-src" "$before"
  (cd "$work/before-src" && mvn -q -B -ntp -Dstyle.color=never package -DskipTests 2>&1 | sed "s/\x1b\[[0-9;]*m//g")
  cp "$work/before-src/target/newsvault.jar" "$work/before.jar"
fi
cp target/newsvault.jar "$work/after.jar"

echo "== serving the synthetic site"
java -Xmx1g -cp "$cp" dev.newsvault.bench.SyntheticNewsSite "$work/port" ${SITE_PER_SECTION:-} &
server_pid=$!
for _ in $(seq 1 300); do [ -s "$work/port" ] && break; sleep 0.1; done
seed="http://127.0.0.1:$(cat "$work/port")/"
printf '%s\tdepth=3\n' "$seed" >"$work/seeds.txt"
bench_machine
# The working tree's build maps a class-data-sharing archive, as ./newsvault does after a build's first long run:
# made here by one crawl that is not measured.
crawl_args=(crawl --config crawl-config.properties --set seeds="$work/seeds.txt" --set politeness.delay.ms=0
  --set fetch.allow.private=true --set threads="$threads" --set max.pages=0 --set max.depth=3
  --set progress.interval.s=600 --fresh)
train_args=("${crawl_args[@]}")
[ -n "${SITE_PER_SECTION:-}" ] && train_args+=(--set max.pages=6000)
mkdir -p "$work/train"
after_jopts="$jopts $(bench_cds "$work/after.jar" "$work/after.jsa" "${train_args[@]}" --db "$work/train/bench.db" \
  --set work.dir="$work/train/w")"
rm -rf "$work/train"
# The earlier build maps one of its own, as its launcher would have (with BEFORE_JAVA_OPTS given, the options of that
# launcher; its archive is made with the same options as the working tree's, which an archive does not depend on).
mkdir -p "$work/train"
before_jopts="$before_jopts $(bench_cds "$work/before.jar" "$work/before.jsa" "${train_args[@]}" \
  --db "$work/train/bench.db" --set work.dir="$work/train/w")"
rm -rf "$work/train"
echo "JVM options of the earlier build: $before_jopts; of the working tree's: $after_jopts"

printf '%-6s %-7s %7s %8s %8s %7s %9s %8s %6s\n' round build pages wall_s pages/s cpu_s cpu_ms/p rss_MiB load
for round in $(seq 1 "$rounds"); do
  for build in before after peer; do
    rm -rf "$work/run"
    mkdir "$work/run"
    if [ "$build" = peer ]; then
      bench_run java $jopts -cp "$cp" dev.newsvault.bench.PlainCrawler4j jsoup "$seed" "$work/run/c4j" "$threads" \
        >"$work/out" 2>&1
      pages=$(bench_count "$(sed -n 's/.*pages \([0-9,]*\), seconds.*/\1/p' "$work/out")")
    else
      opts="$after_jopts"
      if [ "$build" = before ]; then opts="$before_jopts"; fi
      bench_run java $opts -jar "$work/$build.jar" "${crawl_args[@]}" --db "$work/run/bench.db" \
        --set work.dir="$work/run/w" >"$work/out" 2>&1
      pages=$(bench_crawl_pages "$work/out")
    fi
    ms=$(bench_ms_each "$BENCH_CPU" "$pages")
    echo "$build $ms $round" >>"$work/ms"
    printf '%-6s %-7s %7s %8.1f %8s %7s %9s %8s %6s\n' "$round" "$build" "${pages:-?}" "$BENCH_WALL" \
      "$(bench_div "$pages" "$BENCH_WALL")" "$BENCH_CPU" "$ms" "$BENCH_RSS" "$BENCH_LOAD"
  done
  # Each build's CPU a page over the peer's in the same round: a figure the host's speed at the moment moves less.
  peer_ms=$(awk -v r="$round" '$1 == "peer" && $3 == r { print $2 }' "$work/ms")
  for build in before after; do
    echo "$build $(bench_div "$(awk -v r="$round" -v b="$build" '$1 == b && $3 == r { print $2 }' "$work/ms")" \
      "$peer_ms" 2)" >>"$work/ratio"
  done
  printf "%-6s CPU a page over the peer's: before %sx, after %sx\n" "$round" \
    "$(awk '$1 == "before" { r = $2 } END { print r }' "$work/ratio")" \
    "$(awk '$1 == "after" { r = $2 } END { print r }' "$work/ratio")"
done
# The median of column 2 of the lines of file $2 whose column 1 is $1, or "?".
median() {
  awk -v b="$1" '$1 == b && $2 != "?" { print $2 }' "$2" | sort -n \
    | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
for build in before after peer; do
  printf 'median CPU ms a page, %-6s: %s\n' "$build" "$(median "$build" "$work/ms")"
done
for build in before after; do
  printf "median CPU a page over the peer's, %-6s: %sx\n" "$build" "$(median "$build" "$work/ratio")"
done
