#!/usr/bin/env bash
# Starts the packaged listings service (target/quarkus-app) on port ${BENCH_PORT:-18081} against the bench database.
# Build it first: flock /tmp/pupitre-maven.lock ./mvnw -B -q -pl listings-service package -DskipTests
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${BENCH_PORT:-18081}
# Tokens: none verify unless BENCH_JWKS_URL names a gateway's key set (../../gateway/bench/run-bench.sh does)
if [[ -n "${BENCH_JWKS_URL:-}" ]]; then
  JWKS_LOCATION=$BENCH_JWKS_URL
else
  JWKS=$(mktemp --suffix=.json)
  echo '{"keys":[]}' > "$JWKS"
  JWKS_LOCATION="file:$JWKS"
fi
exec java ${BENCH_JAVA_OPTS:--Xmx512m} \
  -Dquarkus.http.port="$PORT" \
  -Dquarkus.management.port="$((PORT + 1000))" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/${BENCH_DB:-pupitre_bench}" \
  -Dquarkus.datasource.username="${BENCH_ROLE:-listings_bench}" \
  -Dquarkus.datasource.password="${BENCH_PASSWORD:-bench-only-password}" \
  -Dquarkus.datasource.jdbc.max-size=${BENCH_POOL:-16} \
  -Dmp.jwt.verify.publickey.location="$JWKS_LOCATION" \
  -Dquarkus.log.level=${BENCH_LOG_LEVEL:-WARN} \
  ${BENCH_EXTRA_OPTS:-} \
  -jar target/quarkus-app/quarkus-run.jar
