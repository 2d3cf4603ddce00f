#!/usr/bin/env bash
# Test-connection benchmark (issue 3). Against the local Debian PostgreSQL 15 (scram-sha-256 on
# 127.0.0.1), in one run:
#   1. warm-up: one signed-in request (dsm's first HTTP Basic sign-in of a user derives the password
#      hash once), then WARMUP test-connection requests without heartbeat and then WARMUP with, each
#      timed: the first ones show what an operator meets right after a start, the curve how long the
#      JIT takes (HotSpot compiles a method with C2 after thousands of calls, and most of a test's code
#      runs once per test);
#   2. ROUNDS rounds, interleaved so that both sides see the same machine (it is usually shared):
#        pgbench -C (a new connection per transaction, SELECT 1) for PGBENCH_SECONDS, then
#        POST /api/datasources/test-connection, COUNT/ROUNDS sequential requests over one kept-alive
#        HTTP connection (connection-client.py), without and then with heartbeatEnabled (which adds
#        the HEARTBEAT check); client wall time per request and the server's elapsedMs;
#   3. the HTTP floor: the same endpoint and client with a body validation rejects (400, no
#      connection);
#   4. the same steps outside dsm with the same pgjdbc (jdbc-connect-breakdown.java): TCP probe,
#      connect, each check query, close; a plain connect + SELECT 1 + close; the client's SCRAM
#      work (PBKDF2, 4096 iterations) in Java and in OpenSSL;
#   5. time to answer for a refused port (FAIL_REPS requests) and for a tarpit (tarpit.py: accepts,
#      never answers; TARPIT_REPS requests), with the default DSM_TEST_TIMEOUT (5s) and with 2s.
# Target: median test-connection latency <= 1.3 x pgbench's average connection time + 3 ms; the
# reference is the mean over the rounds of pgbench's "average connection time".
# Prints a Markdown results block (also in OUT/results.md); raw output in OUT.
#
#   bench/connection.sh                   # after ./mvnw -q package -DskipTests
#   DSM_JAR=/path/to/quarkus-run.jar COUNT=600 bench/connection.sh
#
# Settings (environment): DSM_JAR, HTTP_PORT (18091), ROUNDS (3), COUNT (300 per variant, over
# all rounds), WARMUP (3000 per variant), PGBENCH_SECONDS (20 per round), FAIL_REPS (5),
# TARPIT_REPS (3), DSM_JAVA_OPTS (-Xmx256m as in the README), OUT (bench/out/connection-<time>).
# Creates role and database bench_conn on the local PostgreSQL 15 (starting it, or installing it,
# if needed) and drops both on exit, also on failure.
set -euo pipefail

HTTP_PORT=${HTTP_PORT:-18091}
ROUNDS=${ROUNDS:-3}
COUNT=${COUNT:-300}
WARMUP=${WARMUP:-3000}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-20}
FAIL_REPS=${FAIL_REPS:-5}
TARPIT_REPS=${TARPIT_REPS:-3}
PER_ROUND=$(((COUNT + ROUNDS - 1) / ROUNDS))
[[ $WARMUP =~ ^[0-9]+$ ]] && ((WARMUP >= 1)) || { echo "WARMUP must be at least 1" >&2; exit 2; }

# shellcheck source=bench/connection-heartbeat-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/connection-heartbeat-lib.sh"

require_bench_tools
PGJDBC=$(ls "$(dirname "$DSM_JAR")"/lib/main/org.postgresql.postgresql-*.jar 2>/dev/null | head -1)
[[ -n $PGJDBC ]] || die "no pgjdbc jar next to $DSM_JAR (lib/main/org.postgresql.postgresql-*.jar)"
mkdir -p "$OUT"

ROLE_CREATED=0 TARPIT_PID=''
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [[ -n $TARPIT_PID ]] && kill "$TARPIT_PID" 2>/dev/null
  stop_dsm
  if [[ $ROLE_CREATED == 1 ]]; then
    log "dropping database and role bench_conn"
    psql_super -c 'DROP DATABASE IF EXISTS bench_conn WITH (FORCE)' -c 'DROP ROLE IF EXISTS bench_conn' \
      || log "WARNING: could not drop bench_conn"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
ensure_local_postgres
command -v pgbench >/dev/null || die "pgbench is not installed (it ships in postgresql-$PG_CLUSTER_VERSION)"
PASSWORD=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
ROLE_CREATED=1
psql_super -v pw="$PASSWORD" <<'SQL'
SELECT format('CREATE ROLE bench_conn LOGIN PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench_conn')
\gexec
SELECT format('ALTER ROLE bench_conn LOGIN PASSWORD %L', :'pw')
\gexec
SELECT 'CREATE DATABASE bench_conn OWNER bench_conn' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'bench_conn')
\gexec
SQL
PG_VERSION=$(psql_super -Atc 'SHOW server_version')
PG_SSL=$(psql_super -Atc 'SHOW ssl')
PG_POSTMASTER=$(local_postmaster_pid)
log "PostgreSQL $PG_VERSION on port $PG_PORT (ssl $PG_SSL), role and database bench_conn ready"
echo 'SELECT 1;' >"$OUT/select1.sql"

body() { # port, heartbeat (true/false)
  printf '{"type":"POSTGRESQL","attribute":"PRIMARY","host":"127.0.0.1","port":%s,"username":"bench_conn","password":"%s","databaseName":"bench_conn","heartbeatEnabled":%s}' \
    "$1" "$PASSWORD" "$2"
}
field() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
client() { # name, port, heartbeat, count, warmup, extra client options...
  local name=$1 port=$2 hb=$3 count=$4 warmup=$5
  shift 5
  timeout 900 python3 "$BENCH/connection-client.py" "$BASE" "$(body "$port" "$hb")" --warmup "$warmup" --count "$count" \
    --max-seconds 600 --samples "$OUT/$name.samples" "$@" >"$OUT/$name.json" || die "$name: unexpected answer, see $OUT/service.log"
  log "$name: $(cat "$OUT/$name.json")"
}

# Phases: load average at the start; during it, the whole machine's busy CPU and the part of it not
# used by this benchmark (its own processes, dsm with its embedded store, and the PostgreSQL 15
# cluster), in % of one core. "other" above ~20 % means the run shared the machine.
PHASES=$OUT/phases.txt
: >"$PHASES"
phase_start() { PHASE_NAME=$1 PHASE_LOAD=$(load_now) PHASE_CPU=$(cpu_snapshot) PHASE_OURS=$(tree_ticks $$ "${DSM_POSTMASTER_PID:-}" "$PG_POSTMASTER"); log "$1 (load $PHASE_LOAD)"; }
phase_end() {
  local cpu ours
  cpu=$(cpu_snapshot) ours=$(tree_ticks $$ "${DSM_POSTMASTER_PID:-}" "$PG_POSTMASTER")
  awk -v a="$PHASE_CPU" -v b="$cpu" -v oa="$PHASE_OURS" -v ob="$ours" -v hz="$(getconf CLK_TCK)" \
    -v name="$PHASE_NAME" -v load="$PHASE_LOAD" 'BEGIN {
      split(a, x, " "); split(b, y, " "); dt = y[2] - x[2]
      busy = (y[1] - x[1]) / hz / dt * 100; ours = (ob - oa) / hz / dt * 100; other = busy - ours
      printf "%s|%s|%.0f|%.0f|%.0f\n", name, load, busy, ours, (other < 0 ? 0 : other) }' >>"$PHASES"
}
phase_other() { awk -F'|' -v n="$1" '$1 == n { print $5 }' "$PHASES"; }

PGBENCH_CMD="pgbench -C -n -c 1 -T $PGBENCH_SECONDS -f select1.sql -h 127.0.0.1 -p $PG_PORT -U bench_conn bench_conn"
run_pgbench() { # round; writes pgbench-<round>.txt
  phase_start "round $1: pgbench -C"
  PGPASSWORD=$PASSWORD timeout $((PGBENCH_SECONDS + 120)) \
    pgbench -C -n -c 1 -T "$PGBENCH_SECONDS" -f "$OUT/select1.sql" -h 127.0.0.1 -p "$PG_PORT" -U bench_conn bench_conn \
    >"$OUT/pgbench-$1.txt" 2>&1 || die "pgbench failed, see $OUT/pgbench-$1.txt"
  phase_end
  grep -q 'average connection time' "$OUT/pgbench-$1.txt" || die "no connection time in $OUT/pgbench-$1.txt"
}
summary() { # sample files... -> "count median p90 p99 elapsed-median"
  cat "$@" | python3 -c '
import sys
rows = [line.split() for line in sys.stdin if line.strip()]
wall = sorted(float(r[0]) for r in rows); el = sorted(float(r[1]) for r in rows)
def med(v): n = len(v); return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
def pct(v, p): return v[max(1, -(-len(v) * p // 100)) - 1]
print(len(wall), "%.2f %.2f %.2f %.1f" % (med(wall), pct(wall, 90), pct(wall, 99), med(el)))'
}

# ---------------------------------------------------------------------------------------------
start_dsm "$HTTP_PORT" service.log
MACHINE="$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr), $(java -version 2>&1 | head -1)"
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
COMMIT="repository at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown), jar built $(date -u -r "$(dirname "$DSM_JAR")/app" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || echo '(unknown)')"

phase_start "warm-up"
FIRST_SIGN_IN_MS=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: $DSM_AUTHORIZATION" "$BASE/api/regions" \
  | awk '{ printf "%.0f", $1 * 1000 }')
log "first signed-in request (GET /api/regions): $FIRST_SIGN_IN_MS ms"
client warmup-plain "$PG_PORT" false "$WARMUP" 0 --expect-success true
client warmup-heartbeat "$PG_PORT" true "$WARMUP" 0 --expect-success true
phase_end

for round in $(seq 1 "$ROUNDS"); do
  run_pgbench "$round"
  for variant in plain heartbeat; do
    hb=false; [[ $variant == heartbeat ]] && hb=true
    phase_start "round $round: test-connection $variant"
    client "round$round-$variant" "$PG_PORT" $hb "$PER_ROUND" 0 --expect-success true
    phase_end
  done
done
curl -s -X POST "$BASE/api/datasources/test-connection" -H 'Content-Type: application/json' -H "Authorization: $DSM_AUTHORIZATION" \
  -d "$(body "$PG_PORT" true)" >"$OUT/test-connection-heartbeat-example.json"

phase_start "HTTP floor (400, no connection)"
client http-floor 0 false "$COUNT" "$WARMUP" --expect-status 400
phase_end

phase_start "pgjdbc breakdown"
timeout 300 java -cp "$PGJDBC" "$BENCH/jdbc-connect-breakdown.java" 127.0.0.1 "$PG_PORT" bench_conn bench_conn "$PASSWORD" \
  100 "$COUNT" 120 >"$OUT/breakdown.txt" 2>&1 || die "breakdown failed, see $OUT/breakdown.txt"
# The client's SCRAM work in C (OpenSSL, as libpq): PBKDF2-HMAC-SHA256, 4096 iterations.
PBKDF2_OPENSSL=$(python3 -c '
import hashlib, time
t = []
for i in range(300):
    a = time.perf_counter(); hashlib.pbkdf2_hmac("sha256", b"bench-password", b"0123456789abcdef", 4096)
    t.append((time.perf_counter() - a) * 1000)
t = sorted(t[100:])
print("%.2f %.2f" % ((t[99] + t[100]) / 2, t[179]))')
phase_end
step() { awk -v s="$1" -v c="${2:-3}" '$1 == "STEP" && $2 == s { print $c }' "$OUT/breakdown.txt"; }

# ---------------------------------------------------------------------------------------------
# Failures: a refused port and a tarpit, with the default bound, then with DSM_TEST_TIMEOUT=2s.
REFUSED_PORT=$(free_port)
TARPIT_PORT=$(free_port)
python3 "$BENCH/tarpit.py" "$TARPIT_PORT" --seconds 600 >"$OUT/tarpit.log" 2>&1 &
TARPIT_PID=$!
for _ in $(seq 1 20); do grep -q listening "$OUT/tarpit.log" && break; sleep 0.25; done
grep -q listening "$OUT/tarpit.log" || die "the tarpit did not start"

phase_start "refused port, 5s"
client refused-5s "$REFUSED_PORT" false "$FAIL_REPS" 0 --expect-success false
phase_end
phase_start "tarpit, 5s"
client tarpit-5s "$TARPIT_PORT" false "$TARPIT_REPS" 0 --expect-success false
phase_end
stop_dsm
start_dsm "$HTTP_PORT" service-timeout-2s.log DSM_TEST_TIMEOUT=2s
phase_start "refused port, 2s"
client refused-2s "$REFUSED_PORT" false "$FAIL_REPS" 0 --expect-success false
phase_end
phase_start "tarpit, 2s"
client tarpit-2s "$TARPIT_PORT" false "$TARPIT_REPS" 0 --expect-success false
phase_end
stop_dsm
kill "$TARPIT_PID" 2>/dev/null || true
TARPIT_PID=''
ENDED_LOAD=$(load_now)
kill -0 "$PG_POSTMASTER" 2>/dev/null \
  || die "PostgreSQL $PG_CLUSTER_VERSION (pid $PG_POSTMASTER) stopped during the run: something else stopped or restarted it; run again"

# ---------------------------------------------------------------------------------------------
# Report.
PG_CONN=$(for r in $(seq 1 "$ROUNDS"); do pgbench_value "$r" 'average connection time'; done | awk '{ s += $1 } END { printf "%.2f", s / NR }')
PG_LAT=$(for r in $(seq 1 "$ROUNDS"); do pgbench_value "$r" 'latency average'; done | awk '{ s += $1 } END { printf "%.2f", s / NR }')
TARGET=$(awk -v c="$PG_CONN" 'BEGIN { printf "%.1f", 1.3 * c + 3 }')
verdict() { awk -v m="$1" -v t="$2" 'BEGIN { print (m <= t) ? "met" : "missed" }'; }
read -r P_N P_MED P_P90 P_P99 P_EL < <(summary "$OUT"/round*-plain.samples)
read -r H_N H_MED H_P90 H_P99 H_EL < <(summary "$OUT"/round*-heartbeat.samples)
read -r F_N F_MED F_P90 F_P99 _ < <(summary "$OUT/http-floor.samples")
# Median client time per window of the warm-up requests since dsm started: "1", "2-10", "11-100", ...
warmup_curve() {
  python3 - "$OUT/warmup-plain.samples" "$OUT/warmup-heartbeat.samples" <<'PY'
import sys
series = [[float(line.split()[0]) for line in open(path) if line.strip()] for path in sys.argv[1:]]
def med(v):
    v = sorted(v); n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
edges = [1, 2, 11, 101, 501, 1001, 2001, 3001, 5001, 10001]
n = max(len(s) for s in series)
for lo, hi in zip(edges, edges[1:] + [n + 1]):
    if lo > n:
        break
    hi = min(hi, n + 1)
    cells = ["%.2f ms" % med(s[lo - 1:hi - 1]) if len(s) >= lo else "" for s in series]
    print("| %s | %s | %s |" % (str(lo) if hi - lo == 1 else "%d-%d" % (lo, hi - 1), cells[0], cells[1]))
PY
}
times_of() { awk '{ printf "%s%.0f", (NR > 1 ? ", " : ""), $1 }' "$OUT/$1.samples"; }
failed_check() { python3 -c 'import json, sys; print("; ".join(json.load(open(sys.argv[1]))["failed_checks"]))' "$OUT/$1.json"; }

{
  echo "Run $STARTED, jar \`$DSM_JAR\` ($COMMIT); $MACHINE; PostgreSQL $PG_VERSION"
  echo "(port $PG_PORT, scram-sha-256 on 127.0.0.1, ssl $PG_SSL; dsm and libpq both use their default sslmode prefer)."
  echo "Raw output: \`${OUT#"$ROOT"/}\`."
  echo
  echo "| Measure (all rounds) | median | p90 | p99 | server \`elapsedMs\` median | target | verdict |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  echo "| test-connection, 6 checks, $P_N requests | $P_MED ms | $P_P90 ms | $P_P99 ms | $P_EL ms | ≤ $TARGET ms | **$(verdict "$P_MED" "$TARGET")** |"
  echo "| test-connection with \`heartbeatEnabled\` (+ HEARTBEAT check), $H_N requests | $H_MED ms | $H_P90 ms | $H_P99 ms | $H_EL ms | ≤ $TARGET ms | **$(verdict "$H_MED" "$TARGET")** |"
  echo "| pgbench -C, average connection time (mean of $ROUNDS runs) | $PG_CONN ms | | | | | |"
  echo "| pgbench -C, latency average (connect + SELECT 1 + disconnect; mean of $ROUNDS runs) | $PG_LAT ms | | | | | |"
  echo "| HTTP floor: same endpoint and client, body rejected by validation (400), $F_N requests | $F_MED ms | $F_P90 ms | $F_P99 ms | | | |"
  echo
  echo "Target = 1.3 × $PG_CONN ms + 3 ms = **$TARGET ms**, against the client-side median (HTTP round trip included),"
  echo "measured after $(wc -l <"$OUT/warmup-plain.samples") + $(wc -l <"$OUT/warmup-heartbeat.samples") warm-up requests (plain, then heartbeat). Warm-up, median client"
  echo "time by requests of the variant: plain request 1 is the first test after start (after one signed-in GET, which took"
  echo "$FIRST_SIGN_IN_MS ms: dsm's first HTTP Basic sign-in derives the password hash); the heartbeat requests follow the plain ones:"
  echo
  echo "| Requests | plain (from start) | heartbeat (after the plain warm-up) |"
  echo "|---|---:|---:|"
  warmup_curve
  echo
  echo "Per round (pgbench first, then $PER_ROUND requests of each variant; \"other\" = CPU used meanwhile by processes outside the benchmark, % of one core):"
  echo
  echo "| Round | pgbench conn. time | pgbench latency | tps | other | plain median | p90 | elapsedMs | other | heartbeat median | p90 | elapsedMs | other | target | verdict plain / heartbeat |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for r in $(seq 1 "$ROUNDS"); do
    c=$(pgbench_value "$r" 'average connection time')
    t=$(awk -v c="$c" 'BEGIN { printf "%.1f", 1.3 * c + 3 }')
    read -r _ pm pp _ pe < <(summary "$OUT/round$r-plain.samples")
    read -r _ hm hp _ he < <(summary "$OUT/round$r-heartbeat.samples")
    echo "| $r | $c ms | $(pgbench_value "$r" 'latency average') ms | $(pgbench_value "$r" tps) | $(phase_other "round $r: pgbench -C") % | $pm ms | $pp ms | $pe ms | $(phase_other "round $r: test-connection plain") % | $hm ms | $hp ms | $he ms | $(phase_other "round $r: test-connection heartbeat") % | $t ms | $(verdict "$pm" "$t") / $(verdict "$hm" "$t") |"
  done
  echo
  echo "The same steps outside dsm with the same pgjdbc ($(basename "$PGJDBC")), warm JVM, $(step probe_total 5) iterations after 100 (ms;"
  echo "the queries are those of commit c6d466e: the server's facts in one query, then SCHEMA and HEARTBEAT; probe_total = all of them;"
  echo "q_*_first / q_*_again: the same query twice on a fresh connection, cold and then warm catalog caches):"
  echo
  echo "| Step | median | p90 |"
  echo "|---|---:|---:|"
  for s in tcp_probe connect q_facts q_schema q_heartbeat close probe_total plain_connect plain_select1 plain_close plain_total q_facts_first q_facts_again q_schema_first q_schema_again scram_pbkdf2_java; do
    echo "| $s | $(step $s) | $(step $s 4) |"
  done
  echo "| scram_pbkdf2_openssl (Python hashlib, 200 runs) | ${PBKDF2_OPENSSL% *} | ${PBKDF2_OPENSSL#* } |"
  echo
  echo "Failures (time to answer, client side, per request):"
  echo
  echo "| Case | DSM_TEST_TIMEOUT | answers (ms) | failed check |"
  echo "|---|---|---|---|"
  echo "| refused port | 5s (default) | $(times_of refused-5s) | $(failed_check refused-5s) |"
  echo "| refused port | 2s | $(times_of refused-2s) | $(failed_check refused-2s) |"
  echo "| tarpit (accepts, never answers) | 5s (default) | $(times_of tarpit-5s) | $(failed_check tarpit-5s) |"
  echo "| tarpit | 2s | $(times_of tarpit-2s) | $(failed_check tarpit-2s) |"
  echo
  echo "Machine per phase: load average (1/5/15 min) at its start; during it, busy CPU of the whole machine,"
  echo "the benchmark's share (this script and its children, dsm and its embedded store, PostgreSQL 15) and other processes', in % of one core (2 cores = 200 %):"
  echo
  echo "| Phase | load at start | busy | benchmark | other |"
  echo "|---|---|---:|---:|---:|"
  awk -F'|' '{ printf "| %s | %s | %s %% | %s %% | %s %% |\n", $1, $2, $3, $4, $5 }' "$PHASES"
  echo "| end | $ENDED_LOAD | | | |"
  echo
  echo "Commands: \`$PGBENCH_CMD\` (PGPASSWORD set; select1.sql is \`SELECT 1;\`), once per round;"
  echo "\`python3 bench/connection-client.py $BASE '<body>' --count $PER_ROUND\` per variant and round, after the timed warm-up requests, with body"
  echo "\`{\"type\":\"POSTGRESQL\",\"attribute\":\"PRIMARY\",\"host\":\"127.0.0.1\",\"port\":$PG_PORT,\"username\":\"bench_conn\",\"password\":\"…\",\"databaseName\":\"bench_conn\",\"heartbeatEnabled\":false|true}\`"
  echo "(HTTP floor: \`\"port\":0\`, \`--expect-status 400\`);"
  echo "\`java -cp $(basename "$PGJDBC") bench/jdbc-connect-breakdown.java 127.0.0.1 $PG_PORT bench_conn bench_conn … 100 $COUNT\`;"
  echo "failures: \`--count $FAIL_REPS\` against a free port, \`--count $TARPIT_REPS\` against \`bench/tarpit.py <port>\`."
} | tee "$OUT/results.md"
