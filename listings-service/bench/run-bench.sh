#!/usr/bin/env bash
# Search benchmark: 100,000 bilingual listings, 16 concurrent clients, service vs pgbench on the same SQL.
# Needs a PostgreSQL with contrib (default 127.0.0.1:5432, user postgres, trust) and the packaged service:
#   flock /tmp/pupitre-maven.lock ./mvnw -B -q -pl listings-service package -DskipTests
# Usage: bench/run-bench.sh [base-url]   (default: the service started here; pass the gateway URL to go through it)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./setup-db.sh
./start-service.sh > /tmp/listings-bench-service.log 2>&1 &
SERVICE_PID=$!
trap 'kill $SERVICE_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:${BENCH_PORT:-18081}/q/health/ready" >/dev/null && break; sleep 1; done
COUNT=$(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${BENCH_DB:-pupitre_bench}" -Atc "select count(*) from listings.listing")
if [[ "$COUNT" -lt 100000 ]]; then
  python3 gen_load.py 100000 > /tmp/listings-bench-load.sql
  PGPASSWORD=${BENCH_PASSWORD:-bench-only-password} psql -h "${PGHOST:-127.0.0.1}" -U "${BENCH_ROLE:-listings_bench}" \
    -d "${BENCH_DB:-pupitre_bench}" -v ON_ERROR_STOP=1 -q -f /tmp/listings-bench-load.sql
fi
BASE=${1:-http://127.0.0.1:${BENCH_PORT:-18081}}
echo "== HTTP, query mix";            java SearchBench.java "$BASE" 16 30 10
echo "== HTTP, long-tail mix";        java -Dmix=longtail SearchBench.java "$BASE" 16 30 10
echo "== HTTP, q=mise en page";       java SearchBench.java "$BASE" 16 30 10 'q=mise%20en%20page'
echo "== HTTP, skill=excel&region=06"; java SearchBench.java "$BASE" 16 30 10 'skill=excel&region=06'
for script in pgbench/mise_en_page.sql pgbench/skill_region.sql; do
  echo "== pgbench $script"
  PGPASSWORD=${BENCH_PASSWORD:-bench-only-password} pgbench -h "${PGHOST:-127.0.0.1}" -U "${BENCH_ROLE:-listings_bench}" \
    -n -c 16 -j 2 -T 30 -f "$script" "${BENCH_DB:-pupitre_bench}" | grep -E "tps|latency"
done
