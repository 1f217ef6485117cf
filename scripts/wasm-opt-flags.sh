# shellcheck shell=bash
# The wasm-opt flags of the page's release build, in one place: scripts/split-wasm.sh (Trunk's post_build hook, which
# runs wasm-opt itself, so index.html turns Trunk's own pass off) shrinks the page's modules with them, and
# scripts/bench-wasm.sh builds the engine benchmark with the main module's, so that it measures the engine as shipped.
WASM_OPT_MAIN=(-Oz --low-memory-unused --zero-filled-memory --converge)
WASM_OPT_PART=(-Oz --converge)
