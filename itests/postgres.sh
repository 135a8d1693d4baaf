#!/usr/bin/env bash
# Makes sure the PostgreSQL the tests use is installed, running on 127.0.0.1:5432, and has the test role and
# database (gatehouse / gatehouse, database gatehouse_test). Idempotent; needs root (or sudo) for apt and su.
# Tests read GATEHOUSE_PG_URL, GATEHOUSE_PG_USER and GATEHOUSE_PG_PASSWORD to use another server instead.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "installing PostgreSQL from Debian's packages..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  as_root pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
pg_isready -h 127.0.0.1 -p 5432

psql_admin() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtA -c \"$1\""; }
[ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'gatehouse'")" = 1 ] \
  || psql_admin "CREATE ROLE gatehouse LOGIN PASSWORD 'gatehouse'"
[ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = 'gatehouse_test'")" = 1 ] \
  || psql_admin "CREATE DATABASE gatehouse_test OWNER gatehouse"
echo "PostgreSQL $version ready: gatehouse@127.0.0.1:5432/gatehouse_test"
