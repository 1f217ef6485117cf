#!/usr/bin/env bash
# The engine in headless Chromium beside the engine natively, in one run (issue #11): builds examples/bench_wasm.rs
# twice, for the page (the release profile exactly as shipped, then wasm-bindgen and wasm-opt with the flags the
# page's build runs on its main module, scripts/wasm-opt-flags.sh) and natively (the bench profile, as
# benches/engine.rs), and runs e2e/bench-wasm.mjs, which alternates rounds of the two and prints one line per
# measurement and the worst slowdown last.
# Not part of scripts/test.sh (a benchmark has no pass/fail line).
#
#   ./scripts/bench-wasm.sh [rounds]        (default 7, after one warm-up round on each side)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
[ -d tools/node_modules/playwright-core ] || ./scripts/setup.sh
command -v wasm-bindgen >/dev/null || ./scripts/setup.sh

# wasm-opt's flags as the page's build runs them on its main module, where the engine is (scripts/split-wasm.sh).
source scripts/wasm-opt-flags.sh

out=target/bench-wasm
mkdir -p "$out"
echo "building the wasm side (release profile, wasm32) and the native side (bench profile)" >&2
cargo build --quiet --release --target wasm32-unknown-unknown --example bench_wasm
cargo build --quiet --profile bench --example bench_wasm
# As scripts/split-wasm.sh runs them for the page: wasm-bindgen --target=web --no-typescript, then wasm-opt.
wasm-bindgen --target=web --out-dir="$out" --out-name=bench_wasm --no-typescript \
  target/wasm32-unknown-unknown/release/examples/bench_wasm.wasm
wasm-opt "${WASM_OPT_MAIN[@]}" "$out/bench_wasm_bg.wasm" -o "$out/bench_wasm_bg.opt.wasm"
mv "$out/bench_wasm_bg.opt.wasm" "$out/bench_wasm_bg.wasm"
export BENCH_WASM_BUILD="wasm-bindgen $(wasm-bindgen --version | cut -d' ' -f2), wasm-opt ${WASM_OPT_MAIN[*]}"
node e2e/bench-wasm.mjs "$out" target/release/examples/bench_wasm "$@"
