#!/bin/sh
# Single-thread speed of the article extractor: pages/s and MB/s after JIT warm-up.
# usage: bench/extract.sh [DIR] [WARMUP_ROUNDS] [ROUNDS]   (run from the repository root)
set -e
cd "$(dirname "$0")/.."
DIR="${1:-../shared/bench/aeb-dev/html}"
JAR=target/newsvault.jar
if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f 2>/dev/null | head -1)" ]; then
  mvn -q -B -ntp -Dstyle.color=never package -DskipTests
fi
exec java -Xms512m -Xmx512m -cp "$JAR" dev.newsvault.extract.bench.ExtractBenchmark "$DIR" "${2:-20}" "${3:-20}"
