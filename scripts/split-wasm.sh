#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): cuts the page's deferred parts (src/parts.rs) out of the wasm binary.
#
# Trunk has built the page with `--features split` (index.html), run wasm-bindgen on the whole binary and staged
# kinesis-playground-<hash>.js and _bg.wasm. This script starts again from cargo's binary (linked with
# --emit-relocs, .cargo/config.toml): wasm-split-cli (crate wasm_split_cli_support) writes the main module, one
# module per part (split_<part>.wasm, and chunk_<n>.wasm for code parts share) and their loader; wasm-bindgen then turns the main module
# into the staged file names (keeping the exports the parts link against), and in release builds wasm-opt
# shrinks each module as Trunk would have. The page's first fetch is the main module; the parts come later.
set -euo pipefail
staging=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
profile=${TRUNK_PROFILE:-debug}
root=$(cd "$(dirname "$0")/.." && pwd)
raw="$root/target/wasm32-unknown-unknown/$profile/kinesis-playground.wasm"
shopt -s nullglob
staged=("$staging"/kinesis-playground-*_bg.wasm)
[ "${#staged[@]}" -eq 1 ] || { echo "split-wasm: expected one staged kinesis-playground-*_bg.wasm in $staging" >&2; exit 1; }
name=$(basename "${staged[0]}" _bg.wasm)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

wasm-split-cli "$raw" "$work/split" --target web --out-name "$name"
wasm-bindgen --target=web --no-typescript --keep-lld-exports --out-dir="$work/bindgen" --out-name="$name" \
  "$work/split/$name.wasm"
# Every file gets the build's hashed name in front (split_console.wasm -> <name>_split_console.wasm, the loader
# <name>_split.js), so that a browser never pairs a cached part with a newer main module.
parts=()
for part in "$work"/split/*.wasm; do
  [ "$(basename "$part")" = "$name.wasm" ] || parts+=("$(basename "$part")")
done
loader="$work/split/__wasm_split.js"
for part in "${parts[@]}"; do
  sed -i "s#\"./$part\"#\"./${name}_$part\"#" "$loader"
done
cp "$loader" "$staging/${name}_split.js"
sed "s#from \"./__wasm_split.js\"#from \"./${name}_split.js\"#g" "$work/bindgen/$name.js" >"$staging/$name.js"
grep -q "${name}_split.js" "$staging/$name.js" || { echo "split-wasm: the wasm-bindgen module does not import the loader" >&2; exit 1; }
if [ "$profile" = release ]; then
  # index.html keeps Trunk's own wasm-opt pass off; the flags are in scripts/wasm-opt-flags.sh.
  source "$root/scripts/wasm-opt-flags.sh"
  wasm-opt "${WASM_OPT_MAIN[@]}" "$work/bindgen/${name}_bg.wasm" -o "$staging/${name}_bg.wasm"
  for part in "${parts[@]}"; do
    wasm-opt "${WASM_OPT_PART[@]}" "$work/split/$part" -o "$staging/${name}_$part"
  done
else
  cp "$work/bindgen/${name}_bg.wasm" "$staging/${name}_bg.wasm"
  for part in "${parts[@]}"; do
    cp "$work/split/$part" "$staging/${name}_$part"
  done
fi
echo "split-wasm: $name: main module and ${#parts[@]} deferred modules (${parts[*]})"
