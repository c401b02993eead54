#!/usr/bin/env bash
# Start a local PostgreSQL 15 cluster and create the test role and database.
#
# Idempotent: safe to run again. Needs root (uses `su postgres`). Installs
# PostgreSQL with apt-get when pg_ctlcluster is missing. Prints the URL to
# export as TRACKER_TEST_POSTGRES_URL.
set -euo pipefail

# Only the export line goes to stdout (callers eval it); every tool's chatter
# (pg_ctlcluster prints "Removed stale pid file", apt-get its progress) goes to stderr.
exec 3>&1 1>&2  # (the server started below must not inherit fd 3, or $(...) never ends)

PG_VERSION="${PG_VERSION:-15}"
PG_CLUSTER="${PG_CLUSTER:-main}"
PG_PORT="${PG_PORT:-5432}"
DB_USER="${DB_USER:-tracker}"
DB_PASSWORD="${DB_PASSWORD:-tracker}"
DB_NAME="${DB_NAME:-tracker_test}"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "pg_ctlcluster not found: installing postgresql with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q postgresql 3>&-
fi

if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {found=1} END {exit !found}'; then
    # A fresh install may ship another major version: use whatever exists.
    PG_VERSION="$(pg_lsclusters -h | awk 'NR==1 {print $1}')"
    PG_CLUSTER="$(pg_lsclusters -h | awk 'NR==1 {print $2}')"
    if [ -z "$PG_VERSION" ]; then
        echo "no PostgreSQL cluster found (pg_lsclusters is empty)" >&2
        exit 1
    fi
fi

if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c && $4=="online" {found=1} END {exit !found}'; then
    if ! pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start 3>&-; then
        # A postmaster killed hard leaves its socket lock behind; with no server
        # running, the lock is stale: remove it and try once more.
        if ! pgrep -f 'bin/postgres -D' >/dev/null; then
            echo "removing stale PostgreSQL socket locks and retrying" >&2
            rm -f /var/run/postgresql/.s.PGSQL.*.lock
        fi
        pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start 3>&-
    fi
fi
PG_PORT="$(pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $3}')"

psql_as_postgres() {
    su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -qAt $*"
}

role_exists="$(psql_as_postgres "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'\"")"
if [ "$role_exists" != "1" ]; then
    psql_as_postgres "-c \"CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'\""
else
    psql_as_postgres "-c \"ALTER ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'\""
fi

db_exists="$(psql_as_postgres "-c \"SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'\"")"
if [ "$db_exists" != "1" ]; then
    psql_as_postgres "-c \"CREATE DATABASE $DB_NAME OWNER $DB_USER\""
fi

URL="postgresql+psycopg://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME"
echo "PostgreSQL $PG_VERSION/$PG_CLUSTER is up. Run:" >&2
echo "export TRACKER_TEST_POSTGRES_URL=$URL" >&3
