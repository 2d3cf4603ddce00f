#!/usr/bin/env bash
# Checks a running `docker compose --profile demo up` the way a first-time user would: the console
# answers, the API behind it refuses strangers and, signed in as admin (HTTP Basic), registers the demo
# source, finds it, tests the connection (every check passes) and deletes it. Needs curl. CI runs it
# after `docker compose up --wait` (.github/workflows/ci.yml).
#
#   deploy/smoke-test.sh      # reads DSM_ADMIN_PASSWORD, DEMO_MIGRATOR_PASSWORD and DSM_PORT from .env
#   DSM_URL=http://host:8080 DSM_ADMIN_PASSWORD=... DEMO_HOST=10.0.0.5 DEMO_PORT=5432 DEMO_MIGRATOR_PASSWORD=... deploy/smoke-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

env_value() { [ -f .env ] && sed -n "s/^$1=//p" .env | tail -n 1 || true; }
port="${DSM_PORT:-$(env_value DSM_PORT)}"
DSM_URL="${DSM_URL:-http://localhost:${port:-8080}}"
DEMO_HOST="${DEMO_HOST:-demo-source}"
DEMO_PORT="${DEMO_PORT:-5432}"
DEMO_MIGRATOR_PASSWORD="${DEMO_MIGRATOR_PASSWORD:-$(env_value DEMO_MIGRATOR_PASSWORD)}"
DSM_ADMIN_PASSWORD="${DSM_ADMIN_PASSWORD:-$(env_value DSM_ADMIN_PASSWORD)}"
[ -n "$DEMO_MIGRATOR_PASSWORD" ] || { echo "DEMO_MIGRATOR_PASSWORD is not set (nor in .env)" >&2; exit 2; }
[ -n "$DSM_ADMIN_PASSWORD" ] || { echo "DSM_ADMIN_PASSWORD is not set (nor in .env)" >&2; exit 2; }
# Credentials go to curl on standard input and in a private file, never on a command line (ps shows those).
quoted="${DSM_ADMIN_PASSWORD//\\/\\\\}"; quoted="${quoted//\"/\\\"}"
api() { curl --config - "$@" <<<"user = \"admin:$quoted\""; }
workdir=$(mktemp -d)

identifier="smoke$(date +%s)$RANDOM"
id=""
# A failed run leaves nothing behind.
# (Dropping the heartbeat table fails when the source is unreachable; then the registration goes alone.)
cleanup() {
  rm -rf "$workdir"
  [ -n "$id" ] || return 0
  api -sS -o /dev/null -X DELETE "$DSM_URL/api/datasources/$id?dropHeartbeatTable=true" || true
  api -sS -o /dev/null -X DELETE "$DSM_URL/api/datasources/$id" || true
}
trap cleanup EXIT
step() { printf '%-58s' "$1"; }
ok() { echo "ok${1:+ ($1)}"; }
fail() { echo "FAILED"; echo "$1" >&2; exit 1; }

step "console on $DSM_URL/"
page=$(curl -fsS "$DSM_URL/") || fail "no answer"
grep -q '<div id="root">' <<<"$page" || fail "$page"
ok

step "API health through the console's proxy"
health=$(curl -fsS "$DSM_URL/q/health/ready") || fail "no answer"
grep -q '"status": *"UP"' <<<"$health" || fail "$health"
ok

step "the API refuses a caller without credentials"
status=$(curl -sS -o /dev/null -w '%{http_code}' "$DSM_URL/api/datasources")
[ "$status" = 401 ] || fail "HTTP $status"
ok

step "create data source $identifier"
cat > "$workdir/body.json" <<JSON
{"identifier": "$identifier", "type": "POSTGRESQL", "attribute": "PRIMARY", "heartbeatEnabled": true,
 "host": "$DEMO_HOST", "port": $DEMO_PORT, "username": "migrator", "password": "$DEMO_MIGRATOR_PASSWORD",
 "databaseName": "orders", "schemaName": "sales", "remarks": "created by deploy/smoke-test.sh"}
JSON
created=$(api -sS -w '\n%{http_code}' -X POST "$DSM_URL/api/datasources" -H 'Content-Type: application/json' -d "@$workdir/body.json")
[ "$(tail -n 1 <<<"$created")" = 201 ] || fail "$created"
id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$created" | head -n 1)
[ -n "$id" ] || fail "$created"
grep -q "$DEMO_MIGRATOR_PASSWORD" <<<"$created" && fail "the response carries the password"
ok "$id"

step "find it with ?q="
found=$(api -fsS "$DSM_URL/api/datasources?q=$identifier") || fail "no answer"
grep -q "\"id\":\"$id\"" <<<"$found" || fail "$found"
ok

step "test its connection"
result=$(api -fsS -X POST "$DSM_URL/api/datasources/$id/test-connection") || fail "no answer"
grep -q '"success":true' <<<"$result" || fail "$result"
grep -q '"status":"FAILED"' <<<"$result" && fail "$result"
ok "$(grep -o '"status":"PASSED"' <<<"$result" | wc -l | tr -d ' ') checks passed"

step "delete it (and its heartbeat table)"
status=$(api -sS -o /dev/null -w '%{http_code}' -X DELETE "$DSM_URL/api/datasources/$id?dropHeartbeatTable=true")
[ "$status" = 204 ] || fail "HTTP $status"
status=$(api -sS -o /dev/null -w '%{http_code}' "$DSM_URL/api/datasources/$id")
[ "$status" = 404 ] || fail "still there: HTTP $status"
id=""
ok

echo "dsm works at $DSM_URL"
