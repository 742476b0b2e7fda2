#!/usr/bin/env bash
# Run a command against real PostgreSQL and memcached servers (and Redis, when installed),
# started here on 127.0.0.1 for the duration of the command and stopped afterwards.
#   tests/services.sh .venv/bin/python -m pytest tests/sandbox
# Needs Debian's postgresql and memcached packages (redis-server is optional).
set -euo pipefail

PG_PORT=${WORKBOOK_TEST_PG_PORT:-54329}
MEMCACHED_PORT=${WORKBOOK_TEST_MEMCACHED_PORT:-11311}
REDIS_PORT=${WORKBOOK_TEST_REDIS_PORT:-6389}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] || ! command -v memcached >/dev/null; then
  echo "services.sh: install PostgreSQL and memcached first (apt-get install postgresql memcached)." >&2
  exit 2
fi

work=$(mktemp -d /tmp/workbook-services.XXXXXX)
as_service() {  # PostgreSQL refuses to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; fi

stop() {
  as_service "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  [ -n "${memcached_pid:-}" ] && kill "$memcached_pid" 2>/dev/null || true
  [ -n "${redis_pid:-}" ] && kill "$redis_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT

as_service "$pg_bin/initdb" -D "$work/pg" -U workbook -A trust --no-sync >/dev/null
as_service "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w start \
  -o "-p $PG_PORT -k $work -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null
memcached -l 127.0.0.1 -p "$MEMCACHED_PORT" -U 0 -u nobody &
memcached_pid=$!
if command -v redis-server >/dev/null; then
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null &
  redis_pid=$!
  export WORKBOOK_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
fi

export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=workbook
export WORKBOOK_DATABASE=postgresql WORKBOOK_CACHE=memcached
export WORKBOOK_MEMCACHED="127.0.0.1:$MEMCACHED_PORT"
echo "services.sh: PostgreSQL on 127.0.0.1:$PG_PORT, memcached on 127.0.0.1:$MEMCACHED_PORT"
"$@"
