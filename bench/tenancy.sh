#!/usr/bin/env bash
# Tenancy benchmark (not part of the tests). Starts a server of its own (port 9190, embedded PostgreSQL on 55462,
# state in bench/target), seeds 100 tenants x 50 business entities through the API, then loads, from wrk on
# loopback with 8 connections, the tenant-scoped list GET /api/v1/entities (discriminator + RLS) and the same
# query with neither (GET /api/v1/_bench/entities), interleaved, and prints requests/s, p50, p99 and the ratio.
# It also prints the warm start-to-ready time. Needs wrk (installed with apt when running as root).
# Usage: bench/tenancy.sh [seconds per run, default 10]   (env: WARMUP=180 seconds, ROUNDS=8)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_RUN=${1:-10}
PORT=9190
OUT="$ROOT/bench/target"
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
  else echo "wrk is needed: apt-get install wrk" >&2; exit 2; fi
fi

export SEVA_HOME="$OUT/home" SEVA_DB_EMBEDDED_PORT=55462 HTTP_PORT=$PORT HTTPS_PORT=9553 SEVA_BENCH_ENABLED=true
export SEVA_PLATFORM_ADMIN_EMAIL=bench@seva.test SEVA_PLATFORM_ADMIN_PASSWORD=bench-platform-password
# the platform admin has a second factor: this secret is enrolled at start, platform-token.sh computes the codes
export SEVA_PLATFORM_ADMIN_TOTP_SECRET=BENCHPLATFORMADMINTOTPSECRET2345
export SEVA_AUTH_TOKEN_SECONDS=7200
SERVER="$ROOT/reference-app/target/liberty/wlp/bin/server"

echo "== build"
mvn -B -q install -DskipTests -DskipITs
mvn -B -q -f reference-app/pom.xml liberty:create liberty:deploy -Dseva.server.name=seva-bench -DskipITs
# the owner-role data source of the baseline exists on this server only
mkdir -p reference-app/target/liberty/wlp/usr/servers/seva-bench/configDropins/overrides
cp bench/bench-datasource.xml reference-app/target/liberty/wlp/usr/servers/seva-bench/configDropins/overrides/

ready() {
  local t0=$1
  for _ in $(seq 1 600); do
    if curl -sf "localhost:$PORT/health/ready" >/dev/null; then
      echo "$(( $(date +%s%N) - t0 ))" ; return 0
    fi
    sleep 0.1
  done
  echo "server did not become ready" >&2; return 1
}
stop() { "$SERVER" stop seva-bench >/dev/null 2>&1 || true; }
trap stop EXIT

echo "== first start (creates the database if needed)"
t0=$(date +%s%N); "$SERVER" start seva-bench --clean >/dev/null; first=$(ready "$t0")
stop
echo "== warm start"
t0=$(date +%s%N); "$SERVER" start seva-bench >/dev/null; warm=$(ready "$t0")

export SEVA_PLATFORM_TOKEN="$("$ROOT/bench/platform-token.sh" "http://localhost:$PORT")"
echo "== seed (idempotent)"
java "$ROOT/bench/Seed.java" "http://localhost:$PORT" "$SEVA_PLATFORM_ADMIN_EMAIL" "$SEVA_PLATFORM_ADMIN_PASSWORD" \
  100 50 "$OUT/tenants.lua"

run() { # path seconds -> "rps p50_ms p99_ms"
  BENCH_PATH=$1 wrk -t2 -c8 -d"$2"s --latency -s "$OUT/tenants.lua" "http://127.0.0.1:$PORT" > "$OUT/wrk.txt"
  if grep -q "Non-2xx" "$OUT/wrk.txt"; then echo "errors during $1:" >&2; cat "$OUT/wrk.txt" >&2; exit 1; fi
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       /^Requests\/sec/ { r = $2 } $1 == "50%" { a = ms($2) } $1 == "99%" { b = ms($2) }
       END { printf "%s %.2f %.2f\n", r, a, b }' "$OUT/wrk.txt"
}

TENANCY=/api/v1/entities
BASELINE=/api/v1/_bench/entities
ROUNDTRIP="/api/v1/_bench/entities?roundTrip=true"

# The JIT needs minutes on 2 cores shared with wrk and PostgreSQL; single runs drift by +-30%, so the figures are
# means over many short runs, interleaved so that drift hits every variant alike.
echo "== warm-up: ${WARMUP:-180}s"
end=$(( $(date +%s) + ${WARMUP:-180} ))
while [ "$(date +%s)" -lt "$end" ]; do
  run "$TENANCY" 10 >/dev/null; run "$BASELINE" 10 >/dev/null
done

ROUNDS=${ROUNDS:-8}
echo "== measure: $ROUNDS rounds of ${SECONDS_PER_RUN}s per variant, interleaved"
: > "$OUT/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  echo "tenancy $(run "$TENANCY" "$SECONDS_PER_RUN")" >> "$OUT/results.txt"
  echo "baseline $(run "$BASELINE" "$SECONDS_PER_RUN")" >> "$OUT/results.txt"
  echo "baseline+roundtrip $(run "$ROUNDTRIP" "$SECONDS_PER_RUN")" >> "$OUT/results.txt"
done

awk -v first="$first" -v warm="$warm" '
  function median(k,   i, j, t, m, v) {
    m = n[k]; for (i = 1; i <= m; i++) v[i] = q[k, i]
    for (i = 2; i <= m; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
  }
  { n[$1]++; rps[$1] += $2; p50[$1] += $3; q[$1, n[$1]] = $4; if ($4 > p99[$1]) p99[$1] = $4 }
  END {
    printf "\n%-50s %8s %8s %11s %10s\n", "variant (100 tenants x 50 entities, 8 conns)", "req/s", "p50 ms", "median p99", "worst p99"
    split("tenancy baseline baseline+roundtrip", order, " ")
    label["tenancy"] = "tenancy: discriminator + RLS (/api/v1/entities)"
    label["baseline"] = "baseline: neither (same query, explicit filter)"
    label["baseline+roundtrip"] = "baseline + one extra statement (set_config)"
    for (i = 1; i <= 3; i++) { k = order[i]; printf "%-50s %8.1f %8.2f %11.2f %10.2f\n", label[k], rps[k] / n[k], p50[k] / n[k], median(k), p99[k] }
    r = (rps["tenancy"] / n["tenancy"]) / (rps["baseline"] / n["baseline"])
    printf "\nthroughput ratio tenancy/baseline: %.3f, tenancy costs %.1f%% (target <= 15%%)\n", r, (1 - r) * 100
    printf "p99 under tenancy: median of %d runs %.1f ms, worst run %.1f ms (target <= 50 ms)\n", n["tenancy"], median("tenancy"), p99["tenancy"]
    printf "start to ready: first start %.1f s, warm start %.1f s (target <= 20 s)\n", first / 1e9, warm / 1e9
  }' "$OUT/results.txt"
