# Shared settings for the scripts: one target dir outside the clone, so every fresh clone
# on the same machine builds incrementally.
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/resapi/target}"
