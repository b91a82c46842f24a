#!/usr/bin/env bash
# Real-browser test: starts `snoei serve` on a demo database on 127.0.0.1 and drives it with
# Debian's Chromium through Selenium (browser_test.py). Needs: chromium, chromium-driver and
# the Python selenium package (.ci/run installs them). Screenshots go to $SNOEI_SCREENSHOTS
# (default .build/screenshots).
set -euo pipefail
cd "$(dirname "$0")/../.."

bin_dir=$(swift build --show-bin-path)
swift build --product snoei 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\] ' || true
snoei="$bin_dir/snoei"
[ -x "$snoei" ] || { echo "snoei binary not found at $snoei" >&2; exit 1; }

work=$(mktemp -d)
shots=${SNOEI_SCREENSHOTS:-$PWD/.build/screenshots}
mkdir -p "$shots"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$snoei" demo --end 2026-11-24 --database "$work/demo.sqlite" > /dev/null
(cd "$work" && exec "$snoei" serve --database "$work/demo.sqlite" --port "$port" --as-of 2026-11-24) > "$work/server.log" 2>&1 &
server_pid=$!

# The server answers once its first analysis is done; in a debug build the purchase-model fit
# takes 10–20 s of CPU, more on a busy machine, so wait up to two minutes.
for _ in $(seq 1 600); do
  if curl -fs "http://127.0.0.1:$port/health" > /dev/null 2>&1; then break; fi
  kill -0 "$server_pid" 2> /dev/null || break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$port/health" > /dev/null || { echo "server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

python3 Tests/browser/browser_test.py "http://127.0.0.1:$port" "$shots"

# Graceful shutdown: SIGTERM ends the server cleanly (exit 0) after closing the database.
kill -TERM "$server_pid"
status=0; wait "$server_pid" || status=$?
server_pid=""
if [ "$status" -ne 0 ]; then echo "server exited with $status after SIGTERM:" >&2; tail -20 "$work/server.log" >&2; exit 1; fi
grep -q "hb.request.path=/customers" "$work/server.log" || { echo "no request log lines" >&2; exit 1; }
echo "browser test passed; screenshots in $shots"
