#!/usr/bin/env bash
# Issue 8's figures: seeds 100,000 volunteers, 500 organizations, 20,000 opportunities and
# 500,000 applications into a fresh SQLite file, starts the release server on it, and measures
# with wrk (32 connections): /opportunities with a filter, a volunteer's /me, a coordinator's
# /org/applications with 200 pending, the server's resident memory under that load; then
# approve → event with 1,000 open live streams, and the seat race on SQLite and PostgreSQL.
# Prints one table per part and stops everything it started. Figures, never a pass/fail.
#   bench/load.sh [duration-seconds=15]      (PARTS=pages: the wrk part only)
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$ROOT"
secs="${1:-15}"
command -v wrk >/dev/null || { echo "installing Debian's wrk"; apt-get install -y -qq wrk >/dev/null; }
[ -x "$TAM_BIN" ] || { scripts/tools.sh build >&2; release_build; }
ulimit -n 65536 2>/dev/null || true

dir="$(mktemp -d -t tam-load-XXXXXX)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
export DATABASE_URL="sqlite://$dir/tam.db?mode=rwc"
export TAM_BENCH_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
echo "== seeding"
/usr/bin/time -f "seeded in %e s, peak memory %M KB" \
  "$TAM_BIN" seed --volunteers 100000 --organizations 500 --opportunities 20000 --applications 500000
ls -l "$dir/tam.db" | awk '{printf "database file: %.0f MB\n", $5 / 1e6}'

port=3900
export TAM_ADDR="127.0.0.1:$port"
base="http://127.0.0.1:$port"
RUST_LOG=warn "$TAM_BIN" serve >"$dir/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.2; done

login() {
  curl -fs -c "$dir/$1.jar" -o /dev/null -H 'accept: application/json' \
    --data-urlencode "email=$2" --data-urlencode "password=$TAM_BENCH_PASSWORD" "$base/api/login"
  awk '$6 == "tam_session" { print "tam_session=" $7 }' "$dir/$1.jar"
}
volunteer=$(login volunteer bench-volunteer@seed.tam.qa)
coordinator=$(login coordinator bench-coordinator@seed.tam.qa)
[ -n "$volunteer" ] && [ -n "$coordinator" ] || { echo "logging in failed"; exit 1; }
pending=$(curl -fs -H "cookie: $coordinator" "$base/org/applications" | grep -o 'data-testid="queue-row"' | wc -l)
echo "the coordinator's queue: $pending pending applications"

rss_peak=0
measure() { # name, url, cookie
  local name="$1" url="$2" cookie="${3:-}" out max=0 rss
  curl -fs ${cookie:+-H "cookie: $cookie"} "$url" -o /dev/null # warm
  wrk -t2 -c32 -d"${secs}s" --latency ${cookie:+-H "cookie: $cookie"} "$url" >"$dir/wrk.txt" &
  local w=$!
  while kill -0 "$w" 2>/dev/null; do
    rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
    [ "$rss" -gt "$max" ] && max=$rss
    sleep 0.5
  done
  wait "$w"
  [ "$max" -gt "$rss_peak" ] && rss_peak=$max
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ { print $2 }' "$dir/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$dir/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$dir/wrk.txt")
  non2xx=$(awk '/Non-2xx/ { print $5 }' "$dir/wrk.txt")
  printf "| %s | %s | %s | %s | %s | %.0f MB |\n" "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" "$(echo "$max / 1024" | bc -l)"
}
echo
echo "== wrk, 32 connections, ${secs} s each"
echo "| page | requests/s | p50 | p99 | non-2xx | server RSS (peak) |"
echo "|---|---|---|---|---|---|"
measure "/opportunities?cause=relief&municipality=doha" "$base/opportunities?cause=relief&municipality=doha"
measure "/opportunities (no filter)" "$base/opportunities"
measure "/me (logged in, with applications)" "$base/me" "$volunteer"
measure "/org/applications ($pending pending)" "$base/org/applications" "$coordinator"
echo "server resident memory: peak $(echo "$rss_peak / 1024" | bc) MB under load; high-water mark $(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status") MB"
awk '/RssAnon|RssFile|RssShmem/ { printf "%s %.1f MB  ", $1, $2 / 1024 } END { print "(now: heap and stacks, mapped files, shared)" }' "/proc/$pid/status"

[ "${PARTS:-all}" = pages ] && exit 0

echo
echo "== live: approve → event, 1,000 streams open"
# Examples, built with the release profile as the server is: its build is reused.
BASE="$base" cargo run -q --release -p server --no-default-features --example live

echo
echo "== the seat race: 50 apply, 10 approve, one 5-seat shift"
pg="${TAM_TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if psql "$pg" -qc 'select 1' >/dev/null 2>&1; then
  pgdb="tam_bench_$$"
  psql "$pg" -qc "CREATE DATABASE $pgdb" >/dev/null
  TEST_POSTGRES_URL="${pg%/*}/$pgdb" cargo run -q --release -p server --no-default-features --example race || true
  psql "$pg" -qc "DROP DATABASE $pgdb" >/dev/null
else
  cargo run -q --release -p server --no-default-features --example race
fi
