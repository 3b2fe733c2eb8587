#!/usr/bin/env bash
# Runs Tam on http://127.0.0.1:3000 (TAM_ADDR to change) with SQLite and the demo data:
# installs missing tools, builds the release site, migrates, seeds the demo data, serves.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
scripts/tools.sh build
release_build
export DATABASE_URL="${DATABASE_URL:-sqlite://$ROOT/data/tam.db?mode=rwc}"
echo "Tam: database $DATABASE_URL, site $LEPTOS_SITE_ROOT"
exec "$TAM_BIN" serve --demo
