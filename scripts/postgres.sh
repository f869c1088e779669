#!/usr/bin/env bash
# A throw-away PostgreSQL for the tests. `start` makes a cluster in a new temporary folder,
# starts it on a free port on 127.0.0.1 and prints two shell lines: the folder
# (RESAPI_PG_DIR) and the URL of its `postgres` database (RESAPI_TEST_POSTGRES; the server
# tests create one database per test in it). `stop <folder>` stops the cluster and deletes
# the folder. Debian's `postgresql` package is installed when its server binaries are
# missing. initdb refuses to run as root: as root (CI), the cluster runs as `postgres`.
#
#   eval "$(scripts/postgres.sh start)"
#   RESAPI_TEST_POSTGRES=... cargo test -p resapi-server
#   scripts/postgres.sh stop "$RESAPI_PG_DIR"
set -euo pipefail

bin_dir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

install_postgres() {
  if [ -z "$(bin_dir)" ]; then
    echo "installing Debian's postgresql package" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
  fi
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  install_postgres
  local bin dir port
  bin=$(bin_dir)
  dir=$(mktemp -d /tmp/resapi-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U resapi --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Test settings: no fsync (a throw-away cluster), enough connections for parallel tests.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
    start >/dev/null
  echo "export RESAPI_PG_DIR=$dir"
  echo "export RESAPI_TEST_POSTGRES=postgres://resapi@127.0.0.1:$port/postgres"
}

stop() {
  local dir=${1:?usage: scripts/postgres.sh stop <folder>}
  case "$dir" in /tmp/resapi-pg.*) ;; *) echo "not a test cluster: $dir" >&2; exit 1 ;; esac
  local bin
  bin=$(bin_dir)
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: scripts/postgres.sh start | stop <folder>" >&2; exit 2 ;;
esac
