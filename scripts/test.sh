#!/usr/bin/env bash
# Command 2: every test — lints, core and server tests, the app's tests in Chromium, and the
# end-to-end journeys in Chromium against the real server and the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
start=$(date +%s)
step() { printf '\n\033[1m== %s (%ss)\033[0m\n' "$*" $(( $(date +%s) - start )); }

step "setup"
scripts/setup.sh test

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p resapi --target wasm32-unknown-unknown --all-targets -- -D warnings

step "core and server tests"
cargo test --workspace

step "server tests again, on PostgreSQL (a throw-away cluster, docs/database.md)"
eval "$(scripts/postgres.sh start)"
trap 'scripts/postgres.sh stop "$RESAPI_PG_DIR"' EXIT
RESAPI_TEST_POSTGRES="$RESAPI_TEST_POSTGRES" cargo test -p resapi-server
scripts/postgres.sh stop "$RESAPI_PG_DIR"
trap - EXIT
unset RESAPI_PG_DIR RESAPI_TEST_POSTGRES

step "numbers from the abuse and load tests (login burst, hang-up flood, concurrent syncs)"
# Run again with their output shown: they print what they measured (a few seconds).
cargo test -p resapi-server --test login_limits --test hangup_flood --test concurrency \
  -- --nocapture --test-threads=1 2>&1 | sed -n 's/^test [a-z0-9_]* \.\.\. \(.*[0-9].*\)$/  \1/p'

step "API fuzzing from the OpenAPI document (schemathesis)"
cargo build -p resapi-server
scripts/fuzz_api.sh

step "app tests in Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p resapi --target wasm32-unknown-unknown

step "release build of the app"
scripts/build_web.sh
scripts/sizes.sh

step "end-to-end journeys in Chromium"
cargo build -p resapi-server
(cd tests/e2e && RESAPI_SERVER_BIN="$CARGO_TARGET_DIR/debug/resapi-server" node --test --test-concurrency=1 journeys/)

step "chaos: random events on one phone (signal lost, tabs closed, server killed), nothing lost or doubled"
(cd tests/e2e && CHAOS_EVENTS="${CHAOS_EVENTS:-150}" RESAPI_SERVER_BIN="$CARGO_TARGET_DIR/debug/resapi-server" node chaos/chaos.mjs)

step "benchmark: a slow phone on 3G (numbers, no pass mark)"
(cd tests/e2e && RESAPI_SERVER_BIN="$CARGO_TARGET_DIR/debug/resapi-server" node bench/load.mjs)

step "all tests passed"
