#!/usr/bin/env bash
# Prints what each entry downloads on a first visit (the phone app at /, the console at
# /konsol/, the live quiz's join page at /gabung/<code>, which fails the script over 60 KiB
# brotli), raw, gzip and brotli (the build's .br/.gz copies are what the server sends), and
# the phone's service-worker precache. Then checks that each entry's text stays in its own
# wasm: a console sentence is in the console's and not in the phone's, and the other way round.
# Builds both entries first (scripts/build_web.sh) with --build, or when dist/ lacks one.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--build" ] || [ ! -f dist/index.html ] || [ ! -f dist/konsol/index.html ] || [ ! -f dist/gabung/index.html ]; then
  scripts/build_web.sh
fi
cd dist
row() { printf '%-44s %9d %9d %9d\n' "$1" "$(stat -c%s "$1")" "$(gzip -9c "$1" | wc -c)" "$(brotli -c -q 11 "$1" | wc -c)"; }
sum() {
  local raw=0 gz=0 br=0
  for f in "$@"; do
    raw=$((raw + $(stat -c%s "$f"))); gz=$((gz + $(gzip -9c "$f" | wc -c))); br=$((br + $(brotli -c -q 11 "$f" | wc -c)))
  done
  printf '%-44s %9d %9d %9d\n' "${label:-TOTAL}" "$raw" "$gz" "$br"
}
one() { local m=("$@"); [ "${#m[@]}" -eq 1 ] && [ -f "${m[0]}" ] || { echo "sizes: expected one file for $*" >&2; exit 1; }; echo "${m[0]}"; }
phone_wasm=$(one resapi-*_bg.wasm)
console_wasm=$(one konsol/console-*_bg.wasm)
phone=(index.html "$(one main-*.css)" "$(one resapi-*.js)" "$phone_wasm")
# The lazy routes' loader is imported by the main JS (so it is part of the first visit); their
# wasm chunks are fetched when a lazy screen opens (and precached by the service worker).
[ -f __wasm_split.js ] && phone+=(__wasm_split.js)
shopt -s nullglob
chunks=(split_*.wasm chunk_*.wasm)
shopt -u nullglob
console=(konsol/index.html konsol/main-*.css konsol/console-*.css konsol/console-*.js "$console_wasm")
printf '%-44s %9s %9s %9s\n' "phone app, first visit (bytes)" raw gzip brotli
for f in "${phone[@]}"; do row "$f"; done
label="TOTAL phone first visit" sum "${phone[@]}"
if [ "${#chunks[@]}" -gt 0 ]; then
  printf '\n%-44s %9s %9s %9s\n' "phone lazy chunks (when their screen opens)" raw gzip brotli
  for f in "${chunks[@]}"; do row "$f"; done
  label="TOTAL lazy chunks" sum "${chunks[@]}"
fi
printf '\n%-44s %9s %9s %9s\n' "console /konsol/, first visit (bytes)" raw gzip brotli
for f in "${console[@]}"; do row "$f"; done
label="TOTAL console first visit" sum "${console[@]}"
# The live quiz's light join page (/gabung/<code>, web/gabung/): everything a phone that has
# never opened Resapi downloads to play (besides the unit list of a guest's form, which the
# journey tests/e2e/journeys/live_join.test.mjs counts with the rest). Budget: 60 KiB brotli.
join=(gabung/index.html gabung/gabung.css gabung/gabung.js)
printf '\n%-44s %9s %9s %9s\n' "join page /gabung/<code>, first visit (bytes)" raw gzip brotli
for f in "${join[@]}"; do row "$f"; done
label="TOTAL join page first visit" sum "${join[@]}"
join_br=0
for f in "${join[@]}"; do join_br=$((join_br + $(brotli -c -q 11 "$f" | wc -c))); done
if [ "$join_br" -gt $((60 * 1024)) ]; then
  echo "sizes: the join page is $join_br bytes brotli, over its budget of 60 KiB" >&2; exit 1
fi
echo "join page: $join_br bytes brotli, within its budget of $((60 * 1024))"

mapfile -t precached < <(python3 -c 'import json,re,sys; s=open("sw.js").read(); m=re.search(r"self.__PRECACHE = (\{.*?\});", s); print("\n".join(f.lstrip("/") for f in json.loads(m.group(1))["files"]))')
printf '\n%-44s %9s %9s %9s\n' "phone service worker precache (${#precached[@]} files)" raw gzip brotli
sum "${precached[@]}" sw.js
if printf '%s\n' "${precached[@]}" | grep -q '^konsol/'; then
  echo "sizes: the phone's service worker precaches console files" >&2; exit 1
fi

# One sentence of each entry's own strings (src/console/i18n.rs, src/phone/i18n.rs).
console_text="Konsol ini untuk pelatih dan admin unit"
phone_text="Meresapi nilai BerAKHLAK"
grep -qaF "$console_text" "$console_wasm" || { echo "sizes: console text missing from $console_wasm" >&2; exit 1; }
grep -qaF "$phone_text" "$phone_wasm" || { echo "sizes: phone text missing from $phone_wasm" >&2; exit 1; }
if grep -qaF "$console_text" "$phone_wasm"; then echo "sizes: console text ships to phones ($phone_wasm)" >&2; exit 1; fi
if grep -qaF "$phone_text" "$console_wasm"; then echo "sizes: phone text ships in the console ($console_wasm)" >&2; exit 1; fi
echo
echo "strings: console text only in the console's wasm, phone text only in the phone's"
