#!/usr/bin/env bash
# Issue 9's figures: the statistics dashboards at national scale. Seeds 200,000 volunteers, 300
# organizations, 5,000 opportunities with 200,000 applications, and 2,000,000 lines of the hours
# ledger into a fresh SQLite file and a fresh PostgreSQL database, then times every dashboard
# view's figures (server/examples/dashboard.rs) on each. Figures, never a pass/fail.
#   bench/dashboard.sh [volunteers=200000] [hour-lines=2000000]      (DB=sqlite or DB=postgres: one only)
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$ROOT"
volunteers="${1:-200000}"
hours="${2:-2000000}"
scripts/tools.sh build >&2   # cargo-leptos and the rest, when missing
release_build   # the seeder and server must be this tree's
cargo build -q --release -p server --no-default-features --example dashboard
dir="$(mktemp -d -t tam-dash-XXXXXX)"
pg="${TAM_TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
pgdb="tam_dash_$$"
cleanup() {
  rm -rf "$dir"
  psql "$pg" -qc "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true
}
trap cleanup EXIT

run() {
  echo "== $1: seeding"
  /usr/bin/time -f "seeded in %e s, peak memory %M KB" \
    "$TAM_BIN" seed --volunteers "$volunteers" --organizations 300 --opportunities 5000 --applications 200000 --hours "$hours"
  echo "== $1: the dashboard views"
  "$CARGO_TARGET_DIR/release/examples/dashboard"
  echo
}

if [ "${DB:-sqlite}" != postgres ]; then
  DATABASE_URL="sqlite://$dir/tam.db?mode=rwc" run SQLite
  ls -l "$dir/tam.db" | awk '{printf "database file: %.0f MB\n\n", $5 / 1e6}'
fi
if [ "${DB:-postgres}" != sqlite ] && psql "$pg" -qc 'select 1' >/dev/null 2>&1; then
  psql "$pg" -qc "CREATE DATABASE $pgdb" >/dev/null
  DATABASE_URL="${pg%/*}/$pgdb" run PostgreSQL
fi
