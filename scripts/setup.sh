#!/usr/bin/env bash
# Installs what building and testing Resapi needs, skipping whatever is already there.
#   scripts/setup.sh build   wasm target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/setup.sh test    the above, plus Chromium, ChromeDriver, playwright-core, axe-core
#                            and schemathesis (in tools/venv)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# Tools go to ~/.cargo/bin; make sure this shell (and the caller, via source) finds them.
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must be exactly the version in Cargo.lock, or trunk tries to download one.
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  log "installing wasm-bindgen-cli $bindgen_version (a few minutes)"
  # Not --locked: one locked dependency is missing from the registry mirror.
  env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# Splits the phone app's wasm at its lazy routes (scripts/wasm-split/); the same splitter
# cargo-leptos --split uses. About 3 minutes.
if ! command -v wasm-split-cli >/dev/null; then
  log "installing wasm-split-cli (wasm_split_cli_support 0.2.4)"
  env -u CARGO_TARGET_DIR cargo install wasm_split_cli_support --version 0.2.4 --locked --features build-binary
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "0.21.14" ]; then
  log "installing trunk 0.21.14 (10-25 minutes on 2 cores, once per machine)"
  env -u CARGO_TARGET_DIR cargo install trunk --version 0.21.14 --locked
fi

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} from Debian"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# brotli measures what a phone downloads.
apt_install brotli

# wasm-opt (binaryen 132 from npm) shrinks the app by about half. Debian's binaryen 108
# produces a wasm that fails to start (reference types), so it is not used. terser minifies
# the phone's wasm-bindgen glue and split loader (scripts/minify_js.py).
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -x tools/node_modules/.bin/terser ]; then
  log "installing binaryen (wasm-opt) and terser from npm"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$what" = "test" ]; then
  apt_install chromium chromium-driver
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ] \
    || [ ! -d tests/e2e/node_modules/jsqr ]; then
    log "installing playwright-core (drives Debian's Chromium; no browser download), axe-core and jsQR"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
  # schemathesis fuzzes the API from its OpenAPI document (scripts/fuzz_api.sh), in a venv
  # of its own under tools/ so the system Python stays untouched.
  schemathesis_version="4.32.5"
  if [ "$(tools/venv/bin/schemathesis --version 2>/dev/null | awk '{print $NF}')" != "$schemathesis_version" ]; then
    log "installing schemathesis $schemathesis_version from PyPI into tools/venv"
    python3 -m venv tools/venv 2>/dev/null || { apt_install python3-venv && rm -rf tools/venv && python3 -m venv tools/venv; }
    tools/venv/bin/pip install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
  fi
fi
