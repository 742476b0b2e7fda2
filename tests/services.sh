#!/usr/bin/env bash
# Run a command against real PostgreSQL and memcached servers (and Redis, when installed),
# started here on 127.0.0.1 for the duration of the command and stopped afterwards.
#   tests/services.sh .venv/bin/python -m pytest tests/sandbox
# Needs Debian's postgresql and memcached packages (redis-server is optional). Free ports are
# picked each time, so several runs can share a machine; WORKBOOK_TEST_PG_PORT,
# WORKBOOK_TEST_MEMCACHED_PORT and WORKBOOK_TEST_REDIS_PORT choose fixed ones.
set -euo pipefail

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
PG_PORT=${WORKBOOK_TEST_PG_PORT:-$(free_port)}
MEMCACHED_PORT=${WORKBOOK_TEST_MEMCACHED_PORT:-$(free_port)}
REDIS_PORT=${WORKBOOK_TEST_REDIS_PORT:-$(free_port)}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] || ! command -v memcached >/dev/null; then
  echo "services.sh: install PostgreSQL and memcached first (apt-get install postgresql memcached)." >&2
  exit 2
fi

work=$(mktemp -d /tmp/workbook-services.XXXXXX)
as_service() {  # PostgreSQL refuses to run as root
  if [ "$(id -u)" = 0 ]; then (cd "$work" && runuser -u postgres -- "$@"); else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; fi

stop() {
  status=$?
  as_service "$pg_bin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  for pid in ${memcached_pid:-} ${redis_pid:-}; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
  exit "$status"
}
trap stop EXIT

wait_for_port() {  # name port pid
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then break; fi
    sleep 0.05
  done
  echo "services.sh: $1 did not start on 127.0.0.1:$2." >&2
  exit 2
}

as_service "$pg_bin/initdb" -D "$work/pg" -U workbook -A trust --no-sync >/dev/null
if ! as_service "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w start \
  -o "-p $PG_PORT -k $work -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null; then
  echo "services.sh: PostgreSQL did not start:" >&2
  cat "$work/pg.log" >&2
  exit 2
fi
memcached -l 127.0.0.1 -p "$MEMCACHED_PORT" -U 0 -u nobody &
memcached_pid=$!
wait_for_port memcached "$MEMCACHED_PORT" "$memcached_pid"
if command -v redis-server >/dev/null; then
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null &
  redis_pid=$!
  wait_for_port Redis "$REDIS_PORT" "$redis_pid"
  export WORKBOOK_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
fi

export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=workbook
export WORKBOOK_DATABASE=postgresql WORKBOOK_CACHE=memcached
export WORKBOOK_MEMCACHED="127.0.0.1:$MEMCACHED_PORT"
echo "services.sh: PostgreSQL on 127.0.0.1:$PG_PORT, memcached on 127.0.0.1:$MEMCACHED_PORT${WORKBOOK_REDIS_URL:+, Redis on 127.0.0.1:$REDIS_PORT}"
"$@"
