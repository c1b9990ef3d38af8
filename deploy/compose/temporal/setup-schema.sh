#!/bin/sh
# One-shot job (temporalio/admin-tools): creates Temporal's databases when missing and brings
# their schemas up to the server version of this image. Safe to run again: a database that exists
# is kept, and a schema already at this version is left as it is.
# Connection: SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER and SQL_PASSWORD from the environment.
set -eu
: "${SQL_HOST:?SQL_HOST is required}"
: "${SQL_USER:?SQL_USER is required}"
SCHEMA_DIR=${SCHEMA_DIR:-/etc/temporal/schema/postgresql/v12}

for db in temporal temporal_visibility; do
  case "$db" in
    temporal) versioned="$SCHEMA_DIR/temporal/versioned" ;;
    *) versioned="$SCHEMA_DIR/visibility/versioned" ;;
  esac
  if temporal-sql-tool --db "$db" create-database >/dev/null 2>&1; then
    echo "database $db created"
  else
    echo "database $db exists (or cannot be created: setup-schema will say which)"
  fi
  temporal-sql-tool --db "$db" setup-schema -v 0.0
  temporal-sql-tool --db "$db" update-schema -d "$versioned"
done
echo "Temporal schema is up to date"
