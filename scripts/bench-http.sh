#!/usr/bin/env bash
# HTTP verification throughput and p99 latency on loopback (numbers only, never a gate).
#
# Starts a real `cairn serve` (release build, SQLite in a temporary data directory, a free
# port), sets it up through the API (administrator, organisation, achievement), issues one
# OB 3.0 credential, checks that `POST /api/v1/verify` answers verified=true for it, then
# posts that credential under wrk (Lua script for the body, --latency for percentiles) and
# prints requests/s and p99. Every request verifies the proof and reads the issuer document
# and the status list from the database, as any verification of this server's credentials.
#
# Needs wrk, curl and jq (Debian: apt-get install -y wrk curl jq).
# Settings (environment): DURATION (10s), THREADS (2), CONNECTIONS (32), BENCH_BIN
# (default target/release/cairn, built if missing), DATABASE_URL (a postgres:// URL to
# serve from PostgreSQL instead, in a fresh schema dropped afterwards; needs psql).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
BIN=${BENCH_BIN:-target/release/cairn}

for tool in wrk curl jq; do
  command -v "$tool" >/dev/null || { echo "bench-http: needs $tool (apt-get install -y wrk curl jq)" >&2; exit 2; }
done
[ -x "$BIN" ] || cargo build --release --quiet -p cairn

work=$(mktemp -d)
server_pid=
schema=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [ -z "$schema" ] || psql "$DATABASE_URL" -qc "DROP SCHEMA $schema CASCADE" || true
  rm -rf "$work"
}
trap cleanup EXIT

db_args=()
if [ -n "${DATABASE_URL:-}" ]; then
  schema="cairn_bench_http_$$_$RANDOM"
  psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -qc "CREATE SCHEMA $schema"
  case "$DATABASE_URL" in *\?*) sep='&' ;; *) sep='?' ;; esac
  db_args=(--database-url "$DATABASE_URL${sep}options=-csearch_path%3D$schema")
fi
"$BIN" serve --data-dir "$work/data" --bind 127.0.0.1:0 "${db_args[@]}" >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
for _ in $(seq 300); do
  grep -q '^Cairn is running at ' "$work/stdout" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/stderr" >&2; exit 1; }
  sleep 0.1
done
url=$(sed -n 's/^Cairn is running at //p' "$work/stdout")
setup=$(sed -n 's/.*One-time setup token: //p' "$work/stdout")
[ -n "$url" ] && [ -n "$setup" ] || { echo "bench-http: the server did not start" >&2; cat "$work/stderr" >&2; exit 1; }

api() { # method path auth body → response body; fails on an HTTP error
  curl -fsS -X "$1" "$url$2" -H "Authorization: $3" -H 'Content-Type: application/json' ${4:+--data-binary "$4"}
}
password='bench password, not secret'
api POST /api/v1/setup '' "{\"setup_token\":\"$setup\",\"email\":\"admin@bench.example\",\"name\":\"Admin\",\"password\":\"$password\"}" >/dev/null
basic="Basic $(printf '%s' "admin@bench.example:$password" | base64 -w0)"
api POST /api/v1/orgs "$basic" '{"slug":"bench","name":"Bench University","url":"https://www.bench.example","address":{"country_code":"NL","locality":"Delft"}}' >/dev/null
token=$(api POST /api/v1/tokens "$basic" '{"org":"bench","name":"bench","role":"owner"}' | jq -r .token)
bearer="Bearer $token"
achievement=$(api POST /api/v1/orgs/bench/achievements "$bearer" '{"name":"Bridge Design","kind":"completion","description":"Analysed truss bridges and defended a design.","criteria_narrative":"Pass the exam and the project."}' | jq -r .id)
credential=$(api POST "/api/v1/orgs/bench/achievements/$achievement/credentials" "$bearer" '{"recipient":"learner@example.org","name":"Learner"}' | jq -r .id)
curl -fsS "$url/credentials/$credential.json" -o "$work/credential.json"

# The number means nothing unless the answer is right.
report=$(curl -fsS -X POST "$url/api/v1/verify" -H 'Content-Type: application/json' --data-binary "@$work/credential.json")
verified=$(jq -r '[.verified, (.checks[] | select(.check == "status") | .outcome)] | join(" ")' <<<"$report")
[ "$verified" = "true passed" ] || { echo "bench-http: the credential does not verify with its status read: $report" >&2; exit 1; }

cat >"$work/post.lua" <<EOF
local f = io.open("$work/credential.json", "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
local threads = {}
function setup(thread) table.insert(threads, thread) end
unverified = 0
function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"verified":true', 1, true) then unverified = unverified + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("unverified") end
  local e = summary.errors
  io.write(string.format("BENCH requests=%d errors=%d unverified=%d p50_ms=%.2f p99_ms=%.2f rps=%.0f\n",
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout, bad,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
EOF
echo "POST /api/v1/verify: $(wc -c <"$work/credential.json") byte credential, $THREADS threads, $CONNECTIONS connections, $DURATION; load: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -z "${BENCH_HTTP_HOOK:-}" ] || BENCH_PID=$server_pid bash -c "$BENCH_HTTP_HOOK" &
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/post.lua" "$url/api/v1/verify" | tee "$work/wrk.out"
line=$(grep '^BENCH ' "$work/wrk.out")
grep -q ' errors=0 unverified=0 ' <<<"$line" || { echo "bench-http: some requests failed or did not verify: $line" >&2; exit 1; }
echo "verify over HTTP: $(sed -E 's/.*rps=([0-9]+).*/\1/' <<<"$line") verifications/s, p99 $(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line") ms (target: >= 2000/s, p99 < 20 ms); load after: $(cut -d' ' -f1-3 /proc/loadavg)"
