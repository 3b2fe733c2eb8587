#!/usr/bin/env bash
# Runs every test: Rust on SQLite and PostgreSQL, then the end-to-end suite in Chromium.
# Where PostgreSQL or Chromium cannot be had it says so and runs the rest (CI has both).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
scripts/tools.sh test

skip=()
PG_ADMIN_URL="${TAM_TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
pg_db="tam_test_$(date +%s)_$$"
if command -v psql >/dev/null && psql "$PG_ADMIN_URL" -qAtc 'SELECT 1' >/dev/null 2>&1; then
  psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $pg_db" >/dev/null
  trap 'psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
  export TEST_POSTGRES_URL="${PG_ADMIN_URL%/*}/$pg_db"
  echo "[test] PostgreSQL: database $pg_db for this run"
else
  echo "[test] PostgreSQL is NOT reachable at $PG_ADMIN_URL: the ::postgres tests are skipped"
  skip=(--skip postgres)
fi

echo "[test] Rust formatting"
cargo fmt --check
# Test builds erase component types, as `cargo leptos watch` does: Leptos's nested view types
# otherwise make a 2.5 GB test binary per build (70 MB erased), which soon fills the disk.
test_flags="${RUSTFLAGS:-} --cfg erase_components"
echo "[test] Rust: unit and service tests"
RUSTFLAGS="$test_flags" cargo test -p app --features ssr -- "${skip[@]}"
echo "[test] Rust: the server over HTTP"
RUSTFLAGS="$test_flags" cargo test -p server -- "${skip[@]}"

echo "[test] building the release site for the end-to-end suite"
release_build

if command -v chromium >/dev/null 2>&1 && [ -d end2end/node_modules/@playwright/test ]; then
  echo "[test] end-to-end in Chromium"
  (cd end2end && npx playwright test)
else
  echo "[test] Chromium or Playwright is NOT available: the end-to-end suite is skipped"
fi
echo "[test] all tests passed"
