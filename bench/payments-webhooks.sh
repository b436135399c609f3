#!/usr/bin/env bash
# Webhook ingestion benchmark (not part of the tests). Starts a server of its own (port 9195, embedded PostgreSQL on
# 55467, state in bench/target/payments), pointed at a fake Razorpay that the load generator runs on 127.0.0.1:9296;
# creates a tenant with Razorpay settings and 200 invoices with checkout orders, then 8 concurrent senders post
# signed payment.captured webhooks (20% repeat an earlier x-razorpay-event-id) for the given seconds, after a
# warm-up run. Prints events/s, p50/p99 answer time, the duplicate ratio and the processing lag.
# Targets: >= 500 events/s, p99 < 100 ms, on loopback.
# Usage: bench/payments-webhooks.sh [seconds, default 30]   (env: WARMUP=30 seconds, SENDERS=8, DUPLICATES=0.2)
# Builds with the reactor (no mvn install): the war comes from reference-app/target.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_RUN=${1:-30}
PORT=9195
FAKE_PORT=9296
OUT="$ROOT/bench/target/payments"
mkdir -p "$OUT"

export SEVA_HOME="$OUT/home" SEVA_DB_EMBEDDED_PORT=55467 HTTP_PORT=$PORT HTTPS_PORT=9558
export SEVA_PLATFORM_ADMIN_EMAIL=bench@seva.test SEVA_PLATFORM_ADMIN_PASSWORD=bench-platform-password
# the platform admin has a second factor: this secret is enrolled at start, platform-token.sh computes the codes
export SEVA_PLATFORM_ADMIN_TOTP_SECRET=BENCHPLATFORMADMINTOTPSECRET2345
export SEVA_AUTH_TOKEN_SECONDS=7200
export SEVA_PAYMENTS_RAZORPAY_BASE_URL="http://127.0.0.1:$FAKE_PORT"
# checkout schedules a reconciliation of each order; keep it out of the measurement
export SEVA_PAYMENTS_RECONCILE_DELAY_SECONDS=36000
SERVER_NAME=seva-bench-pay
WLP="$ROOT/reference-app/target/liberty/wlp"
SERVER="$WLP/bin/server"

echo "== build"
mvn -B -q -ntp ${MVN_FLAGS:-} package -pl reference-app -am -DskipTests -DskipITs
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
cp "$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)" "$DIR/jdbc/postgres/postgresql.jar"

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

export SEVA_PLATFORM_TOKEN="$("$ROOT/bench/platform-token.sh" "http://localhost:$PORT")"
LOAD="java $ROOT/bench/WebhookLoad.java http://localhost:$PORT $SEVA_PLATFORM_ADMIN_EMAIL $SEVA_PLATFORM_ADMIN_PASSWORD"
echo "== warm-up: ${WARMUP:-30}s"
# the warm-up does not wait for its events to be processed: the measured run starts while they drain
NO_DRAIN=1 $LOAD "$FAKE_PORT" "${WARMUP:-30}" "${SENDERS:-8}" "${DUPLICATES:-0.2}" 200 >/dev/null
echo "== measure: ${SECONDS_RUN}s"
$LOAD "$FAKE_PORT" "$SECONDS_RUN" "${SENDERS:-8}" "${DUPLICATES:-0.2}" 200 | tee "$OUT/results.txt"
