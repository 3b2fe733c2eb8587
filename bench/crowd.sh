#!/usr/bin/env bash
# Issue 19's figures: Tam as a crowd uses it. Seeds the bench data set (100,000 volunteers, 500
# organizations, 20,000 opportunities, 500,000 applications) into SQLite and PostgreSQL, makes
# sessions for 20,000 volunteers, a coordinator of every organization and an admin
# (server/examples/crowd.rs), and drives each page with wrk (32 connections, 2 threads), every
# request taking the next (path, cookie) of a list (bench/crowd.lua): 4,000 filter combinations of
# /opportunities, 3,000 opportunity pages, 20,000 /me, every coordinator's /org, queue and a
# roster, the admin dashboard, /impact, and a mixed day with a write every 100 requests.
# Requests take compressed answers as a browser does (ENCODING="gzip, deflate, br, zstd", Chromium's
# header; ENCODING="" for none). Prints req/s, p50/p90/p99, errors (5xx and socket errors; 4xx
# refusals apart), the mean size of an answer as sent and the server's peak RSS per row, for each database, with the page cache off and on.
# Figures, never a pass/fail.
#
#   bench/crowd.sh [seconds per row = 15]
#   DBS="sqlite postgres" CACHE="off on" ENCODING="gzip, deflate, br, zstd" ROWS="opportunities opportunity me org queue roster admin impact mixed"
#   RESEED=1: seed again (otherwise the seeded set is kept in ~/.cache/tam/crowd and, on
#   PostgreSQL, as the template database tam_crowd_seed, and copied for each run).
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$ROOT"
secs="${1:-15}"
dbs="${DBS:-sqlite postgres}"
caches="${CACHE:-off on}"
rows="${ROWS:-opportunities opportunity me org queue roster admin impact mixed}"
encoding="${ENCODING-gzip, deflate, br, zstd}"
command -v wrk >/dev/null || { echo "installing Debian's wrk"; apt-get install -y -qq wrk >/dev/null; }
[ -x "$TAM_BIN" ] || { scripts/tools.sh build >&2; release_build; }
# The request lists' maker, built with the release profile and the environment cargo-leptos gives
# the server's build (LEPTOS_OUTPUT_NAME is compiled in), so that its build is reused.
[ -n "${CROWD_BIN:-}" ] || LEPTOS_OUTPUT_NAME=tam cargo build -q --release -p server --no-default-features --example crowd
crowd_bin="${CROWD_BIN:-$CARGO_TARGET_DIR/release/examples/crowd}"
ulimit -n 65536 2>/dev/null || true

keep="$HOME/.cache/tam/crowd"
mkdir -p "$keep"
dir="$(mktemp -d -t tam-crowd-XXXXXX)"
pid=""
pg_admin="${TAM_TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
pg_run="tam_crowd_$$"
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $pg_run WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
seed_args=(seed --volunteers 100000 --organizations 500 --opportunities 20000 --applications 500000)
export TAM_BENCH_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

port=3950
base="http://127.0.0.1:$port"
export TAM_ADDR="127.0.0.1:$port"

start_server() { # cache on|off
  TAM_PAGE_CACHE="$1" RUST_LOG=warn "$TAM_BIN" serve >>"$dir/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -fs "$base/healthz" >/dev/null && return 0; sleep 0.2; done
  echo "the server did not start:"; tail -20 "$dir/server.log"; exit 1
}
stop_server() {
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=""
}

row() { # name
  local name="$1" list="$dir/lists/$1.txt" max=0 rss max_anon=0 anon
  [ -s "$list" ] || { printf "| %s | (no requests) |\n" "$name"; return; }
  wrk -t2 -c32 -d"${secs}s" --timeout 10s --latency -s bench/crowd.lua "$base" -- "$list" "$encoding" >"$dir/wrk.txt" 2>&1 &
  local w=$!
  while kill -0 "$w" 2>/dev/null; do
    rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$max" ] && max=$rss
    # The process's own memory, without the pages of the database file SQLite maps (the OS's
    # page cache, shared and reclaimable, which VmRSS counts once they are read).
    anon=$(awk '/RssAnon/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${anon:-0}" -gt "$max_anon" ] && max_anon=$anon
    sleep 0.5
  done
  wait "$w" || true
  local rps c sock
  rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$dir/wrk.txt")
  c=$(grep '^CROWD' "$dir/wrk.txt" || echo "CROWD")
  sock=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$dir/wrk.txt")
  local get; get() { echo "$c" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
  printf "| %s | %s | %s | %s | %s | %s | %s | %.1f KB | %.0f MB | %.0f MB |\n" "$name" "${rps:-0}" \
    "$(get p50) ms" "$(get p90) ms" "$(get p99) ms" "$(( $(get 5xx) + ${sock:-0} ))" "$(get 4xx)" \
    "$(echo "$(get avgbody) / 1024" | bc -l)" "$(echo "$max / 1024" | bc -l)" "$(echo "$max_anon / 1024" | bc -l)"
}

for db in $dbs; do
  echo
  case "$db" in
    sqlite)
      if [ "${RESEED:-0}" = 1 ] || [ ! -s "$keep/seed.db" ]; then
        echo "== seeding SQLite"
        rm -f "$keep/seed.db"
        DATABASE_URL="sqlite://$keep/seed.db?mode=rwc" /usr/bin/time -f "seeded in %e s, peak memory %M KB" \
          "$TAM_BIN" "${seed_args[@]}" >/dev/null
        sqlite3 "$keep/seed.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1 || true
      fi
      cp "$keep/seed.db" "$dir/tam.db"
      export DATABASE_URL="sqlite://$dir/tam.db?mode=rwc"
      ;;
    postgres)
      psql "$pg_admin" -qAtc 'SELECT 1' >/dev/null 2>&1 || { echo "== PostgreSQL is not reachable at $pg_admin: skipped"; continue; }
      seeded=$(psql "$pg_admin" -qAtc "SELECT 1 FROM pg_database WHERE datname = 'tam_crowd_seed'")
      if [ "${RESEED:-0}" = 1 ] || [ "$seeded" != 1 ]; then
        echo "== seeding PostgreSQL"
        psql "$pg_admin" -qc "DROP DATABASE IF EXISTS tam_crowd_seed" >/dev/null
        psql "$pg_admin" -qc "CREATE DATABASE tam_crowd_seed" >/dev/null
        DATABASE_URL="${pg_admin%/*}/tam_crowd_seed" /usr/bin/time -f "seeded in %e s, peak memory %M KB" \
          "$TAM_BIN" "${seed_args[@]}" >/dev/null
      fi
      psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $pg_run WITH (FORCE)" >/dev/null
      psql "$pg_admin" -qc "CREATE DATABASE $pg_run TEMPLATE tam_crowd_seed" >/dev/null
      export DATABASE_URL="${pg_admin%/*}/$pg_run"
      psql "$DATABASE_URL" -qc "ANALYZE" >/dev/null
      ;;
    *) echo "unknown database $db"; exit 2 ;;
  esac
  for cache in $caches; do
    start_server "$cache"
    # Sessions and lists are made once the server has brought the schema up to date, and anew for
    # each run (the last run's writes decided the applications it listed).
    rm -rf "$dir/lists"
    OUT="$dir/lists" "$crowd_bin" 2>"$dir/crowd.log" || { cat "$dir/crowd.log"; exit 1; }
    echo "== $db, page cache $cache, wrk 32 connections, ${secs} s a row ($(nproc) cores shared with wrk), Accept-Encoding: ${encoding:-(none)}"
    echo "| page | req/s | p50 | p90 | p99 | errors | 4xx | size | server RSS (peak) | of it its own (RssAnon) |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    for r in $rows; do row "$r"; done
    echo "server high-water mark: $(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status") MB"
    stop_server
  done
  if grep -qiE 'panic|error' "$dir/server.log"; then
    echo "server log (errors):"; grep -iE 'panic|error' "$dir/server.log" | sort | uniq -c | sort -rn | head -5
  fi
  : >"$dir/server.log"
done
