#!/usr/bin/env bash
# Runs every check the project has, in order, stopping at the first failure:
# formatting, clippy (native and wasm32), native tests, browser tests (wasm-bindgen-test in headless Chromium),
# the release build with its size budget, and the end-to-end checks against the release build served from a
# sub-path. Installs what is missing first (scripts/setup.sh). The last line is the e2e summary: `N passed, M failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# npm binaryen's wasm-opt (version 132) must come before any other wasm-opt for Trunk's release build.
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

BUNDLE_BUDGET_BYTES=$((400 * 1024)) # what the page loads before first interaction (wasm, JS, CSS), gzip -9
# The deferred parts (src/parts.rs: the command interpreter, JMESPath) are fetched on the first key or pointer press,
# so they are not in that figure; the bundle step lists them apart.

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --all-targets -- -D warnings (native)"
cargo clippy --all-targets -- -D warnings

step "cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings"
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
step "cargo clippy --target wasm32-unknown-unknown --features split --bins -- -D warnings (the page's build)"
cargo clippy --target wasm32-unknown-unknown --features split --bins -- -D warnings

step "cargo test (native)"
cargo test

step "cargo test --target wasm32-unknown-unknown (headless Chromium)"
# chromedriver leaves each Chromium profile (about 55 MB) in TMPDIR when wasm-bindgen-test-runner stops it: give it a
# folder of its own and remove it afterwards, so that runs do not fill the disk.
browser_tmp=$(mktemp -d)
trap 'rm -rf "$browser_tmp"' EXIT
TMPDIR="$browser_tmp" cargo test --target wasm32-unknown-unknown
rm -rf "$browser_tmp"
trap - EXIT

step "trunk build --release"
trunk build --release

step "code kept out of the page's wasm (scripts/wasm_sizes.py; use src/lean instead)"
# core's f64 parser and std's sorts (BTreeMap collects sort too) cost about 30 KB gzip, core's f64 formatting (Grisu,
# Dragon4: `{}`, `{:.N}`, `{:e}` of an f64) about 8 KB; src/lean replaces them (lean::parse_f64, sort, Shortest, Fixed).
python3 scripts/wasm_sizes.py target/wasm32-unknown-unknown/release/kinesis-playground.wasm \
  --forbid dec2flt --forbid "core::slice::sort::" --forbid bulk_build_from_sorted_iter \
  --forbid flt2dec --forbid "core::fmt::float::"

step "release bundle size"
# Before first interaction: the main module, the JS (wasm-bindgen's module, the parts' loader, boot.js) and the CSS.
# After it: the deferred parts (*_split_*.wasm, *_chunk_*.wasm), listed apart.
total=0
for f in dist/*.wasm dist/*.js dist/*.css; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9c "$f" | wc -c)
  case "$f" in
  *_split_*.wasm | *_chunk_*.wasm) printf '%-48s %9d B raw %9d B gzip -9 (deferred part)\n' "${f#dist/}" "$raw" "$gz" ;;
  *)
    total=$((total + gz))
    printf '%-48s %9d B raw %9d B gzip -9\n' "${f#dist/}" "$raw" "$gz"
    ;;
  esac
done
printf 'before first interaction, gzip -9: %d B (budget %d B)\n' "$total" "$BUNDLE_BUDGET_BYTES"
if [ "$total" -gt "$BUNDLE_BUDGET_BYTES" ]; then
  echo "test: the page is $((total - BUNDLE_BUDGET_BYTES)) B over its ${BUNDLE_BUDGET_BYTES} B budget" >&2
  exit 1
fi

step "end-to-end checks (release build served from a sub-path)"
site=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$site"
}
trap cleanup EXIT
mkdir "$site/kinesis-playground"
cp -R dist/. "$site/kinesis-playground/"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >"$site/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port/kinesis-playground/"
for _ in $(seq 100); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "$base" 2>/dev/null && break
  sleep 0.1
done
# e2e/checks/15-weight.mjs weighs everything the page fetches before first interaction (index.html and the favicon
# too) against the same budget.
E2E_BASE_URL="$base" node e2e/run.mjs
