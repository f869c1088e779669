#!/usr/bin/env bash
# Command 1: build everything and run Resapi on http://127.0.0.1:8080 (RESAPI_ADDR to change).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh build
echo "[run] building the web app: the phone app and the console (release)…"
scripts/build_web.sh
echo "[run] building the server (release)…"
cargo build --release -p resapi-server
exec "$CARGO_TARGET_DIR/release/resapi-server" serve --dist dist --content content "$@"
