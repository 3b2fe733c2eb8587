#!/usr/bin/env bash
# Hundreds of parallel logins against the release server: how much memory Argon2 takes when every
# request hashes (each from its own client address, so no throttle stops them), how many are
# answered, and how many are told to come back (429). Not a test: prints figures.
#   bench/login-burst.sh [connections=300] [seconds=20]
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
conns="${1:-300}"
secs="${2:-20}"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null || { echo "wrk is missing (Debian's wrk)"; exit 1; }
[ -x "$TAM_BIN" ] || { scripts/tools.sh build >&2; release_build; }
dir="$(mktemp -d -t tam-burst-XXXXXX)"
port=3199
export DATABASE_URL="sqlite://$dir/tam.db?mode=rwc" TAM_ADDR="127.0.0.1:$port" TAM_TRUSTED_PROXY=127.0.0.1
RUST_LOG=warn,app=info "$TAM_BIN" serve --demo >"$dir/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.2; done
rss() { awk '/VmRSS|VmHWM/ {printf "%s %s kB  ", $1, $2}' "/proc/$pid/status"; echo; }
echo "before: $(rss)"
cat > "$dir/login.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.body = "email=volunteer%40tam.qa&password=not+the+password%21"
local n = 0
request = function()
  n = n + 1
  -- Each request from its own client address (the proxy's last X-Forwarded-For entry).
  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  return wrk.format(nil, "/api/login")
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, p50 %.0f ms, p99 %.0f ms, max %.0f ms\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
wrk -t2 -c"$conns" -d"${secs}s" --timeout 30s -s "$dir/login.lua" "http://127.0.0.1:$port" | tail -n 12
echo "after:  $(rss)"
echo "checked by Argon2 and refused (422): $(grep -c 'login refused' "$dir/log" || true)"
echo "told to come back, hashing saturated (429): $(grep -c 'password hashing saturated' "$dir/log" || true)"
