#!/bin/sh
# Single-thread speed of the article extractor: pages/s and MB/s after JIT warm-up, per wall second and
# per CPU second of the measuring thread and of the whole process, and the cost of extraction in parses
# (each timed round is followed by one of decoding and parsing alone). Warm-up runs WARMUP_ROUNDS rounds,
# then on until the JIT compilers are quiet (at most five times as many). The benchmark lives in test
# sources, so it runs from target/test-classes on the test class path. The load average is printed before and after.
# usage: bench/extract.sh [DIR] [WARMUP_ROUNDS] [ROUNDS]   (run from anywhere)
set -e
cd "$(dirname "$0")/.."
DIR="${1:-../shared/bench/aeb-dev/html}"
CP_FILE=target/bench-test.cp
mvn -q -B -ntp -Dstyle.color=never test-compile
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before the run"
java -Xms512m -Xmx512m -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  dev.newsvault.bench.ExtractBenchmark "$DIR" "${2:-20}" "${3:-20}"
echo "load $(cut -d' ' -f1-3 /proc/loadavg) after the run"
