#!/usr/bin/env bash
# Catalog API benchmark (issue 2), end to end: starts dsm on a fresh data directory (embedded
# PostgreSQL), registers ROWS data sources through the API, warms up, then for each endpoint
# (list, list with q, get by id, create) measures
#   1. HTTP throughput: wrk, CONNECTIONS connections, DURATION seconds;
#   2. HTTP latency at half that throughput: wrk paced to a constant rate (lua/common.lua);
#   3. pgbench running the endpoint's SQL (pgbench/*.sql) against the same embedded server, with the
#      same number of clients and duration;
# samples the service's RSS all along, and prints a Markdown results block on stdout. Raw output
# goes to OUT (bench/out/catalog-<time>/). Everything it starts is stopped on exit, even on failure.
#
#   bench/catalog.sh                       # after ./mvnw -q package -DskipTests
#   DSM_JAR=/path/to/quarkus-run.jar DURATION=30 CONNECTIONS=16 bench/catalog.sh
#
# Settings (environment): DSM_JAR, DURATION (s, 30), CONNECTIONS (16), THREADS (wrk -t and pgbench
# -j, 4), ENDPOINTS (list list-q get create: a subset re-measures only those), ROWS (10000), WARMUP (s per read endpoint, 20), CREATE_WARMUP (s, 60: create's code
# path needs about a minute of load before its throughput settles), HTTP_PORT (18080), KNEE=1 (first scan
# 4/8/16/32 connections for 10 s each), OTHER_LIMIT (% of a core used by other processes above
# which a run counts as disturbed and is repeated once, 30), QUIET_WAIT (s to wait for a quiet
# machine before starting and before a repeat, 300), DSM_JAVA_OPTS (JVM options, -Xmx256m as in the README).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
DSM_JAR=${DSM_JAR:-$ROOT/backend/target/quarkus-app/quarkus-run.jar}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-4}
ROWS=${ROWS:-10000}
WARMUP=${WARMUP:-20}
CREATE_WARMUP=${CREATE_WARMUP:-60}
HTTP_PORT=${HTTP_PORT:-18080}
KNEE=${KNEE:-0}
OTHER_LIMIT=${OTHER_LIMIT:-30}
QUIET_WAIT=${QUIET_WAIT:-300}
DSM_JAVA_OPTS=${DSM_JAVA_OPTS--Xmx256m}
OUT=${OUT:-$BENCH/out/catalog-$(date +%Y%m%d-%H%M%S)}
BASE=http://127.0.0.1:$HTTP_PORT
# The service's first admin; every request signs in with HTTP Basic.
BENCH_ADMIN_PASSWORD=bench-Admin-pw-2026
export DSM_AUTHORIZATION="Basic $(printf 'admin:%s' "$BENCH_ADMIN_PASSWORD" | base64)"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

for tool in java wrk pgbench psql node curl awk; do
  command -v "$tool" >/dev/null || die "$tool is not installed (see bench/README.md)"
done
[[ -f $DSM_JAR ]] || die "no jar at $DSM_JAR: run ./mvnw -q package -DskipTests or set DSM_JAR"
if curl -s -o /dev/null "$BASE/"; then die "something already listens on port $HTTP_PORT (set HTTP_PORT)"; fi

mkdir -p "$OUT"
DATA=$(mktemp -d /tmp/dsm-bench-data.XXXXXX)
SERVICE_PID='' SAMPLER_PID='' POSTMASTER_PID=''

kill_tree() {
  local child
  for child in $(pgrep -P "$1"); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  # Load generators and samplers still running: this script's descendants, by pid, except dsm,
  # which stops its embedded PostgreSQL itself.
  for pid in $(pgrep -P $$); do
    [[ $pid == "$SERVICE_PID" ]] || kill_tree "$pid"
  done
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    log "stopping dsm (pid $SERVICE_PID)"
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVICE_PID" 2>/dev/null && { log "dsm did not stop in 20 s: SIGKILL"; kill -KILL "$SERVICE_PID" 2>/dev/null || true; }
  fi
  # The embedded PostgreSQL stops with dsm; if dsm died hard, stop it here (fast shutdown).
  if [[ -n $POSTMASTER_PID ]] && kill -0 "$POSTMASTER_PID" 2>/dev/null; then
    log "stopping the embedded PostgreSQL (pid $POSTMASTER_PID)"
    kill -INT "$POSTMASTER_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$POSTMASTER_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$DATA"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# Start dsm on a fresh data directory, loopback only.
log "starting dsm from $DSM_JAR, data in $DATA, output in $OUT"
# shellcheck disable=SC2086
DSM_DATA_DIR=$DATA QUARKUS_HTTP_PORT=$HTTP_PORT QUARKUS_HTTP_HOST=127.0.0.1 DSM_ADMIN_PASSWORD=$BENCH_ADMIN_PASSWORD \
  java $DSM_JAVA_OPTS -jar "$DSM_JAR" >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "$BASE/q/health/ready" && break
  kill -0 "$SERVICE_PID" 2>/dev/null || die "dsm exited during startup, see $OUT/service.log"
  sleep 0.5
done
curl -sf -o /dev/null "$BASE/q/health/ready" || die "dsm not ready after 60 s, see $OUT/service.log"
POSTMASTER_PID=$(sed -n 1p "$DATA/postgres/postmaster.pid")
PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
# The embedded store admits only its own password (SCRAM), kept in the data directory: psql and pgbench read it here.
PGPASSWORD=$(cat "$DATA/postgres.password")
export PGPASSWORD
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)
log "dsm ready (pid $SERVICE_PID), embedded PostgreSQL pid $POSTMASTER_PID on port $PGPORT"

# RSS of the service every half second, for the whole run: "epoch-seconds rss-kB".
(while kill -0 "$SERVICE_PID" 2>/dev/null; do
  echo "$(date +%s.%N) $(ps -o rss= -p "$SERVICE_PID" | tr -d ' ')"
  sleep 0.5
done) >"$OUT/rss.log" 2>/dev/null &
SAMPLER_PID=$!
rss_now() { ps -o rss= -p "$SERVICE_PID" | awk '{printf "%.0f", $1 / 1024}'; }
rss_peak_between() { # MB, from the sampler's log
  awk -v a="$1" -v b="$2" '$1 >= a && $1 <= b && $2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$OUT/rss.log"
}
RSS_STARTED=$(rss_now)

# ---------------------------------------------------------------------------------------------
# Load ROWS data sources through the API.
log "loading $ROWS data sources through POST /api/datasources"
LOAD_LINE=$(timeout 600 node "$BENCH/load-catalog.mjs" "$BASE" "$ROWS" 16) || die "load failed"
echo "$LOAD_LINE" >"$OUT/load.txt"
log "$LOAD_LINE"
RSS_LOADED=$(rss_now)
"${PSQL[@]}" -c 'VACUUM (ANALYZE) data_source' -c 'CHECKPOINT'
"${PSQL[@]}" -v terms="$(cat "$BENCH/catalog-terms.txt")" -f "$BENCH/pgbench/helpers.sql"
"${PSQL[@]}" -Atc 'SELECT id FROM bench.id ORDER BY k' >"$OUT/ids.txt"
ID_COUNT=$(wc -l <"$OUT/ids.txt")
TERM_COUNT=$("${PSQL[@]}" -Atc 'SELECT count(*) FROM bench.term')
[[ $ID_COUNT -eq $ROWS ]] || die "expected $ROWS stored ids, found $ID_COUNT"

# ---------------------------------------------------------------------------------------------
# Runs. Each prints one line of key=value pairs into its file; CPU shares come from cpu-window.sh.
export BENCH_LUA=$BENCH/lua IDS_FILE=$OUT/ids.txt TERMS_FILE=$BENCH/catalog-terms.txt THREADS
SEALED="v1.0123456789abcdef.$(printf 'x%.0s' $(seq 1 62))" # like the service's ~80-character ciphertext

field() { # field NAME LINE
  sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"
}
load1() { cut -d' ' -f1 /proc/loadavg; }

# run_wrk NAME SCRIPT CONNECTIONS SECONDS [RATE]: one wrk run; echoes its result line.
run_wrk() {
  local name=$1 script=$2 conns=$3 secs=$4 rate=${5:-} started ended window line cpu
  local threads=$THREADS
  (( threads > conns )) && threads=$conns
  started=$(date +%s.%N)
  RATE=$rate THREADS=$threads RUN_TAG="$(date +%s)" \
    timeout $((secs + 30)) wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 5s -s "$BENCH/lua/$script.lua" "$BASE" \
    >"$OUT/$name.wrk.txt" 2>&1 &
  local gen=$!
  window=$(( secs > 12 ? secs - 6 : secs > 5 ? secs - 4 : 1 ))
  "$BENCH/cpu-window.sh" 3 "$window" "$SERVICE_PID" "$POSTMASTER_PID" "$gen" >"$OUT/$name.cpu.txt" &
  local cpu_pid=$!
  wait "$gen" || die "wrk $name failed, see $OUT/$name.wrk.txt"
  wait "$cpu_pid" || true
  ended=$(date +%s.%N)
  line=$(grep '^WRK_RESULT' "$OUT/$name.wrk.txt") || die "no result from wrk $name, see $OUT/$name.wrk.txt"
  cpu=$(cat "$OUT/$name.cpu.txt")
  echo "${line#WRK_RESULT } ${cpu#CPU_RESULT } load1=$(load1) rss_peak_mb=$(rss_peak_between "$started" "$ended")"
}

# run_pgbench NAME SCRIPT CLIENTS SECONDS RATE [-D ...]: one pgbench run, at full speed when RATE
# is empty, else throttled to RATE tps with each transaction logged (its latency counts from its
# scheduled start, so lag behind the schedule is included); echoes its result line.
run_pgbench() {
  local name=$1 script=$2 clients=$3 secs=$4 rate=$5 jobs=$THREADS window cpu tps lat failed pct=''
  shift 5
  (( jobs > clients )) && jobs=$clients
  local throttle=()
  rm -f "$OUT/$name".txlog.*
  [[ -n $rate ]] && throttle=(-R "$rate" --log --log-prefix="$OUT/$name.txlog")
  timeout $((secs + 30)) pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -n -M prepared -c "$clients" -j "$jobs" \
    -T "$secs" "${throttle[@]}" -f "$BENCH/pgbench/$script.sql" -D run="$(date +%s)" "$@" postgres \
    >"$OUT/$name.pgbench.txt" 2>&1 &
  local gen=$!
  window=$(( secs > 12 ? secs - 6 : secs > 5 ? secs - 4 : 1 ))
  "$BENCH/cpu-window.sh" 3 "$window" "$SERVICE_PID" "$POSTMASTER_PID" "$gen" >"$OUT/$name.cpu.txt" &
  local cpu_pid=$!
  wait "$gen" || die "pgbench $name failed, see $OUT/$name.pgbench.txt"
  wait "$cpu_pid" || true
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$OUT/$name.pgbench.txt")
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/$name.pgbench.txt")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$OUT/$name.pgbench.txt")
  [[ -n $tps ]] || die "no tps from pgbench $name, see $OUT/$name.pgbench.txt"
  if [[ -n $rate ]]; then # client time_us of each transaction is column 3 of the per-thread logs
    pct=$(cat "$OUT/$name".txlog.* | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END {
      printf "p50_ms=%.2f p99_ms=%.2f max_ms=%.2f", v[int(NR * 0.50) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000, v[NR] / 1000 }')
    rm -f "$OUT/$name".txlog.*
  fi
  cpu=$(cat "$OUT/$name.cpu.txt")
  echo "tps=$tps latency_avg_ms=$lat failed=${failed:-0} $pct ${cpu#CPU_RESULT } load1=$(load1)"
}

# wait_quiet: waits (up to QUIET_WAIT seconds) until the machine is nearly idle apart from dsm's
# idle threads: less than OTHER_LIMIT % of a core busy over 3 s.
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
wait_quiet() {
  local deadline=$(( $(date +%s) + QUIET_WAIT )) a b busy
  while :; do
    a=$(busy_ticks); sleep 3; b=$(busy_ticks)
    busy=$(( (b - a) * 100 / $(getconf CLK_TCK) / 3 ))
    (( busy <= OTHER_LIMIT )) && return 0
    if (( $(date +%s) >= deadline )); then
      log "machine still busy (${busy}% of a core used by others) after waiting ${QUIET_WAIT} s: going on"
      return 0
    fi
    log "machine busy (${busy}% of a core used by others): waiting"
    sleep 7
  done
}

# measured KIND NAME ARGS...: a run, repeated once if other processes took more than OTHER_LIMIT
# percent of a core meanwhile. The result line goes to OUT/NAME.result and stdout.
measured() {
  local kind=$1 name=$2 line other again
  shift 2
  line=$("run_$kind" "$name" "$@")
  other=$(field other "$line")
  if (( other > OTHER_LIMIT )); then
    log "$name: other processes used ${other}% of a core, repeating the run"
    echo "$line" >"$OUT/$name.disturbed.result"
    wait_quiet
    again="$("run_$kind" "$name" "$@") repeated=1"
    # Keep the less disturbed of the two tries; the other one stays in NAME.disturbed.result.
    if (( $(field other "$again") <= other )); then
      line=$again
    else
      echo "$again" >"$OUT/$name.disturbed.result"
      line="$line repeated=1 kept_first=1"
    fi
    (( $(field other "$line") > OTHER_LIMIT )) && line="$line disturbed=1"
  fi
  echo "$line" >"$OUT/$name.result"
  log "$name: $line"
  echo "$line"
}

pgbench_args() { # the -D variables each pgbench script needs
  case $1 in
    list-q) echo "-D terms=$TERM_COUNT" ;;
    get) echo "-D ids=$ID_COUNT" ;;
    create) echo "-D n=0 -D attribute=PRIMARY -D db=orders -D host=10.12.0.7 -D sealed=$SEALED" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
wait_quiet
log "warming up: $WARMUP s per read endpoint"
for script in list list-q get; do
  run_wrk "warmup-$script" "$script" "$CONNECTIONS" "$WARMUP" >/dev/null
done

if [[ $KNEE == 1 ]]; then
  log "knee scan: 10 s per endpoint and connection count"
  for script in list list-q get; do
    for c in 4 8 16 32; do measured wrk "knee-$script-c$c" "$script" "$c" 10 >/dev/null; done
  done
fi

wait_quiet
START_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
for endpoint in ${ENDPOINTS:-list list-q get create}; do
  log "== $endpoint"
  if [[ $endpoint == create ]]; then
    # The loader has exercised create, but not for long enough: create's throughput triples over
    # its first minute of load as the JIT compiles it. Warming adds rows, hence only now.
    log "warming up create: $CREATE_WARMUP s"
    run_wrk warmup-create create "$CONNECTIONS" "$CREATE_WARMUP" >/dev/null
  fi
  max=$(measured wrk "$endpoint-max" "$endpoint" "$CONNECTIONS" "$DURATION")
  half=$(awk -v r="$(field rps "$max")" 'BEGIN { printf "%d", r / 2 }')
  measured wrk "$endpoint-half" "$endpoint" "$CONNECTIONS" "$DURATION" "$half" >/dev/null
  # shellcheck disable=SC2046
  measured pgbench "$endpoint-pgbench" "$endpoint" "$CONNECTIONS" "$DURATION" '' $(pgbench_args "$endpoint") >/dev/null
  # The same SQL at the same rate as the HTTP half-load run: the latency the store alone gives.
  # shellcheck disable=SC2046
  measured pgbench "$endpoint-pgbench-half" "$endpoint" "$CONNECTIONS" "$DURATION" "$half" $(pgbench_args "$endpoint") >/dev/null
done

if [[ $KNEE == 1 ]]; then
  for c in 4 8 16 32; do measured wrk "knee-create-c$c" create "$c" 10 >/dev/null; done
fi

ROWS_AT_END=$("${PSQL[@]}" -Atc 'SELECT count(*) FROM data_source')
jcmd "$SERVICE_PID" GC.heap_info >"$OUT/heap-info.txt" 2>&1 || true
RSS_END=$(rss_now)
RSS_PEAK=$(awk '$2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$OUT/rss.log")

# ---------------------------------------------------------------------------------------------
# The results block.
{
  r() { cat "$OUT/$1.result"; }
  verdict() { awk -v v="$1" -v lim="$2" -v dir="$3" 'BEGIN { ok = (dir == "min") ? v >= lim : v <= lim; print ok ? "pass" : "**fail**" }'; }
  pg_version=$("${PSQL[@]}" -Atc 'SHOW server_version')
  echo "#### Run of $START_DATE"
  echo
  echo "- Machine: $(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(uname -sr)"
  echo "- Service: \`$(realpath "$DSM_JAR")\` (repo at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')), $(java -version 2>&1 | head -1), JVM options: \`${DSM_JAVA_OPTS:-none}\`"
  echo "- Store: embedded PostgreSQL $pg_version (dsm's own, same database for wrk and pgbench); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $(pgbench --version)"
  echo "- Command: \`${ENDPOINTS:+ENDPOINTS=\"$ENDPOINTS\" }DURATION=$DURATION CONNECTIONS=$CONNECTIONS THREADS=$THREADS ROWS=$ROWS bench/catalog.sh\`"
  echo "- Load: $ROWS data sources via the API, 16 concurrent: $(field seconds "$LOAD_LINE") s ($(field rps "$LOAD_LINE") req/s); $ROWS_AT_END rows at the end (creates add rows)"
  echo "- Each run: $DURATION s, $CONNECTIONS connections/clients, $THREADS wrk threads / pgbench jobs. CPU columns: % of one core (machine total 200%), averaged over the middle of the run; \"other\" = processes outside the benchmark."
  echo
  echo "| Endpoint | HTTP req/s | pgbench tps | Ratio (≥ 40%) | Half load (req/s) | HTTP p50 / p99 / max at half load (p99 ≤ 25 ms) | pgbench p50 / p99 / max, same rate | Verdict |"
  echo "|---|---:|---:|---:|---:|---|---|---|"
  for e in ${ENDPOINTS:-list list-q get create}; do
    m=$(r "$e-max") h=$(r "$e-half") p=$(r "$e-pgbench") ph=$(r "$e-pgbench-half")
    ratio=$(awk -v a="$(field rps "$m")" -v b="$(field tps "$p")" 'BEGIN { printf "%.0f", 100 * a / b }')
    label=$e
    [[ $e == list ]] && label='list `?page=1&size=20`'
    [[ $e == list-q ]] && label='list `?q=…&page=1&size=20`'
    [[ $e == get ]] && label='get `/{id}`'
    [[ $e == create ]] && label='create `POST`'
    printf '| %s | %.0f | %.0f | %s%% %s | %.0f of %s | %s / %s / %s ms %s | %s / %s / %s ms |  %s |\n' "$label" \
      "$(field rps "$m")" "$(field tps "$p")" "$ratio" "$(verdict "$ratio" 40 min)" \
      "$(field rps "$h")" "$(awk -v r="$(field rps "$m")" 'BEGIN { printf "%d", r / 2 }')" \
      "$(field p50_ms "$h")" "$(field p99_ms "$h")" "$(field max_ms "$h")" "$(verdict "$(field p99_ms "$h")" 25 max)" \
      "$(field p50_ms "$ph")" "$(field p99_ms "$ph")" "$(field max_ms "$ph")" \
      "$(if [[ $(verdict "$ratio" 40 min) == pass && $(verdict "$(field p99_ms "$h")" 25 max) == pass ]]; then echo pass; else echo '**fail**'; fi)"
  done
  echo
  echo "Peak RSS of the service: **$RSS_PEAK MB** (target < 400 MB: $(verdict "$RSS_PEAK" 399.999 max)); $RSS_STARTED MB when ready, $RSS_LOADED MB after the load, $RSS_END MB at the end."
  echo
  echo "Details per run (latency in ms: wrk counts from the request's write, throttled pgbench from the transaction's scheduled start; CPU in % of one core; load1 = 1-minute load average at the end of the run; a run is repeated once when \"other\" exceeds $OTHER_LIMIT, and the less disturbed try is kept):"
  echo
  echo "| Run | Throughput | p50 | p99 | max | errors | busy | java | postgres | generator | other | load1 | RSS peak MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for f in $(ls -tr "$OUT"/*.result); do
    n=$(basename "$f" .result) l=$(cat "$f")
    [[ $n == *.disturbed ]] && n="${n%.disturbed} (discarded try)"
    [[ -n $(field disturbed "$l") ]] && n="$n (disturbed)"
    if [[ -n $(field tps "$l") ]]; then
      printf '| %s | %.0f tps | %s | %s | %s | %s failed | %s | %s | %s | %s | %s | %s | |\n' "$n" "$(field tps "$l")" \
        "$(field p50_ms "$l")" "$(field p99_ms "$l")" "$(field max_ms "$l")" "$(field failed "$l")" \
        "$(field busy "$l")" "$(field java "$l")" "$(field postgres "$l")" "$(field generator "$l")" "$(field other "$l")" "$(field load1 "$l")"
    else
      printf '| %s | %.0f req/s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" \
        "$(field rps "$l")" "$(field p50_ms "$l")" "$(field p99_ms "$l")" "$(field max_ms "$l")" \
        "$(( $(field status_errors "$l") + $(field socket_errors "$l") ))" \
        "$(field busy "$l")" "$(field java "$l")" "$(field postgres "$l")" "$(field generator "$l")" "$(field other "$l")" "$(field load1 "$l")" "$(field rss_peak_mb "$l")"
    fi
  done
} | tee "$OUT/results.md"
log "raw output in $OUT"
