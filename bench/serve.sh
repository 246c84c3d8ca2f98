#!/usr/bin/env bash
# newsvault serve benchmark: builds a synthetic archive of N articles (default 100,000, ~600 words each, every
# 20th edited once), starts 'newsvault serve' on it, and prints p50/p95 latency per kind of page with one
# client and with 20 concurrent clients, and the server's peak RSS (VmHWM) after the 20-client run.
# Usage: [REQUESTS_1=200] [REQUESTS_20=1000] bench/serve.sh [N]. Archives go to bench/out/serve/ and are reused when present.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/bench/out/serve"
n="${1:-100000}"
mkdir -p "$out"
(cd "$here" && mvn -q -B -ntp -Dstyle.color=never package -DskipTests)
# A copy of the build, so a rebuild while the benchmark runs cannot change the classes under it.
rm -rf "$out/build" && mkdir -p "$out/build" && cp -r "$here/target/newsvault.jar" "$here/target/test-classes" "$out/build/"
cp="$out/build/newsvault.jar:$out/build/test-classes"
db="$out/bench-$n.db"
java -cp "$cp" dev.newsvault.serve.BenchServe build "$db" "$n"
echo "== $n articles, $(du -h "$db" | cut -f1) archive; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java ${SERVE_HEAP:--Xmx256m} -jar "$out/build/newsvault.jar" serve --db "$db" --port "$port" >"$out/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "read-only) at" "$out/serve.log" && break
  sleep 0.2
done
base="http://127.0.0.1:$port"
one="${REQUESTS_1:-200}"
many="${REQUESTS_20:-1000}"
echo "-- 1 client, $one requests per kind"
java -cp "$cp" dev.newsvault.serve.BenchServe load "$base" 1 "$one"
echo "-- 20 concurrent clients, $many requests per kind"
java -cp "$cp" dev.newsvault.serve.BenchServe load "$base" 20 "$many"
echo "serve peak RSS $(awk '/VmHWM/{printf "%.0f MiB", $2/1024}' /proc/$pid/status), heap limit ${SERVE_HEAP:--Xmx256m}"
