#!/usr/bin/env bash
# Browser benchmark: builds the release site, serves it on a free local port, and runs e2e/bench.mjs against it.
# Not part of scripts/test.sh (a benchmark has no pass/fail line); prints a table of measurements.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
[ -d tools/node_modules/playwright-core ] || ./scripts/setup.sh
trunk build --release
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "http://127.0.0.1:$port/" 2>/dev/null && break
  sleep 0.1
done
node e2e/bench.mjs "http://127.0.0.1:$port/"
