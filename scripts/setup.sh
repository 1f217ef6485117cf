#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently and without prompts.
# Only the crate registry, apt and npm are used: nothing is downloaded from GitHub.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH" DEBIAN_FRONTEND=noninteractive
TRUNK_VER=0.21.14
WB_VER=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print}' Cargo.lock 2>/dev/null || true)
WB_VER=${WB_VER:-0.2.130}
WASM_SPLIT_VER=0.2.4

# One setup at a time (serve.sh and test.sh may start together): a second run waits, then finds everything there.
exec 9>"${TMPDIR:-/tmp}/kinesis-playground-setup.lock"
flock 9

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "setup: installing Debian chromium and chromium-driver"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VER" ]; then
  echo "setup: installing trunk $TRUNK_VER (takes about 10 minutes the first time)"
  cargo install --locked trunk --version "$TRUNK_VER"
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VER" ]; then
  echo "setup: installing wasm-bindgen-cli $WB_VER"
  cargo install --force wasm-bindgen-cli --version "$WB_VER"
fi
# Cuts the page's deferred parts out of its wasm (scripts/split-wasm.sh, Trunk's post_build hook).
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VER:"; then
  echo "setup: installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VER)"
  cargo install --locked --force wasm_split_cli_support --version "$WASM_SPLIT_VER" --features build-binary
fi
# npm ci again when tools/package-lock.json changed since the last install (npm writes node_modules/.package-lock.json).
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -d tools/node_modules/playwright-core ] ||
  [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  echo "setup: installing npm tools (binaryen, playwright-core)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi
