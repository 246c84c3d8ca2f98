#!/bin/sh
# Single-thread speed of the article extractor: pages/s and MB/s after JIT warm-up, per wall second and
# per CPU second of the measuring thread and of the whole process, and the cost of extraction in parses
# (each timed round is followed by one of decoding and parsing alone). Warm-up runs WARMUP_ROUNDS rounds,
# then on until the JIT compilers are quiet (at most five times as many). The benchmark lives in test
# sources, so it runs from target/test-classes on the test class path. The load average is printed before and after.
# With EXTRACT_BENCH_BEFORE=REV (a revision), the extractor of that revision is measured too, side by side: its
# classes are built in a temporary worktree and run under this tree's benchmark class and class path, alternating
# with this tree's EXTRACT_BENCH_PAIRS times (default 3), one summary line a run.
# usage: [EXTRACT_BENCH_BEFORE=REV [EXTRACT_BENCH_PAIRS=N]] bench/extract.sh [DIR] [WARMUP_ROUNDS] [ROUNDS]
#   (run from anywhere)
set -e
cd "$(dirname "$0")/.."
DIR="${1:-../shared/bench/aeb-dev/html}"
CP_FILE=target/bench-test.cp
mvn -q -B -ntp -Dstyle.color=never test-compile
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
run() { # product classes
  java -Xms512m -Xmx512m -cp "target/test-classes:$1:$(cat "$CP_FILE")" \
    dev.newsvault.bench.ExtractBenchmark "$DIR" "${2:-20}" "${3:-20}"
}
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before the run"
if [ -z "${EXTRACT_BENCH_BEFORE:-}" ]; then
  run target/classes "$2" "$3"
  echo "load $(cut -d' ' -f1-3 /proc/loadavg) after the run"
  exit 0
fi
before="$(mktemp -d)/src"
trap 'git worktree remove --force "$before" >/dev/null 2>&1 || true; rm -rf "$(dirname "$before")"' EXIT
git worktree add -q --detach "$before" "$EXTRACT_BENCH_BEFORE"
(cd "$before" && mvn -q -B -ntp -Dstyle.color=never compile)
echo "before: $EXTRACT_BENCH_BEFORE ($(git rev-parse --short "$EXTRACT_BENCH_BEFORE")), after: this tree"
i=0
while [ "$i" -lt "${EXTRACT_BENCH_PAIRS:-3}" ]; do
  i=$((i + 1))
  for build in before after; do
    classes=target/classes
    if [ "$build" = before ]; then classes="$before/target/classes"; fi
    out="$(run "$classes" "$2" "$3" 2>&1)"
    echo "$i $build load $(cut -d' ' -f1 /proc/loadavg):" \
      "$(echo "$out" | grep -o 'pages/cpu-s=[0-9.]*' | head -1)," \
      "$(echo "$out" | grep -o 'costs [0-9.]* parses (median of rounds[^)]*)')," \
      "$(echo "$out" | grep -o 'costs [0-9.]* parses with each page parsed right after it ([^)]*)')"
  done
done
