#!/usr/bin/env bash
# Creates the benchmark database on a PostgreSQL server (default: the machine's, 127.0.0.1:5432, user postgres):
# database pupitre_bench, login role listings_bench owning schema listings, extensions unaccent and pg_trgm
# in schema public (as the real bootstrap does). Idempotent.
set -euo pipefail
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=${BENCH_DB:-pupitre_bench}
ROLE=${BENCH_ROLE:-listings_bench}
PASSWORD=${BENCH_PASSWORD:-bench-only-password}
psql -v ON_ERROR_STOP=1 -qAt -d postgres <<SQL
select 'create database $DB' where not exists (select 1 from pg_database where datname = '$DB') \gexec
select 'create role $ROLE login' where not exists (select 1 from pg_roles where rolname = '$ROLE') \gexec
alter role $ROLE password '$PASSWORD';
SQL
psql -v ON_ERROR_STOP=1 -qAt -d "$DB" <<SQL
create extension if not exists unaccent schema public;
create extension if not exists pg_trgm schema public;
create schema if not exists listings authorization $ROLE;
grant connect, temporary on database $DB to $ROLE;
SQL
echo "database $DB ready (role $ROLE)"
