#!/usr/bin/env bash
# The server benchmark (not a test): PutRecord and GetRecords per second over HTTP on loopback, for
# `kinesis-console serve` (release build) and kinesalite (npm, tools/clients-js) run side by side in the same run,
# with one client setup (benches/server.mjs: Node's http, keep-alive, 8 requests in flight, 100-byte records,
# GetRecords of up to 100 records). Prints each server's figures and the ratio.
#
#   ./scripts/bench-server.sh            # PUTS=5000 GETS=2000 CONCURRENCY=8 by default
#
# The playground runs with --clock manual and `sim throttling off`, so its per-shard limits (which kinesalite does
# not have) do not cap the figures; it does the same work otherwise (validation, sequence numbers, metering).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d tools/clients-js/node_modules/kinesalite ] || (cd tools/clients-js && npm ci --no-audit --no-fund --silent)
cargo build --release --bin kinesis-console --quiet

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_up() { for _ in $(seq 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no server at $1" >&2; exit 1; }

ours=$(free_port)
target/release/kinesis-console serve --port "$ours" --clock manual --create-delay 0s >/dev/null &
pids+=($!)
wait_up "http://127.0.0.1:$ours/_playground/"
curl -s -o /dev/null -d '{"line": "sim throttling off"}' "http://127.0.0.1:$ours/_playground/console"

theirs=$(free_port)
node tools/clients-js/node_modules/kinesalite/cli.js --port "$theirs" --createStreamMs 0 --shardLimit 100 >/dev/null &
pids+=($!)
wait_up "http://127.0.0.1:$theirs/"

a=$(node benches/server.mjs "http://127.0.0.1:$ours" kinesis-playground)
b=$(node benches/server.mjs "http://127.0.0.1:$theirs" kinesalite)
echo "$a"
echo "$b"
python3 - "$a" "$b" <<'PY'
import json, sys
a, b = (json.loads(x) for x in sys.argv[1:])
print("PutRecord/s: %d vs %d (%.1fx); GetRecords/s: %d vs %d (%.1fx)" % (
    a["put_per_s"], b["put_per_s"], a["put_per_s"] / b["put_per_s"],
    a["get_per_s"], b["get_per_s"], a["get_per_s"] / b["get_per_s"]))
PY
