# Sourced by connection.sh, heartbeat.sh, readiness.sh, readiness-instructions.sh, cold-connection.sh, test-sql.sh and
# watch.sh, after their own settings: where the repository, the jar and the output are; log() and die(); the machine's
# Debian PostgreSQL 15 ("15 main", port 5432), which those benchmarks connect dsm to; starting and stopping dsm on a
# fresh data directory; load and CPU accounting.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
DSM_JAR=${DSM_JAR:-$ROOT/backend/target/quarkus-app/quarkus-run.jar}
# bench/out/<script>-<time> unless OUT is set.
OUT=${OUT:-$BENCH/out/$(basename "$0" .sh)-$(date +%Y%m%d-%H%M%S)}
if [[ -n ${HTTP_PORT-} ]]; then
  BASE=http://127.0.0.1:$HTTP_PORT
fi

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

PG_CLUSTER_VERSION=${PG_CLUSTER_VERSION:-15}
PG_CLUSTER_NAME=${PG_CLUSTER_NAME:-main}

# Superuser psql on the local cluster, over the Unix socket (peer authentication as postgres), at
# most PSQL_TIMEOUT seconds (600).
psql_super() {
  timeout "${PSQL_TIMEOUT:-600}" su postgres -c "cd / && psql -X -q -v ON_ERROR_STOP=1 -p $PG_PORT $(printf '%q ' "$@")"
}

# Installs the server if it is missing, starts the cluster if it is down, and sets PG_PORT.
ensure_local_postgres() {
  if ! command -v pg_ctlcluster >/dev/null || [[ ! -d /usr/lib/postgresql/$PG_CLUSTER_VERSION/bin ]]; then
    log "PostgreSQL $PG_CLUSTER_VERSION is not installed: apt-get install -y postgresql-$PG_CLUSTER_VERSION"
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y "postgresql-$PG_CLUSTER_VERSION" >&2 \
      || die "could not install postgresql-$PG_CLUSTER_VERSION"
  fi
  if ! pg_lsclusters -h | awk -v v="$PG_CLUSTER_VERSION" -v n="$PG_CLUSTER_NAME" '$1 == v && $2 == n { f = 1 } END { exit !f }'; then
    log "creating cluster $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME"
    pg_createcluster "$PG_CLUSTER_VERSION" "$PG_CLUSTER_NAME" >&2 || die "pg_createcluster failed"
  fi
  PG_PORT=$(pg_lsclusters -h | awk -v v="$PG_CLUSTER_VERSION" -v n="$PG_CLUSTER_NAME" '$1 == v && $2 == n { print $3 }')
  if ! pg_lsclusters -h | awk -v v="$PG_CLUSTER_VERSION" -v n="$PG_CLUSTER_NAME" '$1 == v && $2 == n && $4 ~ /online/ { f = 1 } END { exit !f }'; then
    log "starting PostgreSQL $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME"
    pg_ctlcluster "$PG_CLUSTER_VERSION" "$PG_CLUSTER_NAME" start >&2 || die "could not start PostgreSQL $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME"
  fi
  for _ in $(seq 1 30); do
    su postgres -c "pg_isready -q -p $PG_PORT" && break
    sleep 1
  done
  su postgres -c "pg_isready -q -p $PG_PORT" || die "PostgreSQL $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME does not answer on port $PG_PORT"
  # Password logins over TCP on 127.0.0.1 must use scram-sha-256, as in Debian's default pg_hba.conf.
  local hba
  hba=$(psql_super -Atc 'SHOW hba_file')
  grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+scram-sha-256' "$hba" \
    || log "WARNING: $hba has no 'host all all 127.0.0.1/32 scram-sha-256' line; logins may not use SCRAM"
  [[ $(psql_super -Atc 'SHOW password_encryption') == scram-sha-256 ]] \
    || die "password_encryption is not scram-sha-256 on PostgreSQL $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME"
}

# Fails unless java, python3, curl, awk, su and the extra tools given are installed, and the jar
# at DSM_JAR exists.
require_bench_tools() {
  local tool
  for tool in java python3 curl awk su "$@"; do
    command -v "$tool" >/dev/null || die "$tool is not installed (see bench/README.md)"
  done
  [[ -f $DSM_JAR ]] || die "no jar at $DSM_JAR: run ./mvnw -q package -DskipTests or set DSM_JAR"
}

# Logical decoding on the cluster: sets wal_level = logical and restarts it if needed. Refuses on
# 15/main, which other benchmarks and users share.
ensure_logical_decoding() {
  [[ $(psql_super -Atc 'SHOW wal_level') == logical ]] && return 0
  [[ $PG_CLUSTER_NAME != main ]] || die "cluster 15/main has wal_level $(psql_super -Atc 'SHOW wal_level'); use a cluster of its own"
  log "setting wal_level = logical on $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME (restart)"
  pg_conftool "$PG_CLUSTER_VERSION" "$PG_CLUSTER_NAME" set wal_level logical
  pg_ctlcluster "$PG_CLUSTER_VERSION" "$PG_CLUSTER_NAME" restart >&2
  for _ in $(seq 1 30); do su postgres -c "pg_isready -q -p $PG_PORT" && break; sleep 1; done
}

# A login role with REPLICATION and the given password (created, or updated if it exists): role, password.
ensure_replication_role() {
  psql_super -v role="$1" -v pw="$2" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN REPLICATION PASSWORD %L', :'role', :'pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role')
\gexec
SELECT format('ALTER ROLE %I LOGIN REPLICATION PASSWORD %L', :'role', :'pw')
\gexec
SQL
}

# On exit: stops dsm and, once the cluster is known, drops the benchmark's database and role of the
# same name. Call it from an EXIT trap: bench_exit <name>.
bench_exit() {
  local status=$?
  trap - EXIT INT TERM
  stop_dsm
  if [[ -n ${PG_PORT:-} ]]; then
    psql_super -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "DROP ROLE IF EXISTS $1" \
      || log "WARNING: could not drop $1"
  fi
  exit "$status"
}

# One value of a pgbench report in $OUT/pgbench-<name>.txt: name, key ("average connection time",
# "latency average", "tps").
pgbench_value() { awk -F' = ' -v k="$2" 'index($1, k) == 1 { print $2 + 0 }' "$OUT/pgbench-$1.txt"; }

# A free TCP port on 127.0.0.1 (nothing listens on it when this returns).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts dsm on 127.0.0.1:$1 with a fresh data directory (embedded store), extra environment in
# the remaining arguments (NAME=value ...), log in $OUT/<log name>. Sets DSM_PID, DSM_DATA,
# DSM_POSTMASTER_PID. Loopback only: DSM_CONNECT_ALLOW=127.0.0.0/8,::1/128.
# The service's first admin; the clients sign in with HTTP Basic (DSM_AUTHORIZATION).
BENCH_ADMIN_PASSWORD=bench-Admin-pw-2026
export DSM_AUTHORIZATION="Basic $(printf 'admin:%s' "$BENCH_ADMIN_PASSWORD" | base64)"

start_dsm() {
  local port=$1 logname=$2
  shift 2
  DSM_DATA=$(mktemp -d /tmp/dsm-bench-data.XXXXXX)
  curl -s -o /dev/null "http://127.0.0.1:$port/" && die "something already listens on port $port"
  log "starting dsm on port $port ($*), data in $DSM_DATA"
  # shellcheck disable=SC2086
  env "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 DSM_DATA_DIR="$DSM_DATA" DSM_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
    DSM_CONNECT_ALLOW=127.0.0.0/8,::1/128 java ${DSM_JAVA_OPTS--Xmx256m} -jar "$DSM_JAR" >"$OUT/$logname" 2>&1 &
  DSM_PID=$!
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break
    kill -0 "$DSM_PID" 2>/dev/null || die "dsm exited during startup, see $OUT/$logname"
    sleep 0.5
  done
  curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" || die "dsm not ready after 120 s, see $OUT/$logname"
  DSM_POSTMASTER_PID=$(sed -n 1p "$DSM_DATA/postgres/postmaster.pid" 2>/dev/null || true)
  log "dsm ready (pid $DSM_PID)"
}

# Stops dsm (SIGTERM, SIGKILL after 30 s), its embedded PostgreSQL if it outlived it, and removes
# the data directory. Safe to call twice.
stop_dsm() {
  if [[ -n ${DSM_PID:-} ]] && kill -0 "$DSM_PID" 2>/dev/null; then
    log "stopping dsm (pid $DSM_PID)"
    kill -TERM "$DSM_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$DSM_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$DSM_PID" 2>/dev/null; then
      log "dsm did not stop in 30 s: SIGKILL"
      kill -KILL "$DSM_PID" 2>/dev/null || true
    fi
  fi
  if [[ -n ${DSM_POSTMASTER_PID:-} ]] && kill -0 "$DSM_POSTMASTER_PID" 2>/dev/null; then
    log "stopping the embedded PostgreSQL (pid $DSM_POSTMASTER_PID)"
    kill -INT "$DSM_POSTMASTER_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$DSM_POSTMASTER_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  [[ -n ${DSM_DATA:-} ]] && rm -rf "$DSM_DATA"
  DSM_PID='' DSM_POSTMASTER_PID='' DSM_DATA=''
}

# "load 1/5/15 min" from /proc/loadavg.
load_now() { awk '{ printf "%s / %s / %s", $1, $2, $3 }' /proc/loadavg; }

# Machine-wide busy CPU since a snapshot: `s=$(cpu_snapshot)`, later `cpu_busy_since "$s"` prints the
# share of all cores that was busy meanwhile, in % of one core (200 = both cores of two).
cpu_snapshot() { echo "$(awk 'NR == 1 { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat) $(awk '{ print $1 }' /proc/uptime)"; }
cpu_busy_since() {
  local now
  now=$(cpu_snapshot)
  awk -v a="$1" -v b="$now" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(a, x, " "); split(b, y, " "); printf "%.0f", (y[1] - x[1]) / hz / (y[2] - x[2]) * 100 }'
}

# CPU ticks (utime + stime, plus cutime + cstime: children already reaped) of every process in the
# trees rooted at the given pids. `ours=$(tree_ticks $$ ...)` twice, around a phase, with
# cpu_snapshot, gives how much of the machine's busy CPU was the benchmark's and how much others'.
tree_ticks() {
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v roots="$*" '
    { pid = $1; s = $0; sub(/.*\) /, "", s); split(s, f, " "); ppid[pid] = f[2]; t[pid] = f[12] + f[13] + f[14] + f[15] }
    END {
      n = split(roots, r, " "); for (i = 1; i <= n; i++) if (r[i] != "") want[r[i]] = 1
      total = 0
      for (p in t) {
        q = p
        for (depth = 0; depth < 64 && q != "" && q != 0; depth++) {
          if (q in want) { total += t[p]; break }
          if (!(q in ppid)) break
          q = ppid[q]
        }
      }
      print total
    }'
}

# Seconds since boot, with hundredths.
uptime_seconds() { awk '{ print $1 }' /proc/uptime; }

# The main postmaster of the local cluster (for tree_ticks).
local_postmaster_pid() {
  head -1 "$(psql_super -Atc 'SHOW data_directory')/postmaster.pid"
}

# The path of async-profiler's Linux x64 agent, unpacked under bench/out/ from
# tools.profiler:async-profiler:<version> (Maven Central, fetched with ./mvnw dependency:get).
async_profiler_library() {
  local version=$1 jar dir
  jar=${MAVEN_REPOSITORY:-$HOME/.m2/repository}/tools/profiler/async-profiler/$version/async-profiler-$version.jar
  if [[ ! -f $jar ]]; then
    "$ROOT/mvnw" -q -f "$ROOT/pom.xml" dependency:get -Dartifact="tools.profiler:async-profiler:$version" -Dtransitive=false >&2 \
      || die "could not fetch tools.profiler:async-profiler:$version"
  fi
  dir=$ROOT/bench/out/async-profiler-$version
  [[ -f $dir/linux-x64/libasyncProfiler.so ]] || (mkdir -p "$dir" && cd "$dir" && jar xf "$jar" linux-x64/libasyncProfiler.so) \
    || die "could not unpack async-profiler from $jar"
  echo "$dir/linux-x64/libasyncProfiler.so"
}
