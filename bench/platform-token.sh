#!/usr/bin/env bash
# Prints a platform admin's bearer token from the server at $1 (default http://localhost:9080): e-mail and password
# from SEVA_PLATFORM_ADMIN_EMAIL / SEVA_PLATFORM_ADMIN_PASSWORD, the second factor's code from
# SEVA_PLATFORM_ADMIN_TOTP_SECRET (the secret the server enrolled at start; bin/totp computes the code). The server
# takes each code once, so a sign-in that meets a used code waits for the next one.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
base=${1:-http://localhost:9080}
r=""
for _ in 1 2 3; do
  code=$(printf '%s' "$SEVA_PLATFORM_ADMIN_TOTP_SECRET" | "$ROOT/bin/totp")
  r=$(curl -s "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$SEVA_PLATFORM_ADMIN_EMAIL\",\"password\":\"$SEVA_PLATFORM_ADMIN_PASSWORD\",\"totp\":\"$code\"}")
  case $r in
    *'"accessToken"'*) printf '%s\n' "$r" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'; exit 0 ;;
  esac
  sleep $(( 31 - $(date +%s) % 30 ))
done
echo "platform sign-in failed: $r" >&2
exit 1
