#!/usr/bin/env bash
# Admin search at national scale: seeds 100,000 volunteers and 500 organizations into a fresh
# SQLite file with `tam seed`, then times typical searches at the service (p50/p95).
#   bench/search.sh [volunteers=100000]
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$ROOT"
n="${1:-100000}"
[ -x "$TAM_BIN" ] || { scripts/tools.sh build >&2; release_build; }
dir="$(mktemp -d -t tam-search-XXXXXX)"
trap 'rm -rf "$dir"' EXIT
export DATABASE_URL="sqlite://$dir/tam.db?mode=rwc"
"$TAM_BIN" seed --volunteers "$n" --organizations 500
ls -l "$dir/tam.db" | awk '{printf "database file: %.0f MB\n", $5 / 1e6}'
cargo bench -q -p server --bench search
