# Shared by the bench scripts (sourced, not run): one way to time a command and report its CPU seconds, peak RSS
# and the machine's load, and number parsing that survives the CLI's grouped figures ("5,051").

# The first load average: on a shared host, wall time means little without it.
bench_load() {
  cut -d' ' -f1 /proc/loadavg
}

# Runs a command with GNU time; afterwards BENCH_WALL (s), BENCH_CPU (user + system s), BENCH_RSS (peak MiB) and
# BENCH_LOAD (load when it ended) describe it. Output goes to the command's own redirections. Never fails the script.
bench_run() {
  local stats
  stats="$(mktemp)"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %U %S %M' -o "$stats" "$@" || true
    read -r BENCH_WALL u s m < <(tail -1 "$stats")
    BENCH_CPU=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.1f", u + s }')
    BENCH_RSS=$(awk -v m="$m" 'BEGIN { printf "%.0f", m / 1024 }')
  else
    local t0
    t0=$(date +%s.%N)
    "$@" || true
    BENCH_WALL=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    BENCH_CPU="?"
    BENCH_RSS="?"
  fi
  BENCH_LOAD=$(bench_load)
  rm -f "$stats"
}

# The digits of a figure as the CLI prints it ("5,051" -> 5051); empty when there are none.
bench_count() {
  printf '%s' "${1:-}" | tr -cd '0-9'
}

# a / b with the given decimals (default 1), or "?" when either is missing or b is zero.
bench_div() {
  awk -v a="${1:-}" -v b="${2:-}" -v d="${3:-1}" 'BEGIN {
    if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) { print "?"; exit }
    printf "%.*f\n", d, a / b }'
}

# CPU milliseconds a unit of work (a / b * 1000), or "?".
bench_ms_each() {
  awk -v a="${1:-}" -v b="${2:-}" 'BEGIN {
    if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) { print "?"; exit }
    printf "%.2f\n", a * 1000 / b }'
}

# Pages a crawl summary line reports ("tried 5,051, archived ..." or the older "fetched 5,051, archived ...").
bench_crawl_pages() {
  bench_count "$(sed -n 's/.* \(tried\|fetched\) \([0-9,]*\), archived.*/\2/p' "$1" | tail -1)"
}

bench_machine() {
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
    "$(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), JVM options: $(bench_java_opts)"
}

# The JVM options newsvault runs with: the launcher's defaults (./newsvault), or BENCH_JAVA_OPTS when set (even
# empty), so a benchmark measures what users run; every build and peer of one run gets the same.
bench_java_opts() {
  if [ -n "${BENCH_JAVA_OPTS+set}" ]; then
    printf '%s' "$BENCH_JAVA_OPTS"
  else
    sed -n 's/^default_java_opts="\(.*\)"$/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../newsvault"
  fi
}

# The class-data-sharing archive ./newsvault keeps for a build (written by its first long run), made for JAR by one
# unmeasured run of the command given (a crawl or an import into a scratch archive); prints the JVM options that
# map it. Nothing when BENCH_JAVA_OPTS is set: it replaces the launcher's defaults, as JAVA_OPTS does.
# Usage: bench_cds JAR ARCHIVE COMMAND ARGS...
bench_cds() {
  local jar="$1" archive="$2" quiet="-Xlog:cds=off,cds+dynamic=off"
  shift 2
  if [ -n "${BENCH_JAVA_OPTS+set}" ]; then
    return 0
  fi
  # shellcheck disable=SC2046 # options are words
  java $(bench_java_opts) -XX:ArchiveClassesAtExit="$archive" $quiet -jar "$jar" "$@" >/dev/null 2>&1 || true
  if [ -s "$archive" ]; then
    printf '%s' "-XX:SharedArchiveFile=$archive $quiet"
  fi
}
