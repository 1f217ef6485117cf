#!/usr/bin/env bash
# Builds the playground (release: what a learner should see, fast and small) and serves it at http://127.0.0.1:8080, rebuilding when a source file changes.
# Installs what is missing first (scripts/setup.sh). Extra arguments go to `trunk serve`.
#
# --no-autoreload: Trunk's live-reload client is an inline <script>, which the page's Content-Security-Policy
# (index.html) rightly blocks; reload the browser tab yourself after a rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
echo "serve: http://127.0.0.1:8080/"
exec trunk serve --release --address 127.0.0.1 --port 8080 --no-autoreload "$@"
