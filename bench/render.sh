#!/usr/bin/env bash
# Rendering benchmark: serves the synthetic news site on 127.0.0.1 and crawls PAGES of its pages twice with
# `newsvault crawl`: once plainly, once with every page rendered in headless Chromium (render.hosts naming the
# site), render.concurrency browsers. While each crawl runs, a sampler adds up the CPU time and the memory
# (proportional set size, so shared pages count once) of newsvault and every process under it, the browsers
# included, every half second. Prints pages/s, pages/s per browser, CPU seconds per page, peak memory, and the
# memory at each quarter of the rendered crawl (flat means no growth from page to page).
# Usage: bench/render.sh [PAGES] [CONCURRENCY]   (default 600 pages, 1 browser)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
pages="${1:-600}"
conc="${2:-1}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

mvn -q -B -ntp -Dstyle.color=never package -DskipTests 2>&1 | sed "s/\x1b\[[0-9;]*m//g"
mvn -q -B -ntp -Dstyle.color=never test-compile 2>&1 | sed "s/\x1b\[[0-9;]*m//g"
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/test.cp" >/dev/null

java -Xmx1g -cp "$root/target/test-classes:$root/target/classes:$(cat "$work/test.cp")" \
  dev.newsvault.bench.SyntheticNewsSite "$work/port" &
server_pid=$!
for _ in $(seq 1 300); do [ -s "$work/port" ] && break; sleep 0.1; done
seed="http://127.0.0.1:$(cat "$work/port")/"
printf '%s\tdepth=3\n' "$seed" >"$work/seeds.txt"

# Samples a process tree: CPU seconds (the most seen per process, summed) and total PSS in MB over time.
cat >"$work/sample.py" <<'PY'
import os, sys, time
root = int(sys.argv[1]); out = open(sys.argv[2], "w")
tick = os.sysconf("SC_CLK_TCK"); cpu = {}
while os.path.exists("/proc/%d" % root):
    kids, ticks = {}, {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                st = open("/proc/%s/stat" % p).read()
                f = st[st.rindex(")") + 2:].split()
                kids.setdefault(int(f[1]), []).append(int(p))
                ticks[int(p)] = int(f[11]) + int(f[12])
            except (OSError, ValueError):
                pass
    tree, todo = [], [root]
    while todo:
        p = todo.pop(); tree.append(p); cpu[p] = max(cpu.get(p, 0), ticks.get(p, 0))
        todo.extend(kids.get(p, []))
    pss = 0
    for p in tree:
        try:
            for line in open("/proc/%d/smaps_rollup" % p):
                if line.startswith("Pss:"): pss += int(line.split()[1])
        except OSError:
            pass
    out.write("%.1f %d %.2f\n" % (time.time(), pss // 1024, sum(cpu.values()) / tick)); out.flush()
    time.sleep(0.5)
PY

run() {
  local name="$1"; shift
  rm -rf "$work/$name"; mkdir "$work/$name"
  t0=$(date +%s.%N)
  java -jar target/newsvault.jar crawl --config crawl-config.properties --db "$work/$name/bench.db" \
    --set seeds="$work/seeds.txt" --set work.dir="$work/$name/w" --set politeness.delay.ms=0 \
    --set fetch.allow.addresses=127.0.0.1 --set threads=$((conc * 2)) --set max.pages="$pages" --set max.depth=3 \
    --set progress.interval.s=600 --fresh "$@" >"$work/$name/out" 2>&1 &
  local pid=$!
  python3 "$work/sample.py" "$pid" "$work/$name/samples" &
  local sampler=$!
  wait "$pid" || true
  wait "$sampler" || true
  t1=$(date +%s.%N)
  local n
  n=$(sed -n 's/.*: tried \([0-9,]*\), archived.*/\1/p' "$work/$name/out" | tail -1 | tr -d ,)
  local wall cpu peak
  wall=$(echo "$t1 - $t0" | bc)
  cpu=$(tail -1 "$work/$name/samples" | cut -d' ' -f3)
  peak=$(cut -d' ' -f2 "$work/$name/samples" | sort -n | tail -1)
  printf '%-26s %6s %8.1f %8.2f %10.3f %9s\n' "$name" "$n" "$wall" "$(echo "scale=3; $n / $wall" | bc)" \
    "$(echo "scale=4; $cpu / $n" | bc)" "$peak"
  echo "$n $wall" >"$work/$name/result"
}

echo "== $(nproc) cores, load: $(uptime | sed 's/.*load average: //'), $(/usr/lib/chromium/chromium --version 2>/dev/null || echo chromium)"
printf '%-26s %6s %8s %8s %10s %9s\n' run pages wall_s pages/s cpu_s/page peak_MB
run plain
run "rendered-x$conc" --set render.hosts=127.0.0.1 --set render.concurrency="$conc" --set render.settle.ms=500
n=$(cut -d' ' -f1 "$work/rendered-x$conc/result")
wall=$(cut -d' ' -f2 "$work/rendered-x$conc/result")
echo "rendered pages/s per browser: $(echo "scale=3; $n / $wall / $conc" | bc)"
echo "memory of newsvault + browsers (PSS MB) at each quarter of the rendered crawl:"
s="$work/rendered-x$conc/samples"
total=$(wc -l <"$s")
for q in 1 2 3 4; do
  line=$(( (total * q + 3) / 4 )); [ "$line" -lt 1 ] && line=1
  printf '  %d/4: %s MB\n' "$q" "$(sed -n "${line}p" "$s" | cut -d' ' -f2)"
done
grep -E "failed|render_failed|refused" "$work/rendered-x$conc/out" | tail -3 || true
