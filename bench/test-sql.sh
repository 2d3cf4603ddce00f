#!/usr/bin/env bash
# A test's own overhead (issue 20): the test-connection request against pgbench -C replaying the
# very SQL that test sent, captured from the server's log, on the same server in the same run.
#
# Target: dsm's median <= 1.3 x the replay + 2 ms (HTTP and JSON).
#
#   bench/test-sql.sh                        # after ./mvnw -q package -DskipTests
#   ROUNDS=5 COUNT=150 bench/test-sql.sh
#
# How: the test's role gets log_min_duration_statement = 0 and log_replication_commands = on; one
# test runs after the warm-up; bench/test-sql-replay.py turns its log entries into two pgbench
# scripts, the session's statements (bound parameters as literals) and the replication connection's
# commands (its temporary probe slot named per transaction). The logging is then switched off
# again, and in each round pgbench -C runs both scripts at the same time, as the test opens both
# connections, then dsm runs its share of the tests. The replay's time per test is the slower of the
# two (1000 / tps each, connection included); their sum is printed too.
#
# Settings (environment): DSM_JAR, HTTP_PORT (18095), WARMUP (30), COUNT (90, over ROUNDS),
# ROUNDS (3), PGBENCH_SECONDS (10), DSM_JAVA_OPTS (-Xmx256m), OUT (bench/out/test-sql-<time>).
# Runs on cluster 15/readiness (created if missing, wal_level = logical), with role and database
# bench_sql (REPLICATION, owner of schema app, 4 tables); drops both on exit.
set -euo pipefail

HTTP_PORT=${HTTP_PORT:-18095}
WARMUP=${WARMUP:-30}
COUNT=${COUNT:-90}
ROUNDS=${ROUNDS:-3}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-10}
PER_ROUND=$(((COUNT + ROUNDS - 1) / ROUNDS))
export PG_CLUSTER_NAME=${PG_CLUSTER_NAME:-readiness}

# shellcheck source=bench/connection-heartbeat-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/connection-heartbeat-lib.sh"

require_bench_tools
mkdir -p "$OUT"

trap 'bench_exit bench_sql' EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
ensure_local_postgres
ensure_logical_decoding
command -v pgbench >/dev/null || die "pgbench is not installed (it ships in postgresql-$PG_CLUSTER_VERSION)"
SERVER_LOG=/var/log/postgresql/postgresql-$PG_CLUSTER_VERSION-$PG_CLUSTER_NAME.log
[[ -r $SERVER_LOG ]] || die "cannot read the server log $SERVER_LOG"
[[ $(psql_super -Atc 'SHOW log_line_prefix') == '%m [%p] %q%u@%d ' ]] \
  || die "log_line_prefix of $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME is not Debian's '%m [%p] %q%u@%d '"
PASSWORD=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
ensure_replication_role bench_sql "$PASSWORD"
psql_super <<'SQL' >/dev/null
DROP DATABASE IF EXISTS bench_sql WITH (FORCE);
CREATE DATABASE bench_sql OWNER bench_sql;
\c bench_sql
SET ROLE bench_sql;
CREATE SCHEMA app;
CREATE TABLE app.orders (id bigint PRIMARY KEY, customer_id bigint, total numeric, at timestamptz);
CREATE TABLE app.customers (id bigint PRIMARY KEY, name text);
CREATE TABLE app.order_lines (order_id bigint, line int, product text, PRIMARY KEY (order_id, line));
CREATE TABLE app.products (id serial PRIMARY KEY, name text);
SQL
PG_VERSION=$(psql_super -Atc 'SHOW server_version')
BODY=$(printf '{"type":"POSTGRESQL","attribute":"PRIMARY","host":"127.0.0.1","port":%s,"username":"bench_sql","password":"%s","databaseName":"bench_sql","schemaName":"app"}' \
  "$PG_PORT" "$PASSWORD")
test_once() { # answer file
  curl -s -H "Authorization: $DSM_AUTHORIZATION" -X POST "$BASE/api/datasources/test-connection" \
    -H 'Content-Type: application/json' -d "$BODY" >"$1"
  python3 -c 'import json, sys; sys.exit(0 if json.load(open(sys.argv[1]))["success"] else 1)' "$1" \
    || die "the test did not succeed, see $1"
}
client() { # name, count, warmup
  timeout 900 python3 "$BENCH/connection-client.py" "$BASE" "$BODY" --warmup "$3" --count "$2" \
    --max-seconds 600 --samples "$OUT/$1.samples" --expect-success true >"$OUT/$1.json" \
    || die "$1: unexpected answer, see $OUT/service.log"
}

# ---------------------------------------------------------------------------------------------
start_dsm "$HTTP_PORT" service.log
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
MACHINE="$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(uname -sr), $(java -version 2>&1 | head -1)"
START_LOAD=$(load_now)
client warmup "$WARMUP" 0

log "capturing one test's SQL from $SERVER_LOG"
psql_super -c 'ALTER ROLE bench_sql SET log_min_duration_statement = 0' -c 'ALTER ROLE bench_sql SET log_replication_commands = on' >/dev/null
FROM=$(($(stat -c %s "$SERVER_LOG") + 1))
test_once "$OUT/answer.json"
sleep 1
tail -c "+$FROM" "$SERVER_LOG" >"$OUT/server-log-excerpt.txt"
psql_super -c 'ALTER ROLE bench_sql RESET log_min_duration_statement' -c 'ALTER ROLE bench_sql RESET log_replication_commands' >/dev/null
read -r SESSION_PID WALSENDER_PID STATEMENTS COMMANDS < <(python3 "$BENCH/test-sql-replay.py" "$OUT/server-log-excerpt.txt" bench_sql "$OUT")
log "session (pid $SESSION_PID): $STATEMENTS statements; replication connection (pid $WALSENDER_PID): $COMMANDS commands"
# dsm bounds the probe slot's wait with a lock_timeout in the replication connection's startup packet
LOCK_TIMEOUT=${LOCK_TIMEOUT:-1000}

replay() { # round: both scripts at once, as the test opens both connections
  PGPASSWORD=$PASSWORD timeout $((PGBENCH_SECONDS + 120)) pgbench -C -n -c 1 -T "$PGBENCH_SECONDS" -f "$OUT/session.sql" \
    -h 127.0.0.1 -p "$PG_PORT" -U bench_sql bench_sql >"$OUT/pgbench-session-$1.txt" 2>&1 &
  local session=$!
  PGOPTIONS="-c lock_timeout=$LOCK_TIMEOUT" PGPASSWORD=$PASSWORD timeout $((PGBENCH_SECONDS + 120)) pgbench -C -n -c 1 -T "$PGBENCH_SECONDS" -f "$OUT/walsender.sql" \
    -h 127.0.0.1 -p "$PG_PORT" -U bench_sql "dbname=bench_sql replication=database" >"$OUT/pgbench-walsender-$1.txt" 2>&1 &
  local walsender=$!
  wait "$session" || die "pgbench (session) failed, see $OUT/pgbench-session-$1.txt"
  wait "$walsender" || die "pgbench (replication connection) failed, see $OUT/pgbench-walsender-$1.txt"
  echo "$1 $(pgbench_value "session-$1" tps) $(pgbench_value "walsender-$1" tps)" >>"$OUT/replay.txt"
  log "round $1: pgbench -C session $(pgbench_value "session-$1" tps) tps, replication connection $(pgbench_value "walsender-$1" tps) tps"
}
for round in $(seq 1 "$ROUNDS"); do
  replay "$round"
  client "round$round" "$PER_ROUND" 0
done
ENDED_LOAD=$(load_now)

# ---------------------------------------------------------------------------------------------
read -r N MEDIAN ELAPSED REPLAY_SESSION REPLAY_WALSENDER REPLAY REPLAY_SUM TARGET VERDICT < <(
  python3 - "$OUT/replay.txt" "$OUT"/round*.samples <<'PY'
import sys
def med(v):
    v = sorted(v); n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
rounds = [line.split() for line in open(sys.argv[1]) if line.strip()]
session = sum(1000 / float(r[1]) for r in rounds) / len(rounds)
walsender = sum(1000 / float(r[2]) for r in rounds) / len(rounds)
samples = [line.split() for f in sys.argv[2:] for line in open(f) if line.strip()]
median = med([float(s[0]) for s in samples])
replay = max(session, walsender)
target = 1.3 * replay + 2
print(len(samples), "%.1f" % median, "%.1f" % med([float(s[1]) for s in samples]), "%.2f" % session, "%.2f" % walsender,
      "%.2f" % replay, "%.2f" % (session + walsender), "%.1f" % target, "met" if median <= target else "missed")
PY
)
{
  echo "Run $STARTED, jar \`$DSM_JAR\`, JVM options \`${DSM_JAVA_OPTS--Xmx256m}\`; $MACHINE;"
  echo "PostgreSQL $PG_VERSION (cluster $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME, port $PG_PORT, wal_level logical, scram-sha-256 on 127.0.0.1)."
  echo "Load average $START_LOAD at the start, $ENDED_LOAD at the end. Raw output: \`${OUT#"$ROOT"/}\`."
  echo "One test sent $STATEMENTS statements on its session and $COMMANDS command(s) on its replication connection (replayed with \`-c lock_timeout=$LOCK_TIMEOUT\` as its startup option, as dsm sends it)."
  echo
  echo "| Measure | ms |"
  echo "|---|---:|"
  echo "| dsm test-connection, median of $N requests (server \`elapsedMs\` median $ELAPSED) | **$MEDIAN** |"
  echo "| pgbench -C replaying the session's SQL, per test (1000 / tps, mean of $ROUNDS rounds) | $REPLAY_SESSION |"
  echo "| pgbench -C replaying the replication connection's commands, at the same time | $REPLAY_WALSENDER |"
  echo "| the replay of one test (the slower of the two; both one after the other: $REPLAY_SUM) | $REPLAY |"
  echo "| **target: 1.3 × replay + 2 ms** | **$TARGET, $VERDICT** |"
  echo
  echo "Server-side time of each statement of the captured test (with logging on):"
  echo
  cat "$OUT/statements.md"
  echo
  echo "Commands: \`python3 bench/connection-client.py $BASE '<body>' --count $PER_ROUND\` per round after $WARMUP warm-up tests;"
  echo "\`pgbench -C -n -c 1 -T $PGBENCH_SECONDS -f session.sql -U bench_sql bench_sql\` and, at the same time,"
  echo "\`pgbench -C -n -c 1 -T $PGBENCH_SECONDS -f walsender.sql -U bench_sql 'dbname=bench_sql replication=database'\` (both in the raw output)."
} | tee "$OUT/results.md"
