#!/usr/bin/env bash
# Fuzz the HTTP API from its own OpenAPI document with schemathesis (pip install schemathesis) against a
# live `graphwiz api demo` on 127.0.0.1, with an admin token so every operation is reachable. Passes when no
# request gets a 5xx (schemathesis' not_a_server_error check), plus the checks listed in CHECKS.
#
#   scripts/api-fuzz.sh                   # 100 examples per operation
#   MAX_EXAMPLES=500 scripts/api-fuzz.sh  # longer run
#   GRAPHWIZ=.build/release/graphwiz scripts/api-fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."

GRAPHWIZ=${GRAPHWIZ:-.build/debug/graphwiz}
MAX_EXAMPLES=${MAX_EXAMPLES:-100}
CHECKS=${CHECKS:-not_a_server_error}
command -v schemathesis >/dev/null || { echo "api-fuzz: schemathesis not found; pip install schemathesis" >&2; exit 2; }
[ -x "$GRAPHWIZ" ] || { echo "api-fuzz: $GRAPHWIZ missing; run swift build first" >&2; exit 2; }

work=$(mktemp -d)
server_pid=""
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Rate limit effectively off so the fuzzer is not answered 429; port 0 picks free ports.
"$GRAPHWIZ" api demo --port 0 --metrics-port 0 --rate-limit 10000000 --burst 10000000 --tick 0.2 \
  --duration 1800 --env-file "$work/none.env" --port-file "$work/port" --token-file "$work/token" \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.2; done
[ -s "$work/port" ] || { echo "api-fuzz: server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
port=$(cat "$work/port")
base="http://127.0.0.1:$port"
echo "api-fuzz: server on $base, $MAX_EXAMPLES examples per operation, checks: $CHECKS"

set +e
# Run from the temporary directory so schemathesis' cache (.schemathesis/) stays out of the repository.
(cd "$work" && schemathesis run "$base/api/v1/openapi.json" --url "$base" \
  --header "Authorization: Bearer $(cat "$work/token")" \
  --checks "$CHECKS" --max-examples "$MAX_EXAMPLES" --request-timeout 10 \
  --exclude-path /api/v1/stream \
  --seed 42 --no-color 2>&1 | tee "$work/fuzz.log"; exit "${PIPESTATUS[0]}")
status=$?
set -e
echo "api-fuzz: schemathesis exit $status"
if grep -q "unhandled API error" "$work/server.log"; then
  echo "api-fuzz: the server logged unhandled errors:" >&2
  grep "unhandled API error" "$work/server.log" | sort | uniq -c >&2
  exit 1
fi
exit "$status"
