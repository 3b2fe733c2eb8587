#!/usr/bin/env bash
# What is inside the WASM, and how big it is. A benchmark, not a test.
# Run after `cargo leptos build --release`: twiggy reads the build before wasm-opt (which drops
# the names), run through wasm-bindgen as cargo-leptos does; the sizes are those of the served file.
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
command -v twiggy >/dev/null || cargo install twiggy --locked
raw="$CARGO_TARGET_DIR/front/wasm32-unknown-unknown/wasm-release/frontend.wasm"
[ -f "$raw" ] || { echo "no $raw: run cargo leptos build --release first"; exit 1; }
tmp="$(mktemp -d -t tam-wasm-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --out-dir "$tmp" --out-name tam "$raw"

echo "== served files (site/pkg), bytes"
for f in "$LEPTOS_SITE_ROOT"/pkg/*.wasm "$LEPTOS_SITE_ROOT"/pkg/*.js "$LEPTOS_SITE_ROOT"/pkg/*.css; do
  [ -f "$f" ] || continue
  printf '%-40s raw %8d  gzip -9 %8d  brotli %8d\n' "$(basename "$f")" "$(stat -c %s "$f")" \
    "$(gzip -9c "$f" | wc -c)" "$( [ -f "$f.br" ] && stat -c %s "$f.br" || echo 0)"
done
echo
echo "== before wasm-opt: $(stat -c %s "$tmp/tam_bg.wasm") bytes; top items (twiggy top)"
twiggy top -n "${TOP:-30}" "$tmp/tam_bg.wasm"
echo
echo "== by crate (code and data only; the names section above is dropped by wasm-opt)"
twiggy top -n 100000 --format csv "$tmp/tam_bg.wasm" | python3 -c '
import csv, re, sys, collections
sizes = collections.Counter(); total = 0
for row in csv.DictReader(sys.stdin):
    name = row["Name"]
    if "subsection" in name or name.startswith("custom section"):
        continue
    size = int(row["ShallowSize"]); total += size
    clean = re.sub(r"\[[0-9a-f]{16}\]", "", name).lstrip("<&*( ").replace("mut ", "", 1)
    m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)::", clean)
    key = m.group(1) if m else ("data segments" if name.startswith("data") else "other (" + clean.split(" ")[0][:24] + ")")
    sizes[key] += size
print("total".ljust(32), f"{total:9d}")
for k, v in sizes.most_common(int(sys.argv[1])):
    print(f"{k:32} {v:9d} {100*v/total:5.1f} %")
' "${TOP_CRATES:-20}"
