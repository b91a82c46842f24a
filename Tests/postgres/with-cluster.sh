#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster: initdb as the postgres user in a
# temporary directory, a server on a free loopback port, a `snoei` role and database; the
# command gets the database's URL in SNOEI_TEST_POSTGRES. The cluster and its files are
# removed afterwards, also when the command fails. Needs root (initdb refuses to run as root,
# so it runs as postgres) and Debian's postgresql package (.ci/run installs it).
#
#   Tests/postgres/with-cluster.sh swift test      # the store tests then run on both databases
set -euo pipefail

[ "$#" -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL not found (looked in /usr/lib/postgresql/*/bin); apt-get install postgresql" >&2; exit 1; }

root=$(mktemp -d /tmp/snoei-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
started=""
cleanup() {
  if [ -n "$started" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$root/data" -m immediate stop > /dev/null 2>&1 || true
  fi
  rm -rf "$root"
}
trap cleanup EXIT

chown postgres:postgres "$root"
echo postgres > "$root/pw"; chown postgres "$root/pw"
runuser -u postgres -- "$pgbin/initdb" -D "$root/data" -U postgres -E UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=scram-sha-256 --pwfile="$root/pw" > "$root/initdb.log" 2>&1 \
  || { cat "$root/initdb.log" >&2; exit 1; }
# fsync off: a throwaway cluster, where speed matters and durability does not.
runuser -u postgres -- "$pgbin/pg_ctl" -D "$root/data" -l "$root/server.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $root -c fsync=off -c max_connections=200" start > /dev/null \
  || { cat "$root/server.log" >&2; exit 1; }
started=1
PGPASSWORD=postgres "$pgbin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
  -c "CREATE ROLE snoei LOGIN PASSWORD 'snoei'" -c "CREATE DATABASE snoei OWNER snoei" > /dev/null

export SNOEI_TEST_POSTGRES="postgres://snoei:snoei@127.0.0.1:$port/snoei"
echo "== PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway cluster in $root)"
set +e
"$@"
status=$?
set -e
exit "$status"
