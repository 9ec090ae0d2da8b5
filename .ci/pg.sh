#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL 15 cluster: .ci/pg.sh <command...>
# The cluster lives in a temporary directory, listens only on a local socket, and is removed on exit.
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL binaries not found (set PGBIN)" >&2; exit 3; }
PGTMP=$(mktemp -d /tmp/saferplace-pg.XXXXXX)
RUNAS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown -R postgres "$PGTMP"
  RUNAS=(runuser -u postgres --)
fi
cleanup() { "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGTMP"; }
trap cleanup EXIT
"${RUNAS[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U saferplace --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -o "-k $PGTMP -c listen_addresses='' -c fsync=off -c full_page_writes=off" -l "$PGTMP/log" -w start >/dev/null
"${RUNAS[@]}" "$PGBIN/createdb" -h "$PGTMP" -U saferplace saferplace
export DATABASE_URL="postgres://saferplace@/saferplace?host=$PGTMP"
"$@"
