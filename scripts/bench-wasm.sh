#!/usr/bin/env bash
# The engine in headless Chromium beside the engine natively, in one run (issue #11): builds examples/bench_wasm.rs
# twice, for the page (the release profile exactly as shipped, then wasm-bindgen and wasm-opt with the flags Trunk
# takes from index.html) and natively (the bench profile, as benches/engine.rs), and runs e2e/bench-wasm.mjs, which
# alternates rounds of the two and prints one line per measurement and the worst slowdown last.
# Not part of scripts/test.sh (a benchmark has no pass/fail line).
#
#   ./scripts/bench-wasm.sh [rounds]        (default 7, after one warm-up round on each side)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
[ -d tools/node_modules/playwright-core ] || ./scripts/setup.sh
command -v wasm-bindgen >/dev/null || ./scripts/setup.sh

# wasm-opt's level and parameters as the page's build uses them (index.html's rust link).
rust_link=$(grep -o '<link data-trunk rel="rust"[^>]*>' index.html)
opt_level=$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' <<<"$rust_link")
opt_params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' <<<"$rust_link")

out=target/bench-wasm
mkdir -p "$out"
echo "building the wasm side (release profile, wasm32) and the native side (bench profile)" >&2
cargo build --quiet --release --target wasm32-unknown-unknown --example bench_wasm
cargo build --quiet --profile bench --example bench_wasm
# As Trunk 0.21 runs them for the page (src/pipelines/rust/mod.rs): wasm-bindgen --target=web --no-typescript, then
# wasm-opt --output=... -O<level> <input> <params>.
wasm-bindgen --target=web --out-dir="$out" --out-name=bench_wasm --no-typescript \
  target/wasm32-unknown-unknown/release/examples/bench_wasm.wasm
if [ -n "$opt_level" ] && [ "$opt_level" != 0 ]; then
  # shellcheck disable=SC2086 # the parameters are words
  wasm-opt --output="$out/bench_wasm_bg.opt.wasm" "-O$opt_level" "$out/bench_wasm_bg.wasm" $opt_params
  mv "$out/bench_wasm_bg.opt.wasm" "$out/bench_wasm_bg.wasm"
fi
export BENCH_WASM_BUILD="wasm-bindgen $(wasm-bindgen --version | cut -d' ' -f2), wasm-opt -O$opt_level $opt_params"
node e2e/bench-wasm.mjs "$out" target/release/examples/bench_wasm "$@"
