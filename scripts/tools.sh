#!/usr/bin/env bash
# Installs what Tam needs and the machine lacks; each step is skipped when already done.
#   scripts/tools.sh build   the build tools (wasm target, cargo-leptos, wasm-bindgen, wasm-opt)
#   scripts/tools.sh test    the build tools, plus Chromium and the end-to-end packages
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
want="${1:-build}"

say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# cargo-leptos 0.3.7 is the newest that builds with our rustc; no_downloads keeps it off GitHub.
if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.7'; then
  say "installing cargo-leptos 0.3.7 (15-18 minutes on 2 cores, once)"
  cargo install cargo-leptos --version 0.3.7 --locked --features no_downloads
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb_version\$"; then
  say "installing wasm-bindgen-cli $wb_version"
  cargo install wasm-bindgen-cli --version "$wb_version" --locked || cargo install wasm-bindgen-cli --version "$wb_version"
fi

# wasm-opt from the binaryen npm package (Debian's is too old for current rustc output).
if [ ! -x tools/node_modules/.bin/wasm-opt ] || ! cmp -s tools/package-lock.json tools/node_modules/.package-lock.json; then
  say "installing binaryen (wasm-opt) into tools/node_modules"
  (cd tools && npm ci --no-audit --no-fund)
fi

if [ "$want" = test ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    say "installing Debian's chromium"
    if [ "$(id -u)" = 0 ]; then
      (apt-get install -y chromium >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y chromium >/dev/null)) \
        || say "could not install chromium"
    else
      sudo -n apt-get install -y chromium >/dev/null 2>&1 || say "could not install chromium (no root)"
    fi
  fi
  if [ ! -d end2end/node_modules/@playwright/test ] || ! cmp -s end2end/package-lock.json end2end/node_modules/.package-lock.json; then
    say "installing the end-to-end packages"
    (cd end2end && npm ci --no-audit --no-fund)
  fi
fi
