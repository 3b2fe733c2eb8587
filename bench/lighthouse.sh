#!/usr/bin/env bash
# What a phone sees: Lighthouse's default mobile profile (simulated slow 4G, 4x slower CPU), as a
# new visitor (empty cache), on /, /login and /me (logged in as the demo volunteer), in Arabic and
# English. A benchmark, not a test: it prints figures and never fails on them.
#
#   bench/lighthouse.sh                  builds nothing; starts the release build on a fresh demo database
#   TAM_URL=http://host:port bench/lighthouse.sh   measures a server that is already running
#   RUNS=3 bench/lighthouse.sh           median of several runs per page
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$ROOT/bench"
stamp="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -x node_modules/.bin/lighthouse ] || [ "$(cat node_modules/.tam-stamp 2>/dev/null)" != "$stamp" ]; then
  npm ci --no-audit --no-fund >/dev/null && echo "$stamp" > node_modules/.tam-stamp
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
runs="${RUNS:-1}"
out="$(mktemp -d -t tam-lighthouse-XXXXXX)"

if [ -z "${TAM_URL:-}" ]; then
  port="${PORT:-3222}"
  TAM_URL="http://127.0.0.1:$port"
  export DATABASE_URL="sqlite://$out/tam.db?mode=rwc" TAM_ADDR="127.0.0.1:$port" RUST_LOG=warn
  "$TAM_BIN" serve --demo &
  server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -sf "$TAM_URL/healthz" >/dev/null && break; sleep 0.1; done
fi

session="$(curl -si -X POST -H 'Accept: application/json' --data 'email=volunteer@tam.qa&password=tam-demo-2026' \
  "$TAM_URL/api/login" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*tam_session=[^;]*\).*/\1/p' | head -1)"
[ -n "$session" ] || { echo "could not log in as the demo volunteer"; exit 1; }

flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
printf '%-5s %-7s %5s %7s %7s %6s %6s %6s %5s %5s %5s\n' lang page perf FCP_ms LCP_ms CLS TBT_ms SI_ms a11y bp seo
for lang in ar en; do
  for path in / /login /me; do
    cookie="lang=$lang"
    [ "$path" = /me ] && cookie="$cookie; $session"
    name="$lang-$(echo "$path" | tr -c 'a-z\n' '_')"
    for run in $(seq 1 "$runs"); do
      node_modules/.bin/lighthouse "$TAM_URL$path" --quiet --output=json --output-path="$out/$name-$run.json" \
        --chrome-flags="$flags" --extra-headers="{\"Cookie\": \"$cookie\"}" >/dev/null 2>&1 || true
    done
    node -e '
      const fs = require("fs");
      const [dir, name, runs, lang, path] = process.argv.slice(1);
      const reports = [];
      for (let i = 1; i <= +runs; i++) {
        try { reports.push(JSON.parse(fs.readFileSync(`${dir}/${name}-${i}.json`))); } catch {}
      }
      if (!reports.length) { console.log(`${lang} ${path}: lighthouse failed`); process.exit(0); }
      reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
      const r = reports[Math.floor(reports.length / 2)];
      const a = (id) => r.audits[id].numericValue;
      const c = (id) => Math.round(r.categories[id].score * 100);
      console.log([lang.padEnd(5), path.padEnd(7), String(c("performance")).padStart(5),
        String(Math.round(a("first-contentful-paint"))).padStart(7), String(Math.round(a("largest-contentful-paint"))).padStart(7),
        a("cumulative-layout-shift").toFixed(3).padStart(6), String(Math.round(a("total-blocking-time"))).padStart(6),
        String(Math.round(a("speed-index"))).padStart(6), String(c("accessibility")).padStart(5),
        String(c("best-practices")).padStart(5), String(c("seo")).padStart(5)].join(" "));
    ' "$out" "$name" "$runs" "$lang" "$path"
  done
done
echo "reports: $out"
