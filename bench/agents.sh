#!/usr/bin/env bash
# Commissions benchmark (not part of the tests). Starts a server of its own (default port 9197, embedded PostgreSQL on
# 55469, state in bench/target/agents), seeds with SQL one tenant with 2,000 agents in 3 levels and 1,000,000
# captured payments of attributed clients (once; kept between runs), then in one run times the accrual of every
# commission through Seva's batch path (POST /api/v1/commission-accruals/backfill: the PaymentCaptured maths, under
# the tenant's RLS) against one plain-SQL INSERT ... SELECT computing the same entries, checks both ledgers agree,
# and prints both times, the ratio and the load average. Targets: <= 3x the plain SQL, under 2 minutes.
# With PAYOUT_PERIOD_END=YYYY-MM-DD it then runs one payout period (POST /api/v1/payout-runs) and times it;
# PAYOUT_ONLY=1 times only that, on the ledger an earlier run left.
# Usage: bench/agents.sh [payments, default 1000000] [agents, default 2000]
#        (env: PORT, HTTPS_PORT, DB_PORT to move it; SKIP_BUILD=1 to reuse reference-app/target/seva.war)
# Builds with the reactor (no mvn install): the war comes from reference-app/target.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PAYMENTS=${1:-1000000}
AGENTS=${2:-2000}
PORT=${PORT:-9197}
DB_PORT=${DB_PORT:-55469}
OUT="$ROOT/bench/target/agents"
mkdir -p "$OUT"

export SEVA_HOME="$OUT/home" SEVA_DB_EMBEDDED_PORT=$DB_PORT HTTP_PORT=$PORT HTTPS_PORT=${HTTPS_PORT:-9560}
export SEVA_PLATFORM_ADMIN_EMAIL=bench@seva.test SEVA_PLATFORM_ADMIN_PASSWORD=bench-platform-password
# the platform admin has a second factor: this secret is enrolled at start, platform-token.sh computes the codes
export SEVA_PLATFORM_ADMIN_TOTP_SECRET=BENCHPLATFORMADMINTOTPSECRET2345
export SEVA_AUTH_TOKEN_SECONDS=7200
SERVER_NAME=seva-bench-agents
WLP="$ROOT/reference-app/target/liberty/wlp"
SERVER="$WLP/bin/server"

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== build"
  mvn -B -q -ntp package -pl reference-app -am -DskipTests -DskipITs
fi
if [ ! -x "$SERVER" ]; then
  # unpack the runtime once, through the IT profile's create step of the reference app
  mvn -B -q -ntp -pl reference-app -am package io.openliberty.tools:liberty-maven-plugin:3.12.0:create \
    -DskipTests -DskipITs -Dseva.server.name=$SERVER_NAME >/dev/null || true
fi
DIR="$WLP/usr/servers/$SERVER_NAME"
if [ ! -d "$DIR" ]; then "$SERVER" create "$SERVER_NAME" >/dev/null; fi
cp "$ROOT/server.xml" "$DIR/server.xml"
cp "$ROOT/reference-app/src/main/liberty/config/jvm.options" "$DIR/jvm.options"
mkdir -p "$DIR/apps" "$DIR/jdbc/postgres"
cp "$ROOT/reference-app/target/seva.war" "$DIR/apps/seva.war"
PGJAR="$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)"
cp "$PGJAR" "$DIR/jdbc/postgres/postgresql.jar"

ready() {
  for _ in $(seq 1 1800); do
    if curl -sf "localhost:$PORT/health/ready" >/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "server did not become ready" >&2; return 1
}
stop() { "$SERVER" stop "$SERVER_NAME" >/dev/null 2>&1 || true; }
trap stop EXIT

echo "== start"
"$SERVER" start "$SERVER_NAME" --clean >/dev/null
ready
echo "load average at start: $(cat /proc/loadavg)"

export SEVA_PLATFORM_TOKEN="$("$ROOT/bench/platform-token.sh" "http://localhost:$PORT")"
java -cp "$PGJAR" "$ROOT/bench/AgentsBench.java" "http://localhost:$PORT" "$SEVA_PLATFORM_ADMIN_EMAIL" \
  "$SEVA_PLATFORM_ADMIN_PASSWORD" "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" "$PAYMENTS" "$AGENTS" \
  "${PAYOUT_PERIOD_END:-}" | tee "$OUT/results.txt"
