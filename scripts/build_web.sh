#!/usr/bin/env bash
# Builds both entries of the web app (release): the phone app into dist/ (with its service
# worker, Trunk.toml) and then the console into dist/konsol/ (Trunk.console.toml). The order
# matters: trunk empties dist/ when it builds the phone app. Used by run.sh, test.sh and
# sizes.sh; extra arguments go to both trunk runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# The phone app's wasm is split at its lazy routes: scripts/wasm-split/wasm-bindgen stands in
# for wasm-bindgen (it needs wasm-split-cli, installed by scripts/setup.sh).
PATH="$PWD/scripts/wasm-split:$PATH" trunk build --release "$@"
trunk build --release --config Trunk.console.toml "$@"
