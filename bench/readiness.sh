#!/usr/bin/env bash
# Readiness at scale (issue 12): what migration readiness adds to a connection test on a database
# with TABLES (10,000) tables in scope, against the same test on a schema of five tables, in one
# run on one freshly started dsm, beside pgbench -C running the very SQL the service sends on the
# test's session (bench/readiness-sql.java prints it from the service's own classes) on a fresh backend.
#
# Target: on the 10,000-table schema, readiness adds at most 150 ms to a test (median of the big
# schema minus the median of the small one, both with readiness, both after the same warm-up).
#
#   bench/readiness.sh                       # after ./mvnw -q package -DskipTests
#   TABLES=20000 COUNT=90 bench/readiness.sh
#   KEEP=1 bench/readiness.sh                # keep the 10,000-table database for the next run
#
# Settings (environment): DSM_JAR, HTTP_PORT (18093), TABLES (10000), WARMUP (30 per variant),
# COUNT (60 per variant, over ROUNDS rounds), ROUNDS (3), PGBENCH_SECONDS (10), KEEP (0),
# DSM_JAVA_OPTS (-Xmx256m), OUT (bench/out/readiness-<time>).
# Runs its own PostgreSQL 15 cluster, 15/readiness (created if missing, wal_level = logical), with
# role and database bench_ready; drops them on exit unless KEEP=1.
set -euo pipefail

HTTP_PORT=${HTTP_PORT:-18093}
TABLES=${TABLES:-10000}
WARMUP=${WARMUP:-30}
COUNT=${COUNT:-60}
ROUNDS=${ROUNDS:-3}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-10}
KEEP=${KEEP:-0}
PER_ROUND=$(((COUNT + ROUNDS - 1) / ROUNDS))
export PG_CLUSTER_NAME=${PG_CLUSTER_NAME:-readiness}

# shellcheck source=bench/connection-heartbeat-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/connection-heartbeat-lib.sh"

require_bench_tools
APP=$(dirname "$DSM_JAR")
mkdir -p "$OUT"

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_dsm
  if [[ $KEEP != 1 && -n ${PG_PORT:-} ]]; then
    log "dropping database and role bench_ready"
    psql_super -c 'DROP DATABASE IF EXISTS bench_ready WITH (FORCE)' -c 'DROP ROLE IF EXISTS bench_ready' -c 'DROP ROLE IF EXISTS bench_ready_owner' \
      || log "WARNING: could not drop bench_ready"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
ensure_local_postgres
ensure_logical_decoding
command -v pgbench >/dev/null || die "pgbench is not installed (it ships in postgresql-$PG_CLUSTER_VERSION)"
PASSWORD=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
ensure_replication_role bench_ready "$PASSWORD"
EXISTING=$(psql_super -Atc "SELECT count(*) FROM pg_database WHERE datname = 'bench_ready'")
if [[ $EXISTING == 1 ]] && [[ $(psql_super -d bench_ready -Atc "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'big' AND c.relname ~ '^t[0-9]+$' AND c.relkind = 'r'") == "$TABLES" ]]; then
  log "database bench_ready already has $TABLES tables in schema big (KEEP=1 earlier): reusing it"
else
  psql_super -c 'DROP DATABASE IF EXISTS bench_ready WITH (FORCE)' -c 'CREATE DATABASE bench_ready OWNER bench_ready'
  log "creating $TABLES tables in schema big (takes a minute or two)"
  SETUP_START=$(date +%s)
  psql_super -d bench_ready -v tables="$TABLES" -f - <"$BENCH/sql/readiness-setup.sql" >"$OUT/setup.log"
  log "created in $(($(date +%s) - SETUP_START)) s"
fi
PG_VERSION=$(psql_super -Atc 'SHOW server_version')
PG_VERSION_NUM=$(psql_super -Atc 'SHOW server_version_num')
IN_SCOPE=$(psql_super -d bench_ready -Atc "SELECT count(*) FILTER (WHERE relkind IN ('r', 'p') AND NOT relispartition AND n.nspname = 'big') || ' tables, ' || count(*) FILTER (WHERE relkind = 'r' AND relispartition) || ' partitions (in big_parts), ' || count(*) FILTER (WHERE relkind IN ('v', 'm')) || ' views and materialized views, ' || count(*) FILTER (WHERE relkind = 'S') || ' sequences' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('big', 'big_parts')")
log "PostgreSQL $PG_VERSION on port $PG_PORT; schema big: $IN_SCOPE"

# The session's SQL, as the service sends it (the facts, then the batch as one transaction), for pgbench.
java -cp "$APP/app/*:$APP/lib/main/*" "$BENCH/readiness-sql.java" bench_ready bench_ready big "$PG_VERSION_NUM" >"$OUT/readiness-big.sql"
java -cp "$APP/app/*:$APP/lib/main/*" "$BENCH/readiness-sql.java" bench_ready bench_ready small "$PG_VERSION_NUM" >"$OUT/readiness-small.sql"
echo 'SELECT 1;' >"$OUT/select1.sql"

body() { # schema
  printf '{"type":"POSTGRESQL","attribute":"PRIMARY","host":"127.0.0.1","port":%s,"username":"bench_ready","password":"%s","databaseName":"bench_ready","schemaName":"%s"}' \
    "$PG_PORT" "$PASSWORD" "$1"
}
client() { # name, schema, count, warmup
  timeout 900 python3 "$BENCH/connection-client.py" "$BASE" "$(body "$2")" --warmup "$4" --count "$3" \
    --max-seconds 600 --samples "$OUT/$1.samples" --expect-success true >"$OUT/$1.json" \
    || die "$1: unexpected answer, see $OUT/service.log"
  log "$1: $(cat "$OUT/$1.json")"
}
pgbench_run() { # name, script
  PGPASSWORD=$PASSWORD timeout $((PGBENCH_SECONDS + 120)) pgbench -C -n -c 1 -T "$PGBENCH_SECONDS" -f "$2" \
    -h 127.0.0.1 -p "$PG_PORT" -U bench_ready bench_ready >"$OUT/pgbench-$1.txt" 2>&1 || die "pgbench failed, see $OUT/pgbench-$1.txt"
  log "pgbench $1: $(grep -E 'latency average|average connection time' "$OUT/pgbench-$1.txt" | tr '\n' ' ')"
}
median_of() { # files... -> "count median-wall median-elapsed"
  cat "$@" | python3 -c '
import sys
rows = [line.split() for line in sys.stdin if line.strip()]
def med(v):
    v = sorted(v); n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
print(len(rows), "%.1f %.1f" % (med([float(r[0]) for r in rows]), med([float(r[1]) for r in rows])))'
}

# ---------------------------------------------------------------------------------------------
start_dsm "$HTTP_PORT" service.log
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
MACHINE="$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(uname -sr), $(java -version 2>&1 | head -1)"
START_LOAD=$(load_now)
curl -s -H "Authorization: $DSM_AUTHORIZATION" -X POST "$BASE/api/datasources/test-connection" -H 'Content-Type: application/json' \
  -d "$(body big)" >"$OUT/answer-big.json"
curl -s -H "Authorization: $DSM_AUTHORIZATION" -X POST "$BASE/api/datasources/test-connection" -H 'Content-Type: application/json' \
  -d "$(body small)" >"$OUT/answer-small.json"
client warmup-big big "$WARMUP" 0
client warmup-small small "$WARMUP" 0
for round in $(seq 1 "$ROUNDS"); do
  CPU=$(cpu_snapshot)
  pgbench_run "select1-$round" "$OUT/select1.sql"
  pgbench_run "readiness-big-$round" "$OUT/readiness-big.sql"
  pgbench_run "readiness-small-$round" "$OUT/readiness-small.sql"
  client "round$round-big" big "$PER_ROUND" 0
  client "round$round-small" small "$PER_ROUND" 0
  echo "$round $(cpu_busy_since "$CPU")" >>"$OUT/busy.txt"
done
ENDED_LOAD=$(load_now)

# ---------------------------------------------------------------------------------------------
read -r BIG_N BIG_MED BIG_EL < <(median_of "$OUT"/round*-big.samples)
read -r SMALL_N SMALL_MED SMALL_EL < <(median_of "$OUT"/round*-small.samples)
ADDED=$(awk -v b="$BIG_MED" -v s="$SMALL_MED" 'BEGIN { printf "%.1f", b - s }')
VERDICT=$(awk -v a="$ADDED" 'BEGIN { print (a <= 150) ? "met" : "missed" }')
mean_over_rounds() { for r in $(seq 1 "$ROUNDS"); do pgbench_value "$1-$r" "$2"; done | awk '{ s += $1 } END { printf "%.2f", s / NR }'; }
answer_summary() {
  python3 - "$1" <<'PY'
import json, sys
raw = open(sys.argv[1], 'rb').read()
r = json.loads(raw)
f = r["readiness"]["findings"]
print("%d bytes; %s; findings: %s" % (len(raw), " / ".join(v["summary"] for v in r["readiness"]["verdicts"]),
      ", ".join("%s %s (%d objects listed of %d)" % (x["severity"], x["check"], len(x["objects"]), x["objectCount"]) for x in f)))
PY
}
{
  echo "Run $STARTED, jar \`$DSM_JAR\`; $MACHINE; PostgreSQL $PG_VERSION (cluster $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME, port $PG_PORT, wal_level logical, scram-sha-256 on 127.0.0.1)."
  echo "Schema big: $IN_SCOPE; schema small: 5 tables. Load average $START_LOAD at the start, $ENDED_LOAD at the end. Raw output: \`${OUT#"$ROOT"/}\`."
  echo
  echo "| Measure | median | server \`elapsedMs\` median |"
  echo "|---|---:|---:|"
  echo "| test-connection, schema big ($TABLES tables), $BIG_N requests | $BIG_MED ms | $BIG_EL ms |"
  echo "| test-connection, schema small (5 tables), $SMALL_N requests | $SMALL_MED ms | $SMALL_EL ms |"
  echo "| **what $TABLES tables add** (big − small; target ≤ 150 ms) | **$ADDED ms, $VERDICT** | |"
  echo "| pgbench -C, \`SELECT 1\`, latency average (mean of $ROUNDS runs) | $(mean_over_rounds select1 'latency average') ms | |"
  echo "| pgbench -C, the session's SQL on schema big, latency average | $(mean_over_rounds readiness-big 'latency average') ms | |"
  echo "| pgbench -C, the session's SQL on schema small, latency average | $(mean_over_rounds readiness-small 'latency average') ms | |"
  echo
  echo "Answers: big: $(answer_summary "$OUT/answer-big.json")."
  echo "Small: $(answer_summary "$OUT/answer-small.json")."
  echo
  echo "Per round (whole machine busy CPU during the round, % of one core; 2 cores = 200 %): $(awk '{ printf "%sround %s: %s %%", (NR > 1 ? ", " : ""), $1, $2 }' "$OUT/busy.txt")."
  echo
  echo "Commands: \`python3 bench/connection-client.py $BASE '<body>' --warmup 0 --count $PER_ROUND\` per schema and round after $WARMUP warm-up requests per schema,"
  echo "body \`{\"type\":\"POSTGRESQL\",\"attribute\":\"PRIMARY\",\"host\":\"127.0.0.1\",\"port\":$PG_PORT,\"username\":\"bench_ready\",\"password\":\"…\",\"databaseName\":\"bench_ready\",\"schemaName\":\"big|small\"}\`;"
  echo "\`pgbench -C -n -c 1 -T $PGBENCH_SECONDS -f <script> -h 127.0.0.1 -p $PG_PORT -U bench_ready bench_ready\` with \`SELECT 1;\` and with \`readiness-big.sql\` / \`readiness-small.sql\` (in the raw output)."
} | tee "$OUT/results.md"
