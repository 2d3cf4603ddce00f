#!/usr/bin/env bash
# Heartbeat benchmark (issue 4): SOURCES heartbeat data sources (one database bench_hb on the local
# PostgreSQL 15, one schema each, s0001..) beating every INTERVAL seconds for DURATION seconds.
#   1. setup (sql/heartbeat-setup.sql): role and database bench_hb; per schema the heartbeat table,
#      with its row, and a trigger logging every beat with the target's clock into public.beat_log;
#   2. starts dsm (fresh data directory, loopback only) and registers the data sources through
#      POST /api/datasources (heartbeat-sources.py), then waits until every one is ACTIVE;
#   3. measures for DURATION seconds: the beats as the target saw them (sql/heartbeat-lateness.sql:
#      gap between consecutive beats of a schema minus the interval, and lateness against each
#      schema's own fixed-rate schedule), dsm's metrics (start and end), its threads (sampled, and
#      jcmd Thread.print at the end), its connections to the target (pg_stat_activity, sampled),
#      its CPU (utime + stime over the window) and RSS (sampled, and VmHWM);
#   4. prints a Markdown results block (also OUT/results.md); raw output in OUT.
# Target: each beat lands within 1 s of its schedule, with a bounded number of threads and database
# connections.
#
#   bench/heartbeat.sh                    # after ./mvnw -q package -DskipTests
#   DSM_JAR=/path/to/quarkus-run.jar DURATION=600 bench/heartbeat.sh
#
# Settings (environment): DSM_JAR, HTTP_PORT (18092), SOURCES (1000, at most 9999), INTERVAL
# (seconds, 5), DURATION (seconds, 300), LOAD_CONCURRENCY (8), ACTIVE_TIMEOUT (seconds to wait for
# all ACTIVE, 300), DSM_HEARTBEAT_THREADS / DSM_HEARTBEAT_MAX_CONNECTIONS (passed to dsm if set),
# DSM_JAVA_OPTS (-Xmx256m as in the README), OUT (bench/out/heartbeat-<time>).
# Drops database and role bench_hb on exit, also on failure or Ctrl-C.
set -euo pipefail

HTTP_PORT=${HTTP_PORT:-18092}
SOURCES=${SOURCES:-1000}
INTERVAL=${INTERVAL:-5}
DURATION=${DURATION:-300}
LOAD_CONCURRENCY=${LOAD_CONCURRENCY:-8}
ACTIVE_TIMEOUT=${ACTIVE_TIMEOUT:-300}
HB_THREADS=${DSM_HEARTBEAT_THREADS:-8}
HB_MAX_CONNECTIONS=${DSM_HEARTBEAT_MAX_CONNECTIONS:-100}

# shellcheck source=bench/connection-heartbeat-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/connection-heartbeat-lib.sh"

require_bench_tools jcmd
((SOURCES >= 1 && SOURCES <= 9999)) || die "SOURCES must be 1 to 9999"
mkdir -p "$OUT"

DB_CREATED=0 SAMPLER_PID=''
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null
  stop_dsm
  if [[ $DB_CREATED == 1 ]]; then
    log "dropping database and role bench_hb"
    psql_super -c 'DROP DATABASE IF EXISTS bench_hb WITH (FORCE)' -c 'DROP ROLE IF EXISTS bench_hb' \
      || log "WARNING: could not drop bench_hb"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
ensure_local_postgres
PG_VERSION=$(psql_super -Atc 'SHOW server_version')
PG_POSTMASTER=$(local_postmaster_pid)
PG_MAX_CONNECTIONS=$(psql_super -Atc 'SHOW max_connections')
PG_SYNC_COMMIT=$(psql_super -Atc 'SHOW synchronous_commit')
export BENCH_HB_PASSWORD=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
export BENCH_HB_PORT=$PG_PORT
[[ -z $(psql_super -Atc "SELECT 1 FROM pg_database WHERE datname = 'bench_hb'") ]] \
  || die "database bench_hb exists already (a run in progress, or left over: DROP DATABASE bench_hb)"
DB_CREATED=1
log "creating role and database bench_hb with $SOURCES schemas on PostgreSQL $PG_VERSION (port $PG_PORT)"
psql_super -v pw="$BENCH_HB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE bench_hb LOGIN PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench_hb')
\gexec
SELECT format('ALTER ROLE bench_hb LOGIN PASSWORD %L', :'pw')
\gexec
CREATE DATABASE bench_hb OWNER bench_hb;
SQL
psql_super -d bench_hb -v n="$SOURCES" -f - <"$BENCH/sql/heartbeat-setup.sql" >"$OUT/setup.txt" \
  || die "setup failed, see $OUT/setup.txt"

# ---------------------------------------------------------------------------------------------
# GC and safepoint pauses go to OUT/jvm.log: a paused JVM delays every beat at once.
DSM_JAVA_OPTS="${DSM_JAVA_OPTS--Xmx256m} -Xlog:gc,safepoint:file=$OUT/jvm.log:time"
start_dsm "$HTTP_PORT" service.log DSM_HEARTBEAT_INTERVAL="${INTERVAL}s"
MACHINE="$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr), $(java -version 2>&1 | head -1)"
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
COMMIT="repository at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown), jar built $(date -u -r "$(dirname "$DSM_JAR")/app" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || echo '(unknown)')"
THREADS_IDLE=$(awk '/^Threads:/ { print $2 }' "/proc/$DSM_PID/status")
RSS_IDLE=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$DSM_PID/status")

log "registering $SOURCES data sources ($LOAD_CONCURRENCY at a time)"
REGISTER=$(timeout 900 python3 "$BENCH/heartbeat-sources.py" register "$BASE" "$SOURCES" "$OUT/ids.txt" \
  --concurrency "$LOAD_CONCURRENCY" --max-seconds 800) || die "registration failed, see $OUT/service.log"
log "registered: $REGISTER"

log "waiting until all $SOURCES are ACTIVE (at most $ACTIVE_TIMEOUT s)"
WAIT_START=$(date +%s)
while :; do
  STATES=$(timeout 300 python3 "$BENCH/heartbeat-sources.py" states "$BASE" "$OUT/ids.txt" --concurrency 4 --max-seconds 240) \
    || die "reading states failed"
  log "states: $STATES"
  ACTIVE=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["states"].get("ACTIVE", 0))' "$STATES")
  ((ACTIVE == SOURCES)) && break
  (($(date +%s) - WAIT_START > ACTIVE_TIMEOUT)) && die "not all ACTIVE after $ACTIVE_TIMEOUT s: $STATES"
  sleep 2
done
ALL_ACTIVE_AFTER=$(($(date +%s) - WAIT_START))

# ---------------------------------------------------------------------------------------------
# The window.
metrics() { curl -s --max-time 30 "$BASE/q/metrics" | grep -E '^dsm_heartbeat' || true; }
metric() { awk -v m="$1" '$1 == m { print $2 }' "$2"; }
stat_ticks() { awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "/proc/$1/stat"; }
count_connections() {
  psql_super -Atc "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'dsm heartbeat%'"
}

# Time on a CPU and time runnable but waiting for one (run-queue delay, /proc/.../schedstat), in ms:
# of dsm's beat threads (dsm-heartbeat-N) together, and of the target's backend serving them.
sched_ms() { # pid, thread-name pattern ("" = the pid itself)
  if [[ -z $2 ]]; then
    awk '{ printf "%.0f %.0f", $1 / 1e6, $2 / 1e6 }' "/proc/$1/schedstat" 2>/dev/null || echo "0 0"
    return
  fi
  local task cpu=0 wait=0 a b
  for task in /proc/"$1"/task/*; do
    grep -qE "$2" "$task/comm" 2>/dev/null || continue
    read -r a b _ <"$task/schedstat" || continue
    cpu=$((cpu + a)) wait=$((wait + b))
  done
  echo "$((cpu / 1000000)) $((wait / 1000000))"
}
BACKEND_PID=$(psql_super -Atc "SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'dsm heartbeat%' LIMIT 1")
[[ -n $BACKEND_PID ]] || die "no heartbeat connection in pg_stat_activity"
# What the target's backend is doing, 5 times a second: waiting for dsm (ClientRead), for the WAL
# (WALSync, WALWrite...), for a lock, or running (no wait event).
printf "SELECT to_char(clock_timestamp(), 'HH24:MI:SS.MS'), state, coalesce(wait_event_type || ':' || wait_event, 'running') FROM pg_stat_activity WHERE pid = %s\n\\watch 0.2\n" "$BACKEND_PID" \
  | PSQL_TIMEOUT=$((DURATION + 5)) psql_super -At >"$OUT/backend-waits.txt" 2>/dev/null &
WAITS_PID=$!
metrics >"$OUT/metrics-start.txt"
T0=$(date +%s.%N)
TICKS0=$(stat_ticks "$DSM_PID")
CPU0=$(cpu_snapshot)
OURS0=$(tree_ticks $$ "$DSM_POSTMASTER_PID" "$PG_POSTMASTER")
STORE0=$(tree_ticks "$DSM_POSTMASTER_PID")
PG0=$(tree_ticks "$PG_POSTMASTER")
LOAD0=$(load_now)
log "window of $DURATION s starts (load $LOAD0)"
# Every 5 s: epoch, RSS (kB), threads, heartbeat connections, load average (1 min).
(
  end=$(($(date +%s) + DURATION + 60)) dumps=0
  while (($(date +%s) < end)) && kill -0 "$DSM_PID" 2>/dev/null; do
    echo "$(date +%s) $(awk '/^VmRSS:/ { print $2 }' "/proc/$DSM_PID/status") $(awk '/^Threads:/ { print $2 }' "/proc/$DSM_PID/status") $(count_connections 2>/dev/null || echo -) $(awk '{ print $1 }' /proc/loadavg)"
    # Which backends, since when: a count above 1 may be a closing backend or a reconnect.
    echo "$(date +%s) $(psql_super -Atc "SELECT string_agg(pid || '@' || to_char(backend_start, 'HH24:MI:SS.MS'), ' ')
      FROM pg_stat_activity WHERE application_name LIKE 'dsm heartbeat%'" 2>/dev/null)" >>"$OUT/connection-samples.txt"
    # dsm's own view: beats, failures, lateness max, oldest beat age. When the oldest beat is older than
    # 1.5 intervals (beats stalled), one thread dump, at most 3 in all, to see what the threads wait on.
    echo "$(date +%s) $(sched_ms "$DSM_PID" '^dsm-heartbeat-[0-9]') $(sched_ms "$BACKEND_PID" '')" >>"$OUT/sched-samples.txt"
    metrics >"$OUT/metrics-now.txt" 2>/dev/null || true
    age=$(metric dsm_heartbeat_oldest_beat_age_seconds "$OUT/metrics-now.txt")
    echo "$(date +%s) $(metric dsm_heartbeat_beats_total "$OUT/metrics-now.txt") $(metric dsm_heartbeat_failures_total "$OUT/metrics-now.txt") $(metric dsm_heartbeat_lateness_milliseconds_max "$OUT/metrics-now.txt") $age" >>"$OUT/metrics-timeline.txt"
    if awk -v a="${age:-0}" -v i="$INTERVAL" 'BEGIN { exit !(a > 1.5 * i) }' && ((dumps < 3)); then
      dumps=$((dumps + 1))
      timeout 60 jcmd "$DSM_PID" Thread.print >"$OUT/threads-stall-$dumps.txt" 2>&1 || true
    fi
    sleep 5
  done
) >"$OUT/samples.txt" 2>/dev/null &
SAMPLER_PID=$!
sleep "$DURATION"
T1=$(date +%s.%N)
TICKS1=$(stat_ticks "$DSM_PID")
CPU1=$(cpu_snapshot)
OURS1=$(tree_ticks $$ "$DSM_POSTMASTER_PID" "$PG_POSTMASTER")
STORE1=$(tree_ticks "$DSM_POSTMASTER_PID")
PG1=$(tree_ticks "$PG_POSTMASTER")
LOAD1=$(load_now)
metrics >"$OUT/metrics-end.txt"
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=''
echo "$T0 $T1" >"$OUT/window.txt"
wait "$WAITS_PID" 2>/dev/null || true
log "window ends (load $LOAD1)"
kill -0 "$PG_POSTMASTER" 2>/dev/null \
  || die "PostgreSQL $PG_CLUSTER_VERSION (pid $PG_POSTMASTER) stopped during the window: something else stopped or restarted it; run again"

jcmd "$DSM_PID" Thread.print >"$OUT/threads.txt" 2>&1 || log "WARNING: jcmd Thread.print failed"
THREADS_END=$(awk '/^Threads:/ { print $2 }' "/proc/$DSM_PID/status")
RSS_HWM=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$DSM_PID/status")
HB_THREADS_SEEN=$(grep -cE '^"dsm-heartbeat-[0-9]+"' "$OUT/threads.txt" || true)
LEASE_THREADS_SEEN=$(grep -cE '^"dsm-heartbeat-lease' "$OUT/threads.txt" || true)
JCMD_TOTAL=$(grep -cE '^"' "$OUT/threads.txt" || true)
CONNECTIONS_END=$(count_connections)
psql_super -Atc "SELECT application_name, datname, usename, state, count(*) FROM pg_stat_activity
  WHERE application_name LIKE 'dsm%' GROUP BY 1, 2, 3, 4" >"$OUT/connections-end.txt"
STATES_END=$(timeout 300 python3 "$BENCH/heartbeat-sources.py" states "$BASE" "$OUT/ids.txt" --concurrency 4 --max-seconds 240 || echo '{}')

psql_super -d bench_hb -Atc "COPY (SELECT schema_name, round(extract(epoch FROM at)::numeric, 6), round(extract(epoch FROM stmt_at)::numeric, 6) FROM public.beat_log ORDER BY at) TO STDOUT" \
  >"$OUT/beat-log.txt" || log "WARNING: could not export beat_log"
psql_super -d bench_hb -v t0="$T0" -v t1="$T1" -v interval_ms=$((INTERVAL * 1000)) -f - \
  <"$BENCH/sql/heartbeat-lateness.sql" >"$OUT/lateness.txt" || die "analysis failed"
stop_dsm

# JVM pauses in the window: the longest safepoint (reaching + at it) and the longest GC pause.
JVM_PAUSES=$(python3 - "$OUT/jvm.log" "$T0" "$T1" <<'PY'
import re, sys
from datetime import datetime
t0, t1 = float(sys.argv[2]), float(sys.argv[3])
safepoints, gcs = [], []
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"\[([^\]]+)\]", line)
    if not m:
        continue
    try:
        at = datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
    except ValueError:
        continue
    if not t0 <= at <= t1:
        continue
    total = re.search(r"Total: (\d+) ns", line)
    if total:
        safepoints.append(int(total.group(1)) / 1e6)
    pause = re.search(r"Pause .* (\d+\.\d+)ms$", line.strip())
    if pause:
        gcs.append(float(pause.group(1)))
print("%d safepoints, longest %.1f ms; %d GC pauses, longest %.1f ms" % (
    len(safepoints), max(safepoints, default=0), len(gcs), max(gcs, default=0)))
PY
) || JVM_PAUSES="(no JVM log)"

# Where the beats waited: run-queue delay of the beat threads and of the target's backend over the
# window, the backend's wait events, and the same for the 5 s with the latest beats.
SCHED=$(python3 - "$OUT" "$INTERVAL" <<'PY'
import collections, sys
out, interval = sys.argv[1], float(sys.argv[2])
rows = [list(map(float, l.split())) for l in open(out + "/sched-samples.txt") if len(l.split()) == 5]
if len(rows) < 2:
    print("|(no samples)|(no samples)|"); sys.exit()
d = lambda i, a, b: rows[b][i] - rows[a][i]
whole = (d(1, 0, -1), d(2, 0, -1), d(3, 0, -1), d(4, 0, -1), rows[-1][0] - rows[0][0])
# the 5 s bucket whose beats were latest (from the beat log), and its sched deltas
beats = [l.split("\t") for l in open(out + "/beat-log.txt")]
last, worst = {}, collections.defaultdict(float)
for schema, at, _ in beats:
    at = float(at)
    if schema in last:
        worst[int(at // 5) * 5] = max(worst[int(at // 5) * 5], abs((at - last[schema]) - interval) * 1000)
    last[schema] = at
line = "n/a"
for i in range(1, len(rows)):
    lo, hi = rows[i - 1][0], rows[i][0]
    late = max((v for k, v in worst.items() if lo - 5 <= k < hi), default=0)
    if late > 1000 and (line == "n/a" or late > best):
        best = late
        span = hi - lo
        line = ("%.0f ms late: in those %.0f s the beat threads ran %.0f ms and waited %.0f ms for a CPU; "
                "the backend ran %.0f ms and waited %.0f ms" % (late, span, d(1, i - 1, i), d(2, i - 1, i), d(3, i - 1, i), d(4, i - 1, i)))
waits = collections.Counter(l.strip().split("|")[-1] for l in open(out + "/backend-waits.txt") if l.count("|") == 2)
total = sum(waits.values()) or 1
w = ", ".join("%s %.1f %%" % (k, 100 * v / total) for k, v in waits.most_common(5))
print("beat threads ran %.0f ms, waited %.0f ms for a CPU; the backend ran %.0f ms, waited %.0f ms (over %.0f s)|%s|%s (%d samples)" % (
    whole + (line, w, total)))
PY
) || SCHED="(failed)||"
SCHED_WHOLE=${SCHED%%|*} SCHED_REST=${SCHED#*|}
SCHED_WORST=${SCHED_REST%%|*} BACKEND_WAITS=${SCHED_REST#*|}

# ---------------------------------------------------------------------------------------------
# Report.
L() { awk -v k="$1" '$1 == k { print $2 }' "$OUT/lateness.txt"; }
HZ=$(getconf CLK_TCK)
WINDOW=$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.1f", b - a }')
cpu_pct() { awk -v a="$1" -v b="$2" -v hz="$HZ" -v w="$WINDOW" 'BEGIN { printf "%.1f", (b - a) / hz / w * 100 }'; }
DSM_CPU=$(cpu_pct "$TICKS0" "$TICKS1")
STORE_CPU=$(cpu_pct "$STORE0" "$STORE1")
PG_CPU=$(cpu_pct "$PG0" "$PG1")
read -r BUSY OTHER < <(awk -v a="$CPU0" -v b="$CPU1" -v oa="$OURS0" -v ob="$OURS1" -v hz="$HZ" 'BEGIN {
  split(a, x, " "); split(b, y, " "); dt = y[2] - x[2]
  busy = (y[1] - x[1]) / hz / dt * 100; other = busy - (ob - oa) / hz / dt * 100
  printf "%.0f %.0f\n", busy, (other < 0 ? 0 : other) }')
read -r RSS_PEAK RSS_MIN THREADS_MIN THREADS_MAX CONN_MIN CONN_MAX LOAD_MAX N_SAMPLES < <(awk '
  NR == 1 { rmin = $2; tmin = $3; cmin = $4 }
  { if ($2 > rmax) rmax = $2; if ($2 < rmin) rmin = $2; if ($3 > tmax) tmax = $3; if ($3 < tmin) tmin = $3
    if ($4 != "-") { if ($4 > cmax) cmax = $4; if ($4 < cmin) cmin = $4 }; if ($5 > lmax) lmax = $5 }
  END { printf "%.0f %.0f %d %d %d %d %s %d\n", rmax / 1024, rmin / 1024, tmin, tmax, cmin, cmax, lmax, NR }' "$OUT/samples.txt")
BEATS_DELTA=$(awk -v a="$(metric dsm_heartbeat_beats_total "$OUT/metrics-start.txt")" -v b="$(metric dsm_heartbeat_beats_total "$OUT/metrics-end.txt")" 'BEGIN { printf "%.0f", b - a }')
FAILURES_END=$(metric dsm_heartbeat_failures_total "$OUT/metrics-end.txt")
EXPECTED=$(awk -v s="$SOURCES" -v w="$WINDOW" -v i="$INTERVAL" 'BEGIN { printf "%.0f", s * w / i }')
WITHIN=$(L gap_within_1s_pct)
PHASE_WITHIN=$(L phase_within_1s_pct)
verdict_within() { awk -v p="$1" 'BEGIN { print (p >= 100) ? "met" : "missed" }'; }

{
  echo "Run $STARTED, jar \`$DSM_JAR\` ($COMMIT); $MACHINE; target PostgreSQL $PG_VERSION"
  echo "(port $PG_PORT, max_connections $PG_MAX_CONNECTIONS, synchronous_commit $PG_SYNC_COMMIT). $SOURCES data sources = $SOURCES schemas of one database,"
  echo "same user: they share one target connection by design. DSM_HEARTBEAT_INTERVAL=${INTERVAL}s, DSM_HEARTBEAT_THREADS=$HB_THREADS,"
  echo "DSM_HEARTBEAT_MAX_CONNECTIONS=$HB_MAX_CONNECTIONS. Registration: $REGISTER; all ACTIVE ${ALL_ACTIVE_AFTER} s after it."
  echo "Window: $WINDOW s. Raw output: \`${OUT#"$ROOT"/}\`."
  echo
  echo "Beats as the target logged them (trigger, \`clock_timestamp()\`), beats in the window:"
  echo
  echo "| Measure | value |"
  echo "|---|---:|"
  echo "| beats logged / expected ($SOURCES × $WINDOW s / ${INTERVAL} s) | $(L beats) / $EXPECTED |"
  echo "| schemas with beats in the window | $(L schemas_beating) of $SOURCES |"
  echo "| gaps between consecutive beats of a schema | $(L gaps) |"
  echo "| gap lateness (gap − ${INTERVAL} s) p50 / p99 / max | $(L gap_late_p50) / $(L gap_late_p99) / $(L gap_late_max) ms |"
  echo "| gap lateness min (early) | $(L gap_late_min) ms |"
  echo "| jitter \|gap − ${INTERVAL} s\| p50 / p90 / p99 / p99.9 / max | $(L gap_jitter_p50) / $(L gap_jitter_p90) / $(L gap_jitter_p99) / $(L gap_jitter_p999) / $(L gap_jitter_max) ms |"
  echo "| gaps within ${INTERVAL} s ± 1 s | $WITHIN % ($(L gap_over_1s) outside) |"
  echo "| gaps over 1.5 intervals (a beat more than half an interval late, or missing) | $(L gap_missed_beats) |"
  echo "| lateness against each schema's own fixed-rate schedule p50 / p99 / max | $(L phase_late_p50) / $(L phase_late_p99) / $(L phase_late_max) ms |"
  echo "| beats within 1 s of that schedule | $PHASE_WITHIN % |"
  echo "| pauses over 1 s with no beat at all (count, longest) | $(awk '$1 == "stalls_over_1s" { print $2 ", " $3 " ms" }' "$OUT/lateness.txt") |"
  echo "| longest pauses (s into the window: ms, of which arrival + execution) | $(awk '$1 == "stall" { printf "%s%s: %s (%s + %s)", (n++ ? "; " : ""), $2, $3, $4, $5 }' "$OUT/lateness.txt") |"
  echo "| execution on the target (UPDATE received → row written) p50 / p99 / max | $(L execution_p50) / $(L execution_p99) / $(L execution_max) ms |"
  echo
  echo "dsm's metrics at the end of the window (the lateness summary is Micrometer's, over its recent time window):"
  echo
  echo "| Metric | value |"
  echo "|---|---:|"
  for m in dsm_heartbeat_beats_total dsm_heartbeat_failures_total 'dsm_heartbeat_lateness_milliseconds{quantile="0.5"}' \
    'dsm_heartbeat_lateness_milliseconds{quantile="0.99"}' dsm_heartbeat_lateness_milliseconds_max dsm_heartbeat_lateness_milliseconds_count \
    dsm_heartbeat_oldest_beat_age_seconds dsm_heartbeat_owned dsm_heartbeat_target_connections; do
    echo "| \`$m\` | $(metric "$m" "$OUT/metrics-end.txt") |"
  done
  echo "| beats in the window (\`dsm_heartbeat_beats_total\` end − start) | $BEATS_DELTA |"
  echo
  echo "The service (sampled every 5 s, $N_SAMPLES samples):"
  echo
  echo "| Measure | value |"
  echo "|---|---:|"
  echo "| threads (/proc/<pid>/status) before registration / in the window min–max / end | $THREADS_IDLE / $THREADS_MIN–$THREADS_MAX / $THREADS_END |"
  echo "| heartbeat threads in \`jcmd Thread.print\` (dsm-heartbeat-N + lease) | $HB_THREADS_SEEN + $LEASE_THREADS_SEEN (of $JCMD_TOTAL threads listed) |"
  echo "| connections to the target (\`pg_stat_activity\`, \`application_name LIKE 'dsm heartbeat%'\`) min–max / end | $CONN_MIN–$CONN_MAX / $CONNECTIONS_END |"
  echo "| CPU of the JVM (utime + stime over the window) | $DSM_CPU % of one core |"
  echo "| CPU of dsm's embedded store (its own PostgreSQL) / of the target PostgreSQL 15 (all its processes) | $STORE_CPU % / $PG_CPU % |"
  echo "| RSS before registration / in the window min–peak / VmHWM (peak since start) | $RSS_IDLE / $RSS_MIN–$RSS_PEAK / $RSS_HWM MB |"
  echo "| CPU time and run-queue delay (\`schedstat\`) over the window | $SCHED_WHOLE |"
  echo "| the same in the 5 s around the latest beats | $SCHED_WORST |"
  echo "| the target backend's state (\`pg_stat_activity\` every 0.2 s) | $BACKEND_WAITS |"
  echo "| JVM pauses in the window (\`-Xlog:gc,safepoint\`) | $JVM_PAUSES |"
  echo "| states at the end | $(python3 -c 'import json, sys; print(json.loads(sys.argv[1]).get("states"))' "$STATES_END" 2>/dev/null) |"
  echo
  echo "Machine: load average $LOAD0 at the start, $LOAD1 at the end (1-min peak in the samples $LOAD_MAX); busy CPU of the"
  echo "whole machine $BUSY % of one core (2 cores = 200 %), of which $OTHER % by processes outside the benchmark."
  echo
  echo "Verdict: each beat within 1 s of its schedule: **$(verdict_within "$WITHIN")** by gaps ($WITHIN %), **$(verdict_within "$PHASE_WITHIN")** by schedule ($PHASE_WITHIN %);"
  echo "threads bounded: $HB_THREADS_SEEN beat threads + $LEASE_THREADS_SEEN lease thread (configured $HB_THREADS + 1) for $SOURCES sources;"
  echo "connections bounded: $CONN_MAX at most (limit $HB_MAX_CONNECTIONS)."
  echo
  echo "Commands: \`sql/heartbeat-setup.sql\` (psql -v n=$SOURCES), \`python3 bench/heartbeat-sources.py register $BASE $SOURCES ids.txt --concurrency $LOAD_CONCURRENCY\`,"
  echo "\`heartbeat-sources.py states\` until all ACTIVE, \`sleep $DURATION\` while sampling, \`sql/heartbeat-lateness.sql\` (psql -v t0 -v t1 -v interval_ms=$((INTERVAL * 1000)))."
} | tee "$OUT/results.md"
