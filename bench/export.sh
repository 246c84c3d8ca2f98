#!/usr/bin/env bash
# Export benchmark: builds synthetic archives of 10,000 and 50,000 articles (~600 words each), exports each
# to JSONL.gz and WARC.gz, and prints records/s, wall time, CPU seconds, peak RSS and the load average, plus the
# near-duplicate pass time.
# Usage: bench/export.sh [sizes...]   (default: 10000 50000). Output and archives go to bench/out/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/bench/out/export"
sizes=("${@:-10000 50000}")
read -r -a sizes <<<"${sizes[*]}"
mkdir -p "$out"
(cd "$here" && mvn -q -B -ntp -Dstyle.color=never package -DskipTests)
cp="$here/target/newsvault.jar:$here/target/test-classes"
heap="${EXPORT_BENCH_HEAP:--Xmx512m}"

peak() { # runs a command, prints "<wall s> <peak RSS KiB> <CPU s> <load>" to fd 3
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %M %U %S" -o "$out/time.txt" "$@"
    awk -v load="$(cut -d' ' -f1 /proc/loadavg)" '{ printf "%s %s %.1f %s\n", $1, $2, $3 + $4, load }' \
      "$out/time.txt" >&3
  else
    local t0 pid hwm=0
    t0=$(date +%s.%N)
    "$@" & pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      h=$(awk '/VmHWM/{print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${h:-0}" -gt "$hwm" ] && hwm=$h
      sleep 0.2
    done
    wait "$pid"
    echo "$(awk "BEGIN{print $(date +%s.%N) - $t0}") $hwm ? $(cut -d' ' -f1 /proc/loadavg)" >&3
  fi
}

for n in "${sizes[@]}"; do
  db="$out/bench-$n.db"
  # creates the archive, or opens the one left by an earlier run (upgrading it once when its schema is older)
  java -cp "$cp" dev.newsvault.export.BenchArchive "$db" "$n"
  echo "== $n articles ($(du -h "$db" | cut -f1) archive), JVM $heap"
  for fmt in jsonl warc; do
    file="$out/bench-$n.$fmt.gz"
    rm -f "$file"
    exec 3>"$out/peak.txt"
    peak java $heap -cp "$cp" dev.newsvault.cli.Main export --db "$db" --format "$fmt" --out "$file" 2>"$out/err.txt"
    exec 3>&-
    read -r wall rss cpu load <"$out/peak.txt"
    msg=$(tail -1 "$out/err.txt")
    written=$(echo "$msg" | sed -n 's/.*exported \([0-9,]*\) article.*/\1/p' | tr -d ,)
    printf '%-6s %8s records  %6.1f s  %8.0f records/s  CPU %6s s  peak RSS %6.0f MiB  load %5s  %s\n' "$fmt.gz" \
      "$written" "$wall" "$(awk "BEGIN{print $written / $wall}")" "$cpu" "$(awk "BEGIN{print $rss / 1024}")" "$load" \
      "$(du -h "$file" | cut -f1)"
    echo "       $msg"
  done
  exec 3>"$out/peak.txt"
  peak java $heap -cp "$cp" dev.newsvault.cli.Main export --db "$db" --format jsonl --out "$out/nd.jsonl.gz" \
    --near-dups keep 2>"$out/err.txt"
  exec 3>&-
  read -r wall_keep rss_keep cpu_keep load_keep <"$out/peak.txt"
  printf 'jsonl.gz without near-dup pass (--near-dups keep): %.1f s, CPU %s s, peak RSS %.0f MiB, load %s\n' \
    "$wall_keep" "$cpu_keep" "$(awk "BEGIN{print $rss_keep / 1024}")" "$load_keep"
  java -cp "$cp" dev.newsvault.export.BenchNearDup "$db"
done
