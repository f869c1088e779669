# Shared settings for the scripts: one target dir outside the clone, so every fresh clone
# on the same machine builds incrementally.
# tools/node_modules/.bin first: its wasm-opt (binaryen 132) replaces Debian's older one.
_resapi_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_resapi_root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/resapi/target}"
