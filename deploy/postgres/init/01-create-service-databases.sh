#!/usr/bin/env bash
# Creates one database and one login role per Tradewire service: the role owns its database and is the
# only non-superuser allowed to connect to it. Idempotent (safe to re-run; passwords are re-applied).
#
# Run by the postgres image from /docker-entrypoint-initdb.d on first start (docker-compose and k8s),
# or by hand:  POSTGRES_USER=postgres INGEST_DB_PASSWORD=... ./01-create-service-databases.sh
# Password for each service comes from <NAME>_DB_PASSWORD (e.g. INGEST_DB_PASSWORD, BROKER_GATEWAY_DB_PASSWORD).
set -euo pipefail

services=(ingest classifier features watchlist signal dispatcher broker_gateway dashboard)

psql_admin=(psql -v ON_ERROR_STOP=1 -X -q --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}")

for name in "${services[@]}"; do
    var="${name^^}_DB_PASSWORD"
    if [[ -z "${!var:-}" ]]; then
        echo "01-create-service-databases: environment variable $var is not set" >&2
        exit 1
    fi
    # The password reaches psql through the environment (\getenv), never the command line.
    TRADEWIRE_DB_PASSWORD="${!var}" "${psql_admin[@]}" -v db="$name" <<'SQL'
\getenv pw TRADEWIRE_DB_PASSWORD
SELECT format('CREATE ROLE %I LOGIN', :'db')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'db') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'db', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'db')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'db', :'db') \gexec
SQL
    echo "01-create-service-databases: database and role '$name' ready"
done
