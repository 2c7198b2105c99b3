#!/usr/bin/env bash
# First-start initialisation of the postgres:16 container (mounted into /docker-entrypoint-initdb.d,
# run once, when the data volume is empty). Does what the launcher's DatabaseBootstrap does:
#   - one LOGIN role per service (gateway, listings, matching, billing) with its password,
#   - one schema per service owned by its role, closed to everyone else,
#   - no CREATE on schema public, CONNECT/TEMPORARY on the database only for the four roles,
#   - extensions unaccent and pg_trgm in schema public (needed by the listings' first migration).
# Passwords come from PUPITRE_DB_PASSWORD_<ROLE>; psql quotes them (:'var' and format('%L')).
# Re-running it is harmless (roles get their password reset).
set -euo pipefail

: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=pupitre}"
for role in GATEWAY LISTINGS MATCHING BILLING; do
    var="PUPITRE_DB_PASSWORD_${role}"
    if [[ -z "${!var:-}" ]]; then
        echo "init-roles.sh: ${var} is not set" >&2
        exit 1
    fi
done

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v db="$POSTGRES_DB" \
    -v pw_gateway="$PUPITRE_DB_PASSWORD_GATEWAY" \
    -v pw_listings="$PUPITRE_DB_PASSWORD_LISTINGS" \
    -v pw_matching="$PUPITRE_DB_PASSWORD_MATCHING" \
    -v pw_billing="$PUPITRE_DB_PASSWORD_BILLING" <<'SQL'
BEGIN;

CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec

CREATE TEMPORARY TABLE service_role (name text PRIMARY KEY, password text NOT NULL);
INSERT INTO service_role VALUES
    ('gateway', :'pw_gateway'),
    ('listings', :'pw_listings'),
    ('matching', :'pw_matching'),
    ('billing', :'pw_billing');

SELECT format(CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.name)
                   THEN 'ALTER ROLE %I WITH LOGIN PASSWORD %L'
                   ELSE 'CREATE ROLE %I WITH LOGIN PASSWORD %L' END, r.name, r.password)
  FROM service_role r ORDER BY r.name \gexec

SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', r.name, r.name),
       format('ALTER SCHEMA %I OWNER TO %I', r.name, r.name),
       format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', r.name),
       format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'db', r.name)
  FROM service_role r ORDER BY r.name \gexec

DROP TABLE service_role;
COMMIT;
SQL

echo "init-roles.sh: roles, schemas and extensions ready in database ${POSTGRES_DB}"
