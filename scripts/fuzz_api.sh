#!/usr/bin/env bash
# Property-based fuzzing of every operation in the served /api/openapi.json (schemathesis),
# against the real server: the debug binary, a temporary SQLite file, the real content.
# Passes: every operation without a token, then each operation with a valid token of its
# own (so logout, or any operation that ends a session, blinds no other), then each operation
# that needs a role with an admin's token. Checks: no 5xx,
# every status, content type, header and body as documented, and no schema-valid request
# refused. An operation added to docs/openapi.json is fuzzed with no change here.
#
#   scripts/fuzz_api.sh                 # FUZZ_EXAMPLES cases per operation and phase (default 100)
#   FUZZ_SEED=1234 scripts/fuzz_api.sh  # replay a run (the seed is printed)
#   FUZZ_JOBS=1 scripts/fuzz_api.sh     # one pass at a time (default 2 side by side)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

bin="${RESAPI_SERVER_BIN:-$CARGO_TARGET_DIR/debug/resapi-server}"
st="$PWD/tools/venv/bin/schemathesis"
hooks_dir="$PWD/scripts"
examples="${FUZZ_EXAMPLES:-100}"
seed="${FUZZ_SEED:-$(( (RANDOM << 15) | RANDOM ))}"
checks="all"

[ -x "$st" ] || { echo "schemathesis missing: run scripts/setup.sh test" >&2; exit 1; }
[ -x "$bin" ] || { echo "server binary missing: cargo build -p resapi-server" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/resapi-fuzz-XXXXXX")"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  if [ -n "${FUZZ_KEEP:-}" ]; then echo "fuzz: logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# No built app (--dist points nowhere): the API is what is fuzzed.
RUST_LOG="${RUST_LOG:-warn}" "$bin" serve --db "$work/resapi.db" --addr "127.0.0.1:$port" \
  --dist "$work/no-app" --content content >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  curl -fsS "$base/api/v1/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done

# A fresh account per pass (NIP serial from the pass number); sets $token and $account.
# Born on the 31st: valid, but outside the document's NIP pattern, so no NIP the fuzzer
# registers can take it first.
sign_up() {
  read -r token account < <(curl -fsS -X POST -H 'content-type: application/json' "$base/api/v1/auth/register" \
    -d "{\"nip\":\"19850331 201001 1 $(printf %03d "$1")\",\"name\":\"Fuzz $1\",\"password\":\"rahasia-fuzz\",\"unit_id\":\"bkn\"}" |
    python3 -c 'import json, sys; a = json.load(sys.stdin); print(a["token"], a["account"]["id"])')
  [ -n "${token:-}" ] || { echo "fuzz: could not register account $1" >&2; exit 1; }
}

jobs_max="${FUZZ_JOBS:-2}"
echo "fuzz: schemathesis $("$st" --version | awk '{print $NF}'), seed $seed, $examples examples per operation and phase, $jobs_max passes at a time, against $base"
mkdir -p "$work/results"
# One pass: its case count and exit status go to results/, its lines are printed at once
# (passes run side by side, FUZZ_JOBS at a time: most of a pass is schemathesis starting up
# and generating, so two use both cores).
run_pass() { # name, extra schemathesis arguments...
  local name="$1"; shift
  local log="$work/$name.log"
  local status=0
  # From the work folder: schemathesis keeps its example database and reports there.
  (cd "$work" && PYTHONPATH="$hooks_dir" SCHEMATHESIS_HOOKS=fuzz_api_hooks FUZZ_BASE_URL="$base" \
    FUZZ_ACCOUNT_ID="${account:-}" "$st" run "$base/api/openapi.json" --checks "$checks" --exclude-checks "${exclude:-negative_data_rejection}" --max-examples "$examples" \
    --seed "$seed" --no-color --generation-database none --request-timeout 30 "$@") >"$log" 2>&1 || status=$?
  local cases
  cases="$(awk '/^Test cases:/ {getline; print $1; exit}' "$log")"
  echo "${cases:-0} $status" >"$work/results/$name"
  if [ "$status" -eq 0 ]; then
    echo "fuzz: $name: ${cases:-?} cases, no failure"
  else
    { echo "fuzz: $name: FAILED (exit $status); schemathesis output:"
      if grep -q 'FAILURES\|ERRORS' "$log"; then sed -n '/FAILURES\|ERRORS/,$p' "$log"; else cat "$log"; fi
    } >"$work/$name.report"
    cat "$work/$name.report"
  fi
}
running=() # the passes' process ids
start_pass() { # as run_pass, in the background once fewer than FUZZ_JOBS run
  while [ "${#running[@]}" -ge "$jobs_max" ]; do
    wait -n "${running[@]}" 2>/dev/null || true
    local alive=() pid
    for pid in "${running[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    running=("${alive[@]}")
  done
  run_pass "$@" &
  running+=("$!")
}

start_pass "without a token"
# With a token: one pass per operation, each with a fresh account, so an operation that ends
# its token (logout, or any added later) cannot blind the others.
pass=0
for operation in $(curl -fsS "$base/api/openapi.json" |
  python3 -c 'import json, sys; print(" ".join(o["operationId"] for p in json.load(sys.stdin)["paths"].values() for o in p.values()))'); do
  pass=$(( pass + 1 ))
  sign_up "$pass"
  start_pass "$operation with a token" -H "Authorization: Bearer $token" --include-operation-id "$operation"
done

# As an admin: the operations that need a role (the admin API, a unit's figures, the live
# quiz's host side, competitions and recognitions) get past the role check only with one, so their bodies and parameters are fuzzed with an admin's token
# too (granted by the command line, as an agency's first admin is).
for operation in $(curl -fsS "$base/api/openapi.json" |
  python3 -c 'import json, sys; print(" ".join(o["operationId"] for path, p in json.load(sys.stdin)["paths"].items() for o in p.values() if path.startswith(("/api/v1/admin", "/api/v1/units/", "/api/v1/live/", "/api/v1/competitions", "/api/v1/recognitions"))))'); do
  pass=$(( pass + 1 ))
  sign_up "$pass"
  RUST_LOG=error "$bin" grant-role --db "$work/resapi.db" --nip "19850331 201001 1 $(printf %03d "$pass")" --role admin >/dev/null
  # Not "every schema-valid request is accepted" here: a roster file's rows, a new unit's
  # code, a move that would make a cycle, or live quiz settings asking more questions than
  # the content has are judged beyond any schema (400/422/409 with a reason). Still checked: no 5xx, every status, header and body as documented.
  exclude=negative_data_rejection,positive_data_acceptance \
    start_pass "$operation as an admin" -H "Authorization: Bearer $token" --include-operation-id "$operation"
done

wait "${running[@]}" 2>/dev/null || true
total_cases=0
failed=0
for result in "$work"/results/*; do
  read -r cases status <"$result"
  total_cases=$(( total_cases + cases ))
  [ "$status" -eq 0 ] || failed=1
done
[ "$(ls "$work/results" | wc -l)" -eq "$(( pass + 1 ))" ] || { echo "fuzz: a pass left no result" >&2; failed=1; }

# A caught panic answers a JSON 500 (seen above); this catches one in a background task.
if grep -q 'panicked' "$work/server.log"; then
  failed=1
  echo "fuzz: the server panicked:"
  grep -A3 'panicked' "$work/server.log" | head -20
fi
if [ "$failed" -eq 0 ]; then
  echo "fuzz: $total_cases cases over $pass operations: 0 failures (seed $seed)"
else
  echo "fuzz: $total_cases cases over $pass operations: FAILURES (replay with FUZZ_SEED=$seed)"
  exit 1
fi
