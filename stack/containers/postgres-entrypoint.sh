#!/bin/sh
# The official postgres image's contract, as far as the suite and Testcontainers use it:
# POSTGRES_USER (default postgres), POSTGRES_PASSWORD (required), POSTGRES_DB (default: the user),
# POSTGRES_HOST_AUTH_METHOD (default scram-sha-256), and arguments that are postgres options ("-c fsync=off") or "postgres" followed by them.
set -eu

if [ "${1:-postgres}" = postgres ]; then
  [ $# -gt 0 ] && shift
elif [ "${1#-}" = "$1" ]; then
  exec "$@"
fi

user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
if [ -z "${POSTGRES_PASSWORD:-}" ]; then
  echo "postgres-entrypoint: POSTGRES_PASSWORD is not set: set it (the server accepts only password logins over TCP)" >&2
  exit 1
fi

quote_literal() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"; }
quote_ident() { printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')"; }

# Single-user mode before the server starts: the role and database exist before anything can
# connect, and the password travels on stdin, never on a command line. fsync is off for this
# step only (a crash here loses a container nobody used yet); FILE_COPY is the quicker way to
# copy a small template database.
{
  [ "$user" = postgres ] || echo "CREATE ROLE $(quote_ident "$user") SUPERUSER LOGIN;"
  echo "ALTER ROLE $(quote_ident "$user") PASSWORD $(quote_literal "$POSTGRES_PASSWORD");"
  [ "$db" = postgres ] || echo "CREATE DATABASE $(quote_ident "$db") OWNER $(quote_ident "$user") STRATEGY FILE_COPY;"
} | postgres --single -D "$PGDATA" -c jit=off -c fsync=off postgres >/tmp/postgres-setup.log 2>&1
# "already exists" is a restarted container: the role and database are there.
if grep -e 'ERROR:' -e 'FATAL:' /tmp/postgres-setup.log | grep -q -v 'already exists'; then
  echo "postgres-entrypoint: setting up user '$user' and database '$db' failed:" >&2
  grep -e 'ERROR:' -e 'FATAL:' /tmp/postgres-setup.log | grep -v -i password >&2 || true
  exit 1
fi
rm -f /tmp/postgres-setup.log

# POSTGRES_HOST_AUTH_METHOD, as in the official image: how connections over the network authenticate (default scram-sha-256).
sed -i "s/^host all all all .*/host all all all ${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}/" "$PGDATA/pg_hba.conf"

exec postgres -D "$PGDATA" -c listen_addresses='*' -c jit=off "$@"
