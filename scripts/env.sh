# Sourced by the other scripts: where builds go and where tools are found.
# Builds live outside the clone so that a fresh clone (CI) starts warm.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tam/target}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
# cargo-leptos writes the site next to the build ("target/site" in Cargo.toml means this).
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$CARGO_TARGET_DIR/site}"
export TAM_BIN="${TAM_BIN:-$CARGO_TARGET_DIR/release/tam}"
# Never let Playwright fetch a browser; Debian's Chromium is used.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The release site: /pkg files named by their content (cargo-leptos writes hash.txt beside the
# binary), so browsers may keep them for a year, and precompressed (.br, .gz). Hashing is set here,
# not in Cargo.toml: `cargo leptos watch` cannot rehash after a rebuild.
# cargo-leptos writes the .gz at a fast level; browsers without brotli get them at gzip's best
# (-9, no name or time stored: the same bytes every build), about 13% smaller for the WASM.
release_build() {
  LEPTOS_HASH_FILES=true cargo leptos build --release --precompress
  local f
  for f in "$LEPTOS_SITE_ROOT"/pkg/*.wasm "$LEPTOS_SITE_ROOT"/pkg/*.js "$LEPTOS_SITE_ROOT"/pkg/*.css; do
    [ -f "$f" ] && gzip -9 -n -c "$f" > "$f.gz"
  done
}
