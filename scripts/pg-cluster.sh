#!/usr/bin/env bash
# Starts (or stops) a private PostgreSQL cluster in a folder, as a non-root user.
#   pg-cluster.sh start DIR [PORT]   prints the port it listens on (idempotent: reuses a running cluster);
#                                    PG_SERVER_OPTIONS adds server settings (-c name=value ...)
#   pg-cluster.sh stop DIR
# initdb refuses to run as root, so as root the server runs as $PG_RUNAS (default: postgres).
set -euo pipefail
action=${1:?usage: pg-cluster.sh start|stop DIR [PORT]}
base=${2:?usage: pg-cluster.sh start|stop DIR [PORT]}
port=${3:-}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || { echo "pg-cluster: no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 1; }

runas=()
if [ "$(id -u)" = 0 ]; then
  pg_user=${PG_RUNAS:-postgres}
  id -u "$pg_user" >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin "$pg_user"
  runas=(runuser -u "$pg_user" --)
fi

if [ "$action" = stop ]; then
  [ -f "$base/data/postmaster.pid" ] && "${runas[@]}" "$pgbin/pg_ctl" -D "$base/data" -m fast -w stop >/dev/null || true
  exit 0
fi

mkdir -p "$base/data" "$base/sock"
chmod 700 "$base/data"
[ "$(id -u)" = 0 ] && chown -R "$pg_user": "$base"
if "${runas[@]}" "$pgbin/pg_ctl" -D "$base/data" status >/dev/null 2>&1; then
  cat "$base/port"; exit 0
fi
[ -f "$base/data/PG_VERSION" ] || "${runas[@]}" "$pgbin/initdb" -D "$base/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
if [ -z "$port" ]; then
  if [ -f "$base/port" ]; then port=$(cat "$base/port"); else
    port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()')
  fi
fi
extra=()
[ "${PG_FAST_UNSAFE:-0}" = 1 ] && extra=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
# Server settings for this start, e.g. PG_SERVER_OPTIONS="-c shared_buffers=4GB" (applied at every start, not stored).
read -r -a server_options <<< "${PG_SERVER_OPTIONS:-}"
extra+=("${server_options[@]}")
"${runas[@]}" "$pgbin/pg_ctl" -D "$base/data" -l "$base/pg.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $base/sock -c max_connections=200 ${extra[*]}" start >/dev/null
echo "$port" > "$base/port"
echo "$port"
