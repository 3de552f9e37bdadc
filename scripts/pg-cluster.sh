#!/usr/bin/env bash
# Starts (or stops) a private PostgreSQL cluster in a folder, as a non-root user.
#   pg-cluster.sh start DIR [PORT]   prints the port it listens on (idempotent: reuses a running cluster);
#                                    PG_SERVER_OPTIONS adds server settings (-c name=value ...)
#   pg-cluster.sh stop DIR
# Every connection, TCP or socket, must give a password (scram-sha-256). The superuser's ("postgres") is generated at
# initdb and kept in DIR/password, readable by the calling user alone. A cluster made before (trust) is switched over.
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
chmod 700 "$base/data" "$base/sock"
password_file="$base/password"
if [ ! -s "$password_file" ]; then
  (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 > "$password_file")
fi
chmod 600 "$password_file"
if [ "$(id -u)" = 0 ]; then
  chown "$pg_user": "$base"
  chown -R "$pg_user": "$base/data" "$base/sock"
fi
if "${runas[@]}" "$pgbin/pg_ctl" -D "$base/data" status >/dev/null 2>&1; then
  cat "$base/port"; exit 0
fi
if [ ! -f "$base/data/PG_VERSION" ]; then
  # initdb reads the password from a file the server's user can read; it is removed straight after.
  pwfile=$(mktemp "$base/.initdb-password.XXXXXX")
  cp "$password_file" "$pwfile"
  [ "$(id -u)" = 0 ] && chown "$pg_user": "$pwfile"
  "${runas[@]}" "$pgbin/initdb" -D "$base/data" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  rm -f "$pwfile"
fi
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

# A cluster initialised before passwords were required trusts every local connection: give the superuser its password,
# then require it (the server re-reads pg_hba.conf on reload).
hba="$base/data/pg_hba.conf"
if "${runas[@]}" grep -qE '^[^#].*[[:space:]]trust[[:space:]]*$' "$hba"; then
  PGPASSWORD= "$pgbin/psql" -h "$base/sock" -p "$port" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1 \
    -c "alter role postgres password '$(cat "$password_file")'" >/dev/null
  "${runas[@]}" sed -i -E 's/^([^#].*[[:space:]])trust[[:space:]]*$/\1scram-sha-256/' "$hba"
  "${runas[@]}" "$pgbin/pg_ctl" -D "$base/data" reload >/dev/null
fi
echo "$port"
