#!/usr/bin/env bash
# Import benchmark: WARC files of the crawl benchmark's synthetic pages (5,050 pages of ~40 KB, four gzipped files),
# imported into a fresh archive with the packaged jar, then exported as JSONL; wall time, pages/s and peak RSS.
# Usage: bench/import.sh [RECORDS]   (WARCs are generated under bench/out, never committed)
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-5050}"
out=bench/out/import
rm -rf "$out" && mkdir -p "$out"
mvn -B -ntp -q -DskipTests package
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat "$out/cp.txt")" dev.newsvault.warc.BenchWarcs "$out/warcs" \
  "$records" 4 synthetic
echo "machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') RAM, load: $(uptime | sed 's/.*load average: //')"
/usr/bin/time -f "import: wall %e s, CPU %U+%S s, peak RSS %M KB" \
  java -jar target/newsvault.jar import --db "$out/bench.db" "$out/warcs"
/usr/bin/time -f "export: wall %e s, CPU %U+%S s, peak RSS %M KB" \
  java -jar target/newsvault.jar export --db "$out/bench.db" --format jsonl --out "$out/export.jsonl.gz" \
  --all-versions
