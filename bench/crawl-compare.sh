#!/usr/bin/env bash
# Crawl benchmark, two builds side by side: builds the working tree and an earlier revision, serves the
# synthetic ~5,000-page news site once on 127.0.0.1, and crawls it with each build in turn, ROUNDS times
# (before, after, before, after, ...), each into a fresh archive. Prints pages/s, wall time, CPU seconds and
# the load average for every run, so both builds see the same machine.
# Usage: bench/crawl-compare.sh REV [ROUNDS] [THREADS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rev="${1:?usage: bench/crawl-compare.sh REV [ROUNDS] [THREADS]}"
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

echo "== building the working tree and $rev"
mvn -q -B -ntp -Dstyle.color=never package -DskipTests 2>&1 | sed "s/\x1b\[[0-9;]*m//g"
mvn -q -B -ntp -Dstyle.color=never test-compile 2>&1 | sed "s/\x1b\[[0-9;]*m//g"
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/test.cp" >/dev/null
git -C "$root" worktree add -q --detach "$work/before-src" "$rev"
(cd "$work/before-src" && mvn -q -B -ntp -Dstyle.color=never package -DskipTests 2>&1 | sed "s/\x1b\[[0-9;]*m//g")
cp "$work/before-src/target/newsvault.jar" "$work/before.jar"
cp target/newsvault.jar "$work/after.jar"

echo "== serving the synthetic site"
java -Xmx1g -cp "$root/target/test-classes:$root/target/classes:$(cat "$work/test.cp")" \
  dev.newsvault.bench.SyntheticNewsSite "$work/port" &
server_pid=$!
for _ in $(seq 1 300); do [ -s "$work/port" ] && break; sleep 0.1; done
seed="http://127.0.0.1:$(cat "$work/port")/"
printf '%s\tdepth=3\n' "$seed" >"$work/seeds.txt"

printf '%-6s %-7s %8s %8s %8s %8s %6s\n' round build pages wall_s pages/s cpu_s load
for round in $(seq 1 "$rounds"); do
  for build in before after; do
    rm -rf "$work/run"
    mkdir "$work/run"
    t0=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$work/cpu" java -jar "$work/$build.jar" crawl --config crawl-config.properties \
      --db "$work/run/bench.db" --set seeds="$work/seeds.txt" --set work.dir="$work/run/w" \
      --set politeness.delay.ms=0 --set fetch.allow.private=true --set threads="$threads" --set max.pages=0 \
      --set max.depth=3 --set progress.interval.s=600 --fresh >"$work/out" 2>&1 || true
    t1=$(date +%s.%N)
    pages=$(sed -n 's/.*fetched \([0-9,]*\), archived.*/\1/p' "$work/out" | tail -1 | tr -d ,)
    wall=$(echo "$t1 - $t0" | bc)
    cpu=$(awk '{print $1 + $2}' "$work/cpu")
    load=$(cut -d' ' -f1 /proc/loadavg)
    printf '%-6s %-7s %8s %8.1f %8.1f %8.1f %6s\n' "$round" "$build" "${pages:-?}" "$wall" \
      "$(echo "scale=1; ${pages:-0} / $wall" | bc)" "$cpu" "$load"
  done
done
