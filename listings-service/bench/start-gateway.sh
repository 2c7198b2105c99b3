#!/usr/bin/env bash
# Starts the packaged gateway (gateway/target/quarkus-app) on port ${BENCH_GATEWAY_PORT:-18080} in front of the
# bench listings service (start-service.sh), with its own schema "gateway" in the bench database and throwaway
# keys in a temporary folder. Build it first: flock /tmp/pupitre-maven.lock ./mvnw -B -q -pl gateway -am package -DskipTests
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${BENCH_DB:-pupitre_bench}" -qc "create schema if not exists gateway"
KEYS=$(mktemp -d)
exec env PUPITRE_KEYS_DIR="$KEYS" PUPITRE_LISTINGS_URL="http://127.0.0.1:${BENCH_PORT:-18081}" \
  PUPITRE_ADMIN_EMAIL="${BENCH_ADMIN_EMAIL:-bench-admin@pupitre.local}" \
  PUPITRE_ADMIN_PASSWORD="${BENCH_ADMIN_PASSWORD:-bench-admin-password}" \
  PUPITRE_LISTINGS_MANAGEMENT_URL="http://127.0.0.1:$((${BENCH_PORT:-18081} + 1000))" \
  java ${BENCH_JAVA_OPTS:--Xmx512m} \
  -Dquarkus.http.port="${BENCH_GATEWAY_PORT:-18080}" \
  -Dquarkus.management.port="$((${BENCH_GATEWAY_PORT:-18080} + 1000))" \
  -Dpupitre.rate-limit.scale=1000000 \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/${BENCH_DB:-pupitre_bench}" \
  -Dquarkus.datasource.username="${PGUSER:-postgres}" \
  -Dquarkus.log.level=${BENCH_LOG_LEVEL:-WARN} \
  -jar gateway/target/quarkus-app/quarkus-run.jar
