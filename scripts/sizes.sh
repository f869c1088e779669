#!/usr/bin/env bash
# Prints what a phone downloads: the first visit before home is usable, and the service
# worker's precache, raw, gzip and brotli (the build's .br/.gz copies are what the server sends).
set -euo pipefail
cd "$(dirname "$0")/../dist"
row() { printf '%-44s %9d %9d %9d\n' "$1" "$(stat -c%s "$1")" "$(gzip -9c "$1" | wc -c)" "$(brotli -c -q 11 "$1" | wc -c)"; }
sum() {
  local raw=0 gz=0 br=0
  for f in "$@"; do
    raw=$((raw + $(stat -c%s "$f"))); gz=$((gz + $(gzip -9c "$f" | wc -c))); br=$((br + $(brotli -c -q 11 "$f" | wc -c)))
  done
  printf '%-44s %9d %9d %9d\n' "TOTAL" "$raw" "$gz" "$br"
}
first=(index.html main-*.css resapi-*.js resapi-*_bg.wasm)
printf '%-44s %9s %9s %9s\n' "first visit (bytes)" raw gzip brotli
for f in "${first[@]}"; do row "$f"; done
sum "${first[@]}"
mapfile -t precached < <(python3 -c 'import json,re,sys; s=open("sw.js").read(); m=re.search(r"self.__PRECACHE = (\{.*?\});", s); print("\n".join(f.lstrip("/") for f in json.loads(m.group(1))["files"]))')
printf '\n%-44s %9s %9s %9s\n' "service worker precache (${#precached[@]} files)" raw gzip brotli
sum "${precached[@]}" sw.js
