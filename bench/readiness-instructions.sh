#!/usr/bin/env bash
# What the readiness scope statement costs the server, in instructions, which machine load does not
# change (wall time and even CPU time moved by 40% between runs while other builds ran). It runs a copy
# of bench/readiness.sh's database under valgrind's cachegrind and counts what a fresh backend spends on
# the scope statement (ScopeTables, printed by bench/readiness-sql.java from the service's own classes)
# on schema big (10,000 tables) and on schema small (5), less a backend that runs SELECT 1.
#
#   KEEP=1 bench/readiness.sh                 # once: builds and keeps database bench_ready
#   bench/readiness-instructions.sh           # after ./mvnw -q -pl backend package -DskipTests
#
# Needs valgrind (apt-get install -y valgrind). Settings: PG_CLUSTER_NAME (readiness), VG_PORT (5434),
# RUNS (3 per schema; the count varies by well under 1%).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
APP=$ROOT/backend/target/quarkus-app
export PG_CLUSTER_NAME=${PG_CLUSTER_NAME:-readiness}
VG_PORT=${VG_PORT:-5434}
RUNS=${RUNS:-3}
WORK=$(mktemp -d /tmp/dsm-instructions.XXXXXX)
# shellcheck source=bench/connection-heartbeat-lib.sh
source "$BENCH/connection-heartbeat-lib.sh"
command -v valgrind >/dev/null || die "valgrind is not installed (apt-get install -y valgrind)"
ensure_local_postgres
[[ $(psql_super -Atc "SELECT count(*) FROM pg_database WHERE datname = 'bench_ready'") == 1 ]] \
  || die "database bench_ready is missing: run KEEP=1 bench/readiness.sh first"
VERSION=$(psql_super -Atc 'SHOW server_version_num')
BIN=/usr/lib/postgresql/$PG_CLUSTER_VERSION/bin
PASSWORD=instructions-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
psql_super -c "ALTER ROLE bench_ready PASSWORD '$PASSWORD'"
chown postgres "$WORK"
cleanup() {
  su postgres -c "$BIN/pg_ctl -D $WORK/data -m immediate stop" >/dev/null 2>&1 || true
  # valgrind writes the postmaster's own count after pg_ctl has returned.
  for _ in $(seq 20); do pgrep -f "cachegrind-out-file=$WORK" >/dev/null || break; sleep 0.5; done
  rm -rf "$WORK"
}
trap cleanup EXIT

log "copying the cluster (pg_basebackup) to $WORK/data"
su postgres -c "pg_basebackup -p $PG_PORT -D $WORK/data -X stream -c fast"
cp "/etc/postgresql/$PG_CLUSTER_VERSION/$PG_CLUSTER_NAME/pg_hba.conf" "$WORK/data/pg_hba.conf"
cat >"$WORK/data/postgresql.conf" <<CONF
port = $VG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
wal_level = logical
autovacuum = off
fsync = off
CONF
chown -R postgres "$WORK"
log "starting it under cachegrind (recovery takes a minute or two)"
su postgres -c "cd $WORK && valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=$WORK/cg.%p \
  $BIN/postgres -D $WORK/data >$WORK/server.log 2>&1 &"
for _ in $(seq 600); do
  PGPASSWORD=$PASSWORD psql -X -h 127.0.0.1 -p "$VG_PORT" -U bench_ready bench_ready -Atc 'SELECT 1' >/dev/null 2>&1 && break
  sleep 1
done

for schema in big small; do
  java -cp "$APP/app/*:$APP/lib/main/*" "$BENCH/readiness-sql.java" bench_ready bench_ready "$schema" "$VERSION" \
    | python3 -c 'import re,sys; print([s for s in re.split(r";\n", sys.stdin.read()) if "scope AS" in s][0] + ";")' >"$WORK/$schema.sql"
done
backend() { # script -> instructions of the backend that ran it
  local pid
  # The whole answer to a file first: a pipe closed early would end the session before its statement.
  PGPASSWORD=$PASSWORD psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$VG_PORT" -U bench_ready bench_ready \
    -c 'SELECT pg_backend_pid()' -c 'BEGIN' -c "SELECT set_config('jit', 'off', true)" -f "$1" -c 'COMMIT' >"$WORK/answer.txt"
  pid=$(head -1 "$WORK/answer.txt")
  for _ in $(seq 300); do
    [[ -s $WORK/cg.$pid ]] && grep -q '^summary:' "$WORK/cg.$pid" && break
    sleep 0.5
  done
  awk '/^summary:/ { print $2 }' "$WORK/cg.$pid"
}
echo 'SELECT 1;' >"$WORK/none.sql"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
BASE=$(for _ in $(seq "$RUNS"); do backend "$WORK/none.sql"; done | median)
for schema in big small; do
  COUNT=$(for _ in $(seq "$RUNS"); do backend "$WORK/$schema.sql"; done | median)
  printf '%s\n' "$((COUNT - BASE))" >"$WORK/$schema.count"
  log "schema $schema: $(((COUNT - BASE) / 1000000)) million instructions"
done
BIG=$(cat "$WORK/big.count"); SMALL=$(cat "$WORK/small.count")
echo "scope statement, PostgreSQL $VERSION, commit $(git -C "$ROOT" rev-parse --short HEAD): big $((BIG / 1000000))M, small $((SMALL / 1000000))M, 10,000 tables add $(((BIG - SMALL) / 1000000))M instructions"
