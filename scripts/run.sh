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
# A first run shows the demo agency: a database that does not exist yet is filled with it
# (docs/demo.md). RESAPI_NO_DEMO=1 starts with an empty database instead. The file is
# RESAPI_DB (as for serve; default data/resapi.db).
db="${RESAPI_DB:-data/resapi.db}"
if [ ! -e "$db" ] && [ "${RESAPI_NO_DEMO:-0}" != 1 ]; then
  echo "[run] $db does not exist yet: filling it with the demo agency (made-up people and a year of records)."
  echo "[run] To start without demo data: delete $db and run RESAPI_NO_DEMO=1 scripts/run.sh"
  "$CARGO_TARGET_DIR/release/resapi-server" demo --db "$db" --content content
fi
exec "$CARGO_TARGET_DIR/release/resapi-server" serve --dist dist --content content "$@"
