#!/usr/bin/env bash
# newsvault serve benchmark: builds a synthetic archive of N articles (default 100,000, ~600 words each, every
# 20th edited once), starts 'newsvault serve' on it, and prints p50/p95 latency per kind of page with one
# client and with 20 concurrent clients, and the server's peak memory during the 20-client run.
# The server's CPU seconds and the load average are printed beside the latencies.
# Usage: [REQUESTS_1=200] [REQUESTS_20=1000] [SERVE_HEAP=-Xmx256m] [BENCH_DIR=bench/out/serve] [SKIP_BUILD=1]
#        bench/serve.sh [N]
# The archive is built once (minutes at 100,000 articles) into BENCH_DIR and reused by later runs; an archive of
# an older schema is upgraded when serve opens it. SKIP_BUILD=1 reuses the last jar copied into BENCH_DIR.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${BENCH_DIR:-$here/bench/out/serve}"
n="${1:-100000}"
heap="${SERVE_HEAP:--Xmx256m}"
mkdir -p "$out"
if [[ "${SKIP_BUILD:-}" != 1 || ! -f "$out/build/newsvault.jar" ]]; then
  (cd "$here" && mvn -q -B -ntp -Dstyle.color=never package -DskipTests)
  # A copy of the build, so a rebuild while the benchmark runs cannot change the classes under it.
  rm -rf "$out/build" && mkdir -p "$out/build" && cp -r "$here/target/newsvault.jar" "$here/target/test-classes" "$out/build/"
fi
cp="$out/build/newsvault.jar:$out/build/test-classes"
db="$out/bench-$n.db"
java -cp "$cp" dev.newsvault.serve.BenchServe build "$db" "$n"
echo "== $n articles, $(du -hL "$db" | cut -f1) archive; $(nproc) cores, $(free -h | awk '/Mem:/{print $2}') RAM;" \
  "load: $(cut -d' ' -f1-3 /proc/loadavg)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java $heap -jar "$out/build/newsvault.jar" serve --db "$db" --port "$port" >"$out/serve.log" 2>&1 &
pid=$!
sampler=""
trap 'kill $pid 2>/dev/null || true; [[ -n "$sampler" ]] && kill $sampler 2>/dev/null || true' EXIT
# Upgrading an archive of an older schema (a new search index) can take minutes; progress goes to serve.log.
for _ in $(seq 1 3000); do
  grep -q "read-only) at" "$out/serve.log" && break
  kill -0 $pid 2>/dev/null || { cat "$out/serve.log"; exit 1; }
  sleep 0.2
done
base="http://127.0.0.1:$port"
one="${REQUESTS_1:-200}"
many="${REQUESTS_20:-1000}"
echo "-- 1 client, $one requests per kind"
java -cp "$cp" dev.newsvault.serve.BenchServe load "$base" 1 "$one"
# The peak of the server's own memory (heap, stacks, SQLite's caches: RssAnon), sampled while 20 clients run;
# VmHWM also counts pages of the memory-mapped archive, which the OS page cache shares and can drop.
: >"$out/rss-anon"
(while kill -0 $pid 2>/dev/null; do awk '/RssAnon/{print $2}' /proc/$pid/status >>"$out/rss-anon"; sleep 0.2; done) &
sampler=$!
echo "-- 20 concurrent clients, $many requests per kind"
java -cp "$cp" dev.newsvault.serve.BenchServe load "$base" 20 "$many"
kill $sampler 2>/dev/null || true
# CPU seconds the server used since it started (utime + stime of /proc/PID/stat, in clock ticks)
echo "serve CPU: $(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f s", ($14 + $15) / hz }' /proc/$pid/stat) since start"
echo "serve peak: $(sort -n "$out/rss-anon" | tail -1 | awk '{printf "%.0f MiB", $1/1024}') own memory (RssAnon)," \
  "$(awk '/VmHWM/{printf "%.0f MiB", $2/1024}' /proc/$pid/status) resident with the mapped archive (VmHWM);" \
  "heap limit $heap; load: $(cut -d' ' -f1-3 /proc/loadavg)"
