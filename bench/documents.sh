#!/usr/bin/env bash
# Document vault benchmark (not part of the tests). Starts a server of its own (port 9198, embedded PostgreSQL on
# 55468, state in bench/target/documents), runs four measurements and stops the server:
#   (a) OCR pages/minute through the whole pipeline (upload -> READY) vs the tesseract command line on the same
#       generated dense 300 dpi A4 pages, one process per core, OMP_THREAD_LIMIT=1 for both; target ratio >= 0.9
#   (b) blob store write+read MB/s with the vault's crypto streams vs plain streams (there is no unencrypted storage
#       in the product, so this compares the streams over the same FileSystemBlobStore path, fsync included, outside
#       the server); target >= 0.8. The same big file's encrypted upload/download over HTTP is printed with (c)
#   (c) heap growth while uploading a big text file (default 1 GB): live heap after full GCs (jcmd GC.run) sampled
#       from /metrics during the upload; target < 64 MB
#   (d) search p95 over 100,000 documents seeded with SQL; target < 100 ms
# Usage: bench/documents.sh [--small]    (--small: 8 pages, 256 MB, 20,000 documents, for a loaded machine)
#        env PAGES=16 BIG_MB=1024 DOCS=100000 CRYPTO_MB=256 CRYPTO_ROUNDS=3 STEPS=abcd (a subset: STEPS=d)
# Builds with the reactor (no mvn install): the war comes from reference-app/target.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
if [ "${1:-}" = "--small" ]; then
  : "${PAGES:=8}" "${BIG_MB:=256}" "${DOCS:=20000}" "${CRYPTO_MB:=128}"
fi
PAGES=${PAGES:-16}
BIG_MB=${BIG_MB:-1024}
DOCS=${DOCS:-100000}
CRYPTO_MB=${CRYPTO_MB:-256}
CRYPTO_ROUNDS=${CRYPTO_ROUNDS:-3}
STEPS=${STEPS:-abcd}
has() { case "$STEPS" in *"$1"*) return 0 ;; *) return 1 ;; esac; }
has c || BIG_MB=0
has d || DOCS=0
PORT=9198
DB_PORT=55468
OUT="$ROOT/bench/target/documents"
mkdir -p "$OUT"
CORES=$(nproc)

export SEVA_HOME="$OUT/home" SEVA_DB_EMBEDDED_PORT=$DB_PORT HTTP_PORT=$PORT HTTPS_PORT=9560
export SEVA_PLATFORM_ADMIN_EMAIL=bench@seva.test SEVA_PLATFORM_ADMIN_PASSWORD=bench-platform-password
# the platform admin has a second factor: this secret is enrolled at start, platform-token.sh computes the codes
export SEVA_PLATFORM_ADMIN_TOTP_SECRET=BENCHPLATFORMADMINTOTPSECRET2345
export SEVA_AUTH_TOKEN_SECONDS=7200
# one worker per core, as the command line gets one process per core
export SEVA_JOBS_THREADS=$CORES
export OMP_THREAD_LIMIT=1
SERVER_NAME=seva-bench-docs
WLP="$ROOT/reference-app/target/liberty/wlp"
SERVER="$WLP/bin/server"

echo "== build"
mvn -B -q -ntp -o package -pl reference-app -am -DskipTests -DskipITs
if [ ! -x "$SERVER" ]; then
  mvn -B -q -ntp -o -pl reference-app -am package io.openliberty.tools:liberty-maven-plugin:3.12.0:create \
    -DskipTests -DskipITs -Dseva.server.name=$SERVER_NAME >/dev/null || true
fi
DIR="$WLP/usr/servers/$SERVER_NAME"
if [ ! -d "$DIR" ]; then "$SERVER" create "$SERVER_NAME" >/dev/null; fi
cp "$ROOT/server.xml" "$DIR/server.xml"
cp "$ROOT/reference-app/src/main/liberty/config/jvm.options" "$DIR/jvm.options"
mkdir -p "$DIR/apps" "$DIR/jdbc/postgres"
cp "$ROOT/reference-app/target/seva.war" "$DIR/apps/seva.war"
PGJAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort -V | tail -1)
cp "$PGJAR" "$DIR/jdbc/postgres/postgresql.jar"
TINK=$(find ~/.m2/repository/com/google/crypto/tink/tink -name 'tink-*.jar' | sort -V | tail -1)
PROTO=$(find ~/.m2/repository/com/google/protobuf/protobuf-java -name 'protobuf-java-4*.jar' | sort -V | tail -1)
CP="$ROOT/documents/target/classes:$ROOT/sdk/target/classes:$TINK:$PROTO:$PGJAR"
BENCH="java -cp $CP $ROOT/bench/DocumentsBench.java"

ready() {
  for _ in $(seq 1 2400); do
    if curl -sf "localhost:$PORT/health/ready" >/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "server did not become ready" >&2; return 1
}
stop() { "$SERVER" stop "$SERVER_NAME" >/dev/null 2>&1 || true; }
trap stop EXIT

echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg) on $CORES cores"
if has a; then
  echo "== pages: $PAGES"
  rm -rf "$OUT/pages"
  $BENCH pages "$OUT/pages" "$PAGES"
fi

if has b; then
  echo "== (b) crypto vs plain streams, $CRYPTO_MB MB x $CRYPTO_ROUNDS"
  $BENCH crypto "$OUT/crypto" "$CRYPTO_MB" "$CRYPTO_ROUNDS" | tee "$OUT/results-b.txt"
  rm -rf "$OUT/crypto"
fi

echo "== start"
"$SERVER" start "$SERVER_NAME" --clean >/dev/null
ready
PID=$(cat "$WLP/usr/servers/.pid/$SERVER_NAME.pid")
sleep 15 # let the start-up work settle

PAGEDIR=-
if has a; then
  echo "== (a) tesseract command line: $CORES processes, OMP_THREAD_LIMIT=1"
  command -v tesseract >/dev/null || { echo "tesseract is not installed" >&2; exit 1; }
  T0=$(date +%s.%N)
  ls "$OUT"/pages/*.png | xargs -P "$CORES" -I{} sh -c 'tesseract "$1" stdout >/dev/null 2>&1' _ {}
  T1=$(date +%s.%N)
  CLI=$(echo "$PAGES $T0 $T1" | awk '{printf "%.1f", $1 * 60 / ($3 - $2)}')
  echo "(a) command line: $PAGES pages in $(echo "$T0 $T1" | awk '{printf "%.1f", $2 - $1}') s: $CLI pages/min"
  PAGEDIR="$OUT/pages"
fi

echo "== (a) pipeline, (c) big upload, (d) search (steps $STEPS)"
export SEVA_PLATFORM_TOKEN="$("$ROOT/bench/platform-token.sh" "http://localhost:$PORT")"
$BENCH api "http://localhost:$PORT" "$SEVA_PLATFORM_ADMIN_EMAIL" "$SEVA_PLATFORM_ADMIN_PASSWORD" "$PAGEDIR" \
  "$BIG_MB" "$DOCS" "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" "$PID" "$OUT" | tee "$OUT/results-acd.txt"
if has a; then
  PIPE=$(sed -n 's/^(a) pipeline:.*: \([0-9.]*\) pages\/min$/\1/p' "$OUT/results-acd.txt")
  echo "(a) pipeline $PIPE pages/min vs command line $CLI pages/min: ratio $(echo "$PIPE $CLI" | awk '{printf "%.2f", $1 / $2}') (target >= 0.9)"
fi
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$OUT/big.csv"
