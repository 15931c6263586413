#!/usr/bin/env bash
# Start a throwaway local PostgreSQL for the test suite and print its URL.
# Installs the Debian package when no server binaries are found. Safe to run twice.
set -euo pipefail
PORT="${SAUTI_PG_PORT:-55432}"
DIR="${SAUTI_PG_DIR:-/tmp/sauti-pg}"

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}
BIN="$(find_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
  echo "installing PostgreSQL (Debian package)..." >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi

# PostgreSQL refuses to run as root: use the postgres account when we are root.
run() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

if ! run "$BIN/pg_ctl -D $DIR status" >/dev/null 2>&1; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    run "$BIN/initdb -D $DIR -U postgres -A trust" >/dev/null
  fi
  run "$BIN/pg_ctl -D $DIR -o '-p $PORT -k /tmp -c fsync=off -c max_connections=200' -l $DIR/server.log -w start" >/dev/null
fi
echo "postgresql+asyncpg://postgres@127.0.0.1:$PORT/postgres"
