#!/usr/bin/env bash
# Test connection on the cold path (issue 12), as a new user meets it: dsm freshly started, one
# signed-in request, then tests 1..COUNT of one source, one after the other. Readiness included, on
# a logical-decoding source (so the replication connection is opened too) with a schema of a few
# tables, as an incremental-sync source looks. Repeated on RUNS fresh starts, each beside pgbench -C
# (SELECT 1, a new connection per transaction) against the same server, before and after it.
#
# Target: from the 2nd test after start, median <= 1.3 x pgbench's average connection time + 3 ms.
#
#   bench/cold-connection.sh                      # after ./mvnw -q package -DskipTests
#   RUNS=5 bench/cold-connection.sh
#   DSM_JAVA_OPTS='-Xmx256m -XX:TieredStopAtLevel=1' bench/cold-connection.sh   # try JVM options
#   PROFILE=wall bench/cold-connection.sh          # where tests 2..COUNT spend their wall-clock time
#
# With PROFILE=wall, async-profiler (tools.profiler:async-profiler from Maven Central, fetched
# with ./mvnw dependency:get) is attached with jcmd after test 1 and samples every thread's
# wall-clock stack every PROFILE_INTERVAL (1ms) during tests 2..COUNT; bench/wall-profile.py sums
# the samples of the threads that serve the tests. Profiled runs are slower: their timings say
# where time goes, not how much a user waits.
#
# Settings (environment): DSM_JAR, HTTP_PORT (18094), RUNS (3), COUNT (100), PGBENCH_SECONDS (10),
# DSM_JAVA_OPTS (as the README's run command), OUT (bench/out/cold-connection-<time>), PROFILE,
# PROFILE_INTERVAL (1ms), ASYNC_PROFILER_VERSION (4.1).
# Runs on cluster 15/readiness (created if missing, wal_level = logical), with role and database
# bench_cold (REPLICATION, owner of schema app); drops both on exit.
set -euo pipefail

HTTP_PORT=${HTTP_PORT:-18094}
RUNS=${RUNS:-3}
COUNT=${COUNT:-100}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-10}
export PG_CLUSTER_NAME=${PG_CLUSTER_NAME:-readiness}

# shellcheck source=bench/connection-heartbeat-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/connection-heartbeat-lib.sh"

PROFILE=${PROFILE:-}
mkdir -p "$OUT"
if [[ -n $PROFILE ]]; then
  [[ $PROFILE == wall ]] || die "PROFILE must be wall"
  require_bench_tools jcmd
  PROFILER_LIB=$(async_profiler_library "${ASYNC_PROFILER_VERSION:-4.1}")
else
  require_bench_tools
fi

trap 'bench_exit bench_cold' EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
ensure_local_postgres
ensure_logical_decoding
PASSWORD=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
ensure_replication_role bench_cold "$PASSWORD"
psql_super <<'SQL'
DROP DATABASE IF EXISTS bench_cold WITH (FORCE);
CREATE DATABASE bench_cold OWNER bench_cold;
\c bench_cold
SET ROLE bench_cold;
CREATE SCHEMA app;
CREATE TABLE app.orders (id bigint PRIMARY KEY, customer_id bigint, total numeric, at timestamptz);
CREATE TABLE app.customers (id bigint PRIMARY KEY, name text);
CREATE TABLE app.order_lines (order_id bigint, line int, product text, PRIMARY KEY (order_id, line));
CREATE TABLE app.products (id serial PRIMARY KEY, name text);
SQL
PG_VERSION=$(psql_super -Atc 'SHOW server_version')
echo 'SELECT 1;' >"$OUT/select1.sql"
BODY=$(printf '{"type":"POSTGRESQL","attribute":"PRIMARY","host":"127.0.0.1","port":%s,"username":"bench_cold","password":"%s","databaseName":"bench_cold","schemaName":"app"}' \
  "$PG_PORT" "$PASSWORD")

test_connection_runs() { # run, count, part: tests one after the other, samples in run<run>.<part>.samples
  timeout 900 python3 "$BENCH/connection-client.py" "$BASE" "$BODY" --count "$2" --max-seconds 600 \
    --samples "$OUT/run$1.$3.samples" --expect-success true >"$OUT/run$1.$3.json" \
    || die "run $1: unexpected answer, see $OUT/service-$1.log"
}

pgbench_run() { # name
  PGPASSWORD=$PASSWORD timeout $((PGBENCH_SECONDS + 120)) pgbench -C -n -c 1 -T "$PGBENCH_SECONDS" -f "$OUT/select1.sql" \
    -h 127.0.0.1 -p "$PG_PORT" -U bench_cold bench_cold >"$OUT/pgbench-$1.txt" 2>&1 || die "pgbench failed, see $OUT/pgbench-$1.txt"
}

# ---------------------------------------------------------------------------------------------
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
MACHINE="$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(uname -sr), $(java -version 2>&1 | head -1)"
: >"$OUT/runs.txt"
for run in $(seq 1 "$RUNS"); do
  CPU=$(cpu_snapshot)
  LOAD=$(load_now)
  pgbench_run "$run-before"
  start_dsm "$HTTP_PORT" "service-$run.log"
  SIGN_IN_MS=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: $DSM_AUTHORIZATION" "$BASE/api/regions" \
    | awk '{ printf "%.0f", $1 * 1000 }')
  if [[ -n $PROFILE ]]; then
    # jcmd reads name=value pairs itself, so the agent's options go in double quotes.
    test_connection_runs "$run" 1 first
    jcmd "$DSM_PID" JVMTI.agent_load "$PROFILER_LIB" "\"start,event=wall,interval=${PROFILE_INTERVAL:-1ms},threads\"" >/dev/null \
      || die "could not attach async-profiler to dsm (pid $DSM_PID)"
    test_connection_runs "$run" $((COUNT - 1)) rest
    jcmd "$DSM_PID" JVMTI.agent_load "$PROFILER_LIB" "\"stop,collapsed,file=$OUT/wall-$run.collapsed\"" >/dev/null \
      || die "could not stop async-profiler"
    cat "$OUT/run$run.first.samples" "$OUT/run$run.rest.samples" >"$OUT/run$run.samples"
    python3 "$BENCH/wall-profile.py" "$OUT/wall-$run.collapsed" --requests $((COUNT - 1)) \
      --interval "${PROFILE_INTERVAL:-1ms}" >"$OUT/wall-$run.md"
  else
    test_connection_runs "$run" "$COUNT" all
    mv "$OUT/run$run.all.samples" "$OUT/run$run.samples"
  fi
  curl -s -H "Authorization: $DSM_AUTHORIZATION" -X POST "$BASE/api/datasources/test-connection" -H 'Content-Type: application/json' \
    -d "$BODY" >"$OUT/answer-$run.json"
  stop_dsm
  pgbench_run "$run-after"
  python3 - "$OUT/run$run.samples" "$SIGN_IN_MS" "$(pgbench_value "$run-before" 'average connection time')" \
    "$(pgbench_value "$run-after" 'average connection time')" "$(pgbench_value "$run-before" 'latency average')" \
    "$(cpu_busy_since "$CPU")" "$LOAD" >>"$OUT/runs.txt" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
wall = [float(r[0]) for r in rows]; el = [float(r[1]) for r in rows]
def med(v):
    v = sorted(v); n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
pg = (float(sys.argv[3]) + float(sys.argv[4])) / 2
target = 1.3 * pg + 3
m = med(wall[1:])
print("|".join([sys.argv[2], "%.1f" % wall[0], "%.1f" % el[0], "%.1f" % m, "%.1f" % med(el[1:]), "%.1f" % med(wall[1:11]),
                "%.1f" % med(wall[50:]), "%.2f" % pg, sys.argv[5], "%.1f" % target, "met" if m <= target else "missed",
                sys.argv[6], sys.argv[7]]))
PY
  log "run $run: $(tail -1 "$OUT/runs.txt")"
done

# ---------------------------------------------------------------------------------------------
{
  echo "Run $STARTED, jar \`$DSM_JAR\`, JVM options \`${DSM_JAVA_OPTS--Xmx256m}\`; $MACHINE;"
  echo "PostgreSQL $PG_VERSION (cluster $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME, port $PG_PORT, wal_level logical, scram-sha-256 on 127.0.0.1)."
  echo "Source: user with REPLICATION, schema \`app\` of 4 tables (one with a sequence): every test runs the connection checks,"
  echo "readiness's catalog queries and the replication connection. Raw output: \`${OUT#"$ROOT"/}\`."
  echo
  echo "| Fresh start | first sign-in | test 1 | its elapsedMs | **tests 2-$COUNT median** | elapsedMs median | tests 2-11 | tests 51-$COUNT | pgbench -C conn. time (before/after mean) | pgbench latency | target (1.3 × conn + 3) | verdict | busy CPU (% of one core) | load at start |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|"
  awk -F'|' '{ printf "| %d | %s ms | %s ms | %s ms | **%s ms** | %s ms | %s ms | %s ms | %s ms | %s ms | %s ms | **%s** | %s %% | %s |\n", NR, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 }' "$OUT/runs.txt"
  echo
  echo "Readiness in the answer: $(python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(" / ".join(v["summary"] for v in r["readiness"]["verdicts"]) + "; passed: " + ", ".join(p["check"] for p in r["readiness"]["passed"]))' "$OUT/answer-1.json")."
  echo
  echo "Commands per fresh start: \`pgbench -C -n -c 1 -T $PGBENCH_SECONDS -f select1.sql -h 127.0.0.1 -p $PG_PORT -U bench_cold bench_cold\`;"
  echo "dsm started with \`java ${DSM_JAVA_OPTS--Xmx256m} -jar $DSM_JAR\` on a fresh DSM_DATA_DIR; \`curl\` GET /api/regions signed in (first sign-in);"
  echo "\`python3 bench/connection-client.py $BASE '<body>' --count $COUNT\` (one kept-alive HTTP connection); dsm stopped; pgbench again."
  if [[ -n $PROFILE ]]; then
    echo
    echo "Profiled with async-profiler (wall clock, every ${PROFILE_INTERVAL:-1ms}), attached after test 1; tests 2-$COUNT of run 1:"
    echo
    cat "$OUT/wall-1.md"
  fi
} | tee "$OUT/results.md"
