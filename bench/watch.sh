#!/usr/bin/env bash
# Readiness watch benchmark (issue 14): SOURCES data sources re-checked every INTERVAL seconds, on
# one instance and then on two sharing one store, one of which is then killed.
#   1. setup: on the local PostgreSQL 15 cluster TARGET_CLUSTER (wal_level logical), a REPLICATION
#      role and database bench_watch with one schema per source (s0001.., a keyed table each); on
#      15/main a database bench_watch_store for dsm's own store (both instances share it);
#   2. baseline: instance A with the watch off, the sources registered (the first HEARTBEATS with
#      heartbeat on, every HEARTBEAT_INTERVAL), heartbeat lateness over BASELINE seconds;
#   3. one instance: A restarted with the watch on (fresh JVM), the first round of checks, then a
#      WINDOW of seconds: every check's start lateness (from the store, sampled every 2 s: start =
#      checked_at - elapsed, lateness = start - the next_check_at it had), dsm's metrics, its threads,
#      its connections to the target (pg_stat_activity, sampled), the heartbeat's lateness meanwhile;
#   4. two instances: B started on the same store; over TWO_WINDOW seconds, checks per instance; then
#      A is killed (SIGKILL) and the time until B has checked every source is measured.
#   5. prints a Markdown results block (also OUT/results.md); raw output in OUT.
# Targets: p99 start lateness <= 5 s, no pile-up, threads and connections bounded by configuration,
# heartbeat p99 within its own target (1 s) while the watch runs, takeover within a few intervals.
#
#   bench/watch.sh                       # after ./mvnw -q package -DskipTests
#   SOURCES=200 WINDOW=120 bench/watch.sh
#
# Settings (environment): DSM_JAR, SOURCES (1000), HEARTBEATS (200), INTERVAL (60), HEARTBEAT_INTERVAL (5),
# BASELINE (60), WINDOW (180), TWO_WINDOW (120), DSM_WATCH_THREADS (4), TARGET_CLUSTER (readiness),
# DSM_JAVA_OPTS (-Xmx256m), OUT (bench/out/watch-<time>).
# Drops the bench_watch databases and roles on exit, also on failure or Ctrl-C.
set -euo pipefail

SOURCES=${SOURCES:-1000}
HEARTBEATS=${HEARTBEATS:-200}
INTERVAL=${INTERVAL:-60}
HEARTBEAT_INTERVAL=${HEARTBEAT_INTERVAL:-5}
BASELINE=${BASELINE:-60}
WINDOW=${WINDOW:-180}
TWO_WINDOW=${TWO_WINDOW:-120}
WATCH_THREADS=${DSM_WATCH_THREADS:-4}
TARGET_CLUSTER=${TARGET_CLUSTER:-readiness}
PORT_A=18093 PORT_B=18094

# shellcheck source=bench/connection-heartbeat-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/connection-heartbeat-lib.sh"
require_bench_tools jcmd
((SOURCES >= 1 && SOURCES <= 9999 && HEARTBEATS <= SOURCES)) || die "SOURCES must be 1 to 9999, HEARTBEATS at most SOURCES"
mkdir -p "$OUT"

# Two clusters: the target (its own, wal_level logical) and 15/main for the store.
PG_CLUSTER_NAME=main ensure_local_postgres
STORE_PORT=$PG_PORT
store_psql() { PG_PORT=$STORE_PORT psql_super "$@"; }
PG_CLUSTER_NAME=$TARGET_CLUSTER
ensure_local_postgres
ensure_logical_decoding
TARGET_PORT=$PG_PORT
target_psql() { PG_PORT=$TARGET_PORT psql_super "$@"; }

PIDS=() SAMPLER_PID='' CREATED=0
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done; kill -KILL "$pid" 2>/dev/null || true; done
  if [[ $CREATED == 1 ]]; then
    log "dropping the bench_watch databases and roles"
    target_psql -c 'DROP DATABASE IF EXISTS bench_watch WITH (FORCE)' -c 'DROP ROLE IF EXISTS bench_watch' || log "WARNING: target cleanup failed"
    store_psql -c 'DROP DATABASE IF EXISTS bench_watch_store WITH (FORCE)' -c 'DROP ROLE IF EXISTS bench_watch_store' || log "WARNING: store cleanup failed"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
[[ -z $(target_psql -Atc "SELECT 1 FROM pg_database WHERE datname = 'bench_watch'") ]] || die "database bench_watch exists (DROP it)"
CREATED=1
export BENCH_WATCH_PASSWORD=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
export BENCH_WATCH_PORT=$TARGET_PORT
STORE_PASSWORD=store-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
log "target: database bench_watch with $SOURCES schemas on PostgreSQL $(target_psql -Atc 'SHOW server_version') (port $TARGET_PORT)"
target_psql -v pw="$BENCH_WATCH_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE bench_watch LOGIN REPLICATION PASSWORD %L', :'pw')
\gexec
CREATE DATABASE bench_watch OWNER bench_watch;
SQL
target_psql -d bench_watch -v n="$SOURCES" >"$OUT/setup.txt" <<'SQL'
SET ROLE bench_watch;
SELECT format('CREATE SCHEMA s%s; CREATE TABLE s%s.t (id int PRIMARY KEY, note text);', lpad(i::text, 4, '0'), lpad(i::text, 4, '0'))
FROM generate_series(1, :n) i
\gexec
SQL
store_psql -v pw="$STORE_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE bench_watch_store LOGIN PASSWORD %L', :'pw')
\gexec
CREATE DATABASE bench_watch_store OWNER bench_watch_store;
SQL
TARGET_LIMITS="max_connections $(target_psql -Atc 'SHOW max_connections'), max_wal_senders $(target_psql -Atc 'SHOW max_wal_senders')"

SECRET_KEY=$(head -c 32 /dev/urandom | base64)
STORE_ENV=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$STORE_PORT/bench_watch_store"
  QUARKUS_DATASOURCE_USERNAME=bench_watch_store QUARKUS_DATASOURCE_PASSWORD="$STORE_PASSWORD" DSM_SECRET_KEY="$SECRET_KEY"
  DSM_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" DSM_CONNECT_ALLOW=127.0.0.0/8,::1/128 DSM_TEST_WARM_UP=0
  DSM_WATCH_INTERVAL="${INTERVAL}s" DSM_WATCH_THREADS="$WATCH_THREADS" DSM_HEARTBEAT_INTERVAL="${HEARTBEAT_INTERVAL}s")

# Starts an instance: port, log name, extra NAME=value...; prints its pid.
start_instance() {
  local port=$1 name=$2 pid
  shift 2
  # shellcheck disable=SC2086
  env "${STORE_ENV[@]}" "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 DSM_DATA_DIR="$OUT/data-$name" \
    java ${DSM_JAVA_OPTS--Xmx256m} -jar "$DSM_JAR" >"$OUT/$name.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break
    kill -0 "$pid" 2>/dev/null || die "instance $name exited during startup, see $OUT/$name.log"
    sleep 0.5
  done
  curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" || die "instance $name not ready, see $OUT/$name.log"
  log "instance $name ready on port $port (pid $pid)"
  LAST_PID=$pid
}
stop_instance() { kill -TERM "$1" 2>/dev/null || true; for _ in $(seq 1 60); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done; kill -KILL "$1"; }
metrics() { curl -s --max-time 30 "http://127.0.0.1:$1/q/metrics" | grep -E '^dsm_(watch|heartbeat)_' | grep -vE 'datasource=' || true; }
metric() { awk -v m="$1" 'index($0, m) == 1 { print $2; exit }' "$2"; }
watch_connections() {
  target_psql -Atc "SELECT count(*) FILTER (WHERE application_name IN ('dsm connection test', 'dsm readiness check')),
    count(*) FILTER (WHERE application_name LIKE 'dsm heartbeat%') FROM pg_stat_activity WHERE datname = 'bench_watch'" | tr '|' ' '
}
# The store's view of every source, one line each: sampled_at|id|checked_at|next_check_at|elapsed_ms|checked_by.
sample_store() {
  store_psql -d bench_watch_store -At -c "SELECT extract(epoch FROM now()), data_source_id, extract(epoch FROM checked_at),
    extract(epoch FROM next_check_at), report->>'elapsedMs', checked_by FROM readiness_watch"
}
# Every 2 s until killed: the store's rows to OUT/$1-store.txt, and "epoch watch-conns heartbeat-conns threads load1" to OUT/$1-samples.txt;
# every 0.2 s the watch's and the heartbeat's connections to the target to OUT/$1-connections.txt (a check lasts tens of ms).
sampler() {
  trap 'kill $(jobs -p) 2>/dev/null; exit 0' TERM
  printf "SELECT extract(epoch FROM now()), count(*) FILTER (WHERE application_name IN ('dsm connection test', 'dsm readiness check')), count(*) FILTER (WHERE application_name LIKE 'dsm heartbeat%%') FROM pg_stat_activity WHERE datname = 'bench_watch'\n\\watch 0.2\n" \
    | PSQL_TIMEOUT=3600 target_psql -At -F ' ' >>"$OUT/$1-connections.txt" 2>/dev/null &
  while :; do
    sample_store >>"$OUT/$1-store.txt" 2>/dev/null || true
    echo "$(date +%s) $(watch_connections 2>/dev/null || echo '- -') $(awk '/^Threads:/ { print $2 }' "/proc/$2/status" 2>/dev/null || echo -) $(awk '{ print $1 }' /proc/loadavg)" >>"$OUT/$1-samples.txt"
    sleep 2
  done
}
# Busy CPU of the machine and of the benchmark's processes over a phase, in % of one core.
phase_cpu() { # cpu snapshot, ours ticks at start, seconds
  local busy ours
  busy=$(cpu_busy_since "$1")
  ours=$(awk -v a="$2" -v b="$(tree_ticks $$ "${PIDS[@]}" "$(local_postmaster_pid)")" -v hz="$(getconf CLK_TCK)" -v s="$3" 'BEGIN { printf "%.0f", (b - a) / hz / s * 100 }')
  echo "machine busy $busy%, of it this benchmark (dsm, both PostgreSQL clusters, sampling) $ours%, other $((busy > ours ? busy - ours : 0))%"
}

# psql's own connection to the target, for comparison with one check: connect, sign in, SELECT 1.
PSQL_CONNECT_MS=$(python3 - "$TARGET_PORT" <<'PY'
import os, subprocess, sys, time
env = dict(os.environ, PGPASSWORD=os.environ["BENCH_WATCH_PASSWORD"])
runs = []
for _ in range(20):
    t = time.monotonic()
    subprocess.run(["psql", "-X", "-q", "-h", "127.0.0.1", "-p", sys.argv[1], "-U", "bench_watch", "-d", "bench_watch", "-c", "SELECT 1"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    runs.append((time.monotonic() - t) * 1000)
runs.sort()
print("%.1f" % runs[len(runs) // 2])
PY
)

# ---------------------------------------------------------------------------------------------
# 2. Baseline: heartbeat only.
MACHINE="$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(java -version 2>&1 | head -1)"
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
start_instance $PORT_A a-baseline DSM_WATCH_ENABLED=false
A=$LAST_PID
log "registering $SOURCES sources ($HEARTBEATS with heartbeat)"
REGISTER=$(timeout 900 python3 "$BENCH/watch-sources.py" register "http://127.0.0.1:$PORT_A" "$SOURCES" "$HEARTBEATS")
log "registered: $REGISTER"
sleep $((HEARTBEAT_INTERVAL * 4))
log "baseline: heartbeat only for $BASELINE s (load $(load_now))"
metrics $PORT_A >"$OUT/baseline-metrics-start.txt"
CPU0=$(cpu_snapshot) OURS0=$(tree_ticks $$ "${PIDS[@]}" "$(local_postmaster_pid)")
sleep "$BASELINE"
metrics $PORT_A >"$OUT/baseline-metrics-end.txt"
BASELINE_CPU=$(phase_cpu "$CPU0" "$OURS0" "$BASELINE")
BASELINE_HB_P99=$(metric 'dsm_heartbeat_lateness_milliseconds{quantile="0.99"' "$OUT/baseline-metrics-end.txt")
BASELINE_HB_MAX=$(metric dsm_heartbeat_lateness_milliseconds_max "$OUT/baseline-metrics-end.txt")
BASELINE_LOAD=$(load_now)
stop_instance "$A"

# 3. One instance with the watch: every source is due now (registered with the watch off).
start_instance $PORT_A a
A=$LAST_PID
A_NAME=$(grep -oE 'Readiness watch [^ ]+ started' "$OUT/a.log" | awk '{ print $3 }')
sampler one "$A" &
SAMPLER_PID=$!
log "first round: waiting until every source was checked once (load $(load_now))"
ROUND_START=$(date +%s)
until [[ $(store_psql -d bench_watch_store -Atc "SELECT count(*) FROM readiness_watch WHERE checked_at IS NOT NULL") == "$SOURCES" ]]; do
  (($(date +%s) - ROUND_START < 600)) || die "the first round did not finish in 600 s"
  sleep 2
done
FIRST_ROUND_S=$(($(date +%s) - ROUND_START))
STATES=$(store_psql -d bench_watch_store -Atc "SELECT string_agg(state || ' ' || n, ', ') FROM (SELECT state, count(*) n FROM readiness_watch GROUP BY state) s")
log "first round took $FIRST_ROUND_S s ($STATES); settling for one interval"
sleep "$INTERVAL"
log "window of $WINDOW s with one instance (load $(load_now))"
W0=$(date +%s.%N)
metrics $PORT_A >"$OUT/one-metrics-start.txt"
CPU0=$(cpu_snapshot) OURS0=$(tree_ticks $$ "${PIDS[@]}" "$(local_postmaster_pid)")
sleep "$WINDOW"
W1=$(date +%s.%N)
metrics $PORT_A >"$OUT/one-metrics-end.txt"
ONE_CPU=$(phase_cpu "$CPU0" "$OURS0" "$WINDOW")
ONE_LOAD=$(load_now)
jcmd "$A" Thread.print >"$OUT/one-threads.txt" 2>&1 || true
WATCH_THREADS_SEEN=$(grep -cE '^"dsm-watch-check' "$OUT/one-threads.txt" || true)
POLL_THREADS_SEEN=$(grep -cE '^"dsm-watch-poll' "$OUT/one-threads.txt" || true)
TOTAL_THREADS=$(grep -cE '^"' "$OUT/one-threads.txt" || true)
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=''
ONE=$(python3 "$BENCH/watch-sources.py" analyse "$OUT/one-store.txt" "$W0" "$W1")
ONE_CONNS=$(awk -v a="$W0" -v b="$W1" '$1 >= a && $1 <= b { n++; if ($2 > w) w = $2; if ($3 > h) h = $3 } END { printf "%d / %d (%d samples)", w, h, n }' "$OUT/one-connections.txt")
ONE_HB_P99=$(metric 'dsm_heartbeat_lateness_milliseconds{quantile="0.99"' "$OUT/one-metrics-end.txt")
ONE_HB_MAX=$(metric dsm_heartbeat_lateness_milliseconds_max "$OUT/one-metrics-end.txt")
ONE_WATCH_P99=$(metric 'dsm_watch_lateness_milliseconds{quantile="0.99"' "$OUT/one-metrics-end.txt")
ONE_BACKLOG=$(metric dsm_watch_backlog "$OUT/one-metrics-end.txt")
RSS_A=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$A/status")
log "one instance: $ONE"

# 4. Two instances, then A killed.
start_instance $PORT_B b
B=$LAST_PID
B_NAME=$(grep -oE 'Readiness watch [^ ]+ started' "$OUT/b.log" | awk '{ print $3 }')
sampler two "$B" &
SAMPLER_PID=$!
log "window of $TWO_WINDOW s with two instances (load $(load_now))"
sleep "$INTERVAL"
T0=$(date +%s.%N)
sleep "$TWO_WINDOW"
T1=$(date +%s.%N)
TWO=$(python3 "$BENCH/watch-sources.py" analyse "$OUT/two-store.txt" "$T0" "$T1")
log "two instances: $TWO"
KILLED=$(date +%s.%N)
log "killing instance a (SIGKILL)"
kill -KILL "$A"
sleep $((INTERVAL * 2 + 20))
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=''
AFTER=$(python3 "$BENCH/watch-sources.py" analyse "$OUT/two-store.txt" "$KILLED" "$(date +%s.%N)" --kill "$KILLED" --survivor "$B_NAME")
log "after the kill: $AFTER"
TWO_LOAD=$(load_now)

# ---------------------------------------------------------------------------------------------
j() { python3 -c 'import json, sys; d = json.loads(sys.argv[1])
for k in sys.argv[2].split("."): d = d.get(k) if isinstance(d, dict) else None
print("-" if d is None else (round(d) if isinstance(d, float) else d))' "$1" "$2"; }
{
  echo "#### Run of $STARTED (commit $COMMIT)"
  echo
  echo "- Machine: $MACHINE"
  echo "- Command: \`SOURCES=$SOURCES HEARTBEATS=$HEARTBEATS INTERVAL=$INTERVAL WINDOW=$WINDOW bench/watch.sh\`; dsm \`${DSM_JAVA_OPTS--Xmx256m}\`, DSM_WATCH_INTERVAL=${INTERVAL}s, DSM_WATCH_THREADS=$WATCH_THREADS, DSM_HEARTBEAT_INTERVAL=${HEARTBEAT_INTERVAL}s, DSM_TEST_TIMEOUT default (5s)"
  echo "- Target: PostgreSQL $(target_psql -Atc 'SHOW server_version') cluster 15/$TARGET_CLUSTER ($TARGET_LIMITS), one database, one schema per source; store: PostgreSQL 15/main, shared by both instances"
  echo "- Registration: $REGISTER; first round of checks after start: $FIRST_ROUND_S s ($STATES)"
  echo "- psql connect + sign-in + SELECT 1 to the same target, median of 20: $PSQL_CONNECT_MS ms"
  echo
  echo "| Measure | Result | Target |"
  echo "|---|---|---|"
  echo "| Checks in the ${WINDOW} s window (one instance) | $(j "$ONE" checks) of $(j "$ONE" sources_checked) sources ($(awk -v c="$(j "$ONE" checks)" -v w="$WINDOW" -v i="$INTERVAL" -v s="$SOURCES" 'BEGIN { printf "%.0f%%", c / (s * w / i) * 100 }') of $SOURCES × $WINDOW / $INTERVAL) | every source every interval |"
  echo "| Start lateness p50 / p99 / max, from the store | $(j "$ONE" lateness_ms.p50) / $(j "$ONE" lateness_ms.p99) / $(j "$ONE" lateness_ms.max) ms; $(j "$ONE" late_over_5s) later than 5 s | p99 ≤ 5000 ms |"
  echo "| dsm_watch_lateness p99 (dsm's own summary: its last ~2 min, which may still hold the first round) / backlog at the end | $ONE_WATCH_P99 ms / $ONE_BACKLOG | no pile-up |"
  echo "| Longest gap between two checks of a source | $(j "$ONE" longest_gap_s) s | about the interval |"
  echo "| Watch threads (jcmd) / JVM threads in all | $WATCH_THREADS_SEEN checkers + $POLL_THREADS_SEEN poller / $TOTAL_THREADS | DSM_WATCH_THREADS + 1 |"
  echo "| Most target connections at once: watch / heartbeat (pg_stat_activity every 0.2 s) | $ONE_CONNS | ≤ 2 × DSM_WATCH_THREADS / shared |"
  echo "| Heartbeat lateness p99 / max: watch off (baseline) → on | $BASELINE_HB_P99 / $BASELINE_HB_MAX ms → $ONE_HB_P99 / $ONE_HB_MAX ms | ≤ 1000 ms |"
  echo "| Peak RSS of instance a | $RSS_A MB | |"
  echo "| Two instances: checks per instance in $TWO_WINDOW s | $(j "$TWO" per_instance) | split |"
  echo "| Two instances: start lateness p99 | $(j "$TWO" lateness_ms.p99) ms | ≤ 5000 ms |"
  echo "| After killing a: sources b checked / slowest / median first check | $(j "$AFTER" takeover.sources) of $SOURCES / $(j "$AFTER" takeover.max_s) s / $(j "$AFTER" takeover.p50_s) s | within a few intervals |"
  echo
  echo "Load (1/5/15 min) and CPU (% of one core; the machine has $(nproc) cores): baseline ended at $BASELINE_LOAD, $BASELINE_CPU;"
  echo "one-instance window ended at $ONE_LOAD, $ONE_CPU; two-instance phase ended at $TWO_LOAD."
} | tee "$OUT/results.md"
