#!/usr/bin/env bash
# Spark job benchmark: records/s of newsvault-spark in local[2] against import + export (JSONL, all versions) on
# the same WARC files of short generated articles (~6 KB, each different), for each record count given; wall time,
# CPU seconds and peak RSS of each process, and the load average before each count and after each process.
# Usage: bench/spark.sh [RECORDS...]   (default: 10000 100000; WARCs are generated under bench/out, never committed)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-10000 100000}")
out=bench/out/spark
mkdir -p "$out"
mvn -B -ntp -q -DskipTests install
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test
mvn -B -ntp -q -f spark/pom.xml -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$out/spark-cp.txt" -Dmdep.includeScope=test
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
 --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
 --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
echo "machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') RAM"
for n in ${counts[*]}; do
  w="$out/warcs-$n"
  rm -rf "$w" "$out/job-$n" "$out/import-$n.db"*
  java -cp "target/test-classes:target/classes:$(cat "$out/cp.txt")" dev.newsvault.warc.BenchWarcs "$w" "$n" 8 small
  echo "records $n, load: $(uptime | sed 's/.*load average: //')"
  # shellcheck disable=SC2086
  /usr/bin/time -f "spark local[2]: wall %e s, CPU %U+%S s, peak RSS %M KB" java -Xmx2g $opens \
    -Dspark.master='local[2]' -Dspark.ui.enabled=false -cp "spark/target/classes:$(cat "$out/spark-cp.txt")" \
    dev.newsvault.spark.NewsvaultSpark --out "$out/job-$n" --near-dups drop "$w" 2>&1 | grep -v ' INFO '
  echo "  load $(cut -d' ' -f1 /proc/loadavg)"
  # the progress lines start with "import: "; the timing line must not, or the filter drops it
  /usr/bin/time -f "import (whole process): wall %e s, CPU %U+%S s, peak RSS %M KB" \
    java -jar target/newsvault.jar import --db "$out/import-$n.db" "$w" 2>&1 | grep -v '^import: '
  echo "  load $(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f "export: wall %e s, CPU %U+%S s, peak RSS %M KB" \
    java -jar target/newsvault.jar export --db "$out/import-$n.db" --format jsonl --out "$out/export-$n.jsonl.gz" \
    --all-versions
  echo "  load $(cut -d' ' -f1 /proc/loadavg)"
done
