#!/usr/bin/env bash
# The one server the end-to-end suite shares: the release build, a fresh SQLite file, demo data.
set -euo pipefail
source "$(dirname "$0")/env.sh"
dir="$(mktemp -d -t tam-e2e-XXXXXX)"
trap 'rm -rf "$dir"' EXIT
export DATABASE_URL="sqlite://$dir/tam.db?mode=rwc"
export TAM_ADDR="${TAM_ADDR:-127.0.0.1:3111}"
export TAM_ADMIN_PASSWORD="e2e-admin-password"
"$TAM_BIN" create-admin --email admin@tam.qa --name "مشرف تم" >/dev/null
"$TAM_BIN" serve --demo
