#!/usr/bin/env bash
# Builds both entries of the web app (release): the phone app into dist/ (with its service
# worker, Trunk.toml) and then the console into dist/konsol/ (Trunk.console.toml). The order
# matters: trunk empties dist/ when it builds the phone app. Used by run.sh, test.sh and
# sizes.sh; extra arguments go to both trunk runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release "$@"
trunk build --release --config Trunk.console.toml "$@"
