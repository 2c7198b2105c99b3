#!/usr/bin/env bash
# Search benchmark: 100,000 bilingual listings, 16 concurrent clients, through the gateway, beside pgbench.
# Needs a PostgreSQL with contrib (default 127.0.0.1:5432, user postgres, trust) and the packaged services:
#   flock /tmp/pupitre-maven.lock ./mvnw -B -q -pl listings-service,gateway -am package -DskipTests
# Prints one markdown table row per run (the table in ../README.md). SECONDS_PER_RUN (30) and WARMUP (10) tune it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
RUN=${SECONDS_PER_RUN:-30}
WARMUP=${WARMUP:-10}
PORT=${BENCH_PORT:-18081}
GW="http://127.0.0.1:${BENCH_GATEWAY_PORT:-18080}"
SVC="http://127.0.0.1:$PORT"
export PGPASSWORD=${BENCH_PASSWORD:-bench-only-password}
# As the service's own connections run (application.properties): no parallel workers, no notices.
export PGOPTIONS="-c max_parallel_workers_per_gather=0 -c client_min_messages=warning"
./setup-db.sh
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
wait_ready() { for _ in $(seq 1 90); do curl -sf "$1/q/health/ready" >/dev/null && return 0; sleep 1; done; echo "not ready: $1" >&2; exit 1; }
start_service() {  # $1: answer cache TTL
  if [[ ${#PIDS[@]} -gt 0 && -n "${SERVICE_PID:-}" ]]; then kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; fi
  BENCH_EXTRA_OPTS="-Dpupitre.listings.search-cache-ttl=$1" ./start-service.sh > /tmp/listings-bench-service.log 2>&1 &
  SERVICE_PID=$!; PIDS+=("$SERVICE_PID"); wait_ready "$SVC"
  # A fresh JVM runs its first minute interpreted or half-compiled: warm it (not measured), as a service that has
  # been up for a while is. Each row below then has its own ${WARMUP} s warm-up on top.
  if [[ -n "${GATEWAY_UP:-}" ]]; then java -Dmix=longtail SearchBench.java "$GW" 16 "${JVM_WARMUP:-45}" 0 >/dev/null; fi
}
start_service 30S
COUNT=$(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${BENCH_DB:-pupitre_bench}" -Atc "select count(*) from listings.listing")
if [[ "$COUNT" -lt 100000 ]]; then
  python3 gen_load.py 100000 > /tmp/listings-bench-load.sql
  psql -h "${PGHOST:-127.0.0.1}" -U "${BENCH_ROLE:-listings_bench}" -d "${BENCH_DB:-pupitre_bench}" -v ON_ERROR_STOP=1 -q \
    -f /tmp/listings-bench-load.sql
fi
# pgbench's SQL-only searches get the indexes they would want (the service itself needs none of these).
psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${BENCH_DB:-pupitre_bench}" -q <<'SQL'
create index if not exists bench_listing_search_skills on listings.listing_search using gin (skills);
create index if not exists bench_listing_search_region on listings.listing_search (region, published_at desc, id desc);
create index if not exists bench_listing_search_newest on listings.listing_search (published_at desc, id desc);
vacuum analyze listings.listing_search;
SQL
./start-gateway.sh > /tmp/gateway-bench.log 2>&1 &
PIDS+=("$!"); wait_ready "$GW"; GATEWAY_UP=1
java -Dmix=longtail SearchBench.java "$GW" 16 "${JVM_WARMUP:-45}" 0 >/dev/null

row() {  # $1: label, then SearchBench arguments
  local label=$1; shift
  local line
  line=$(java "$@" | tail -1)
  echo "| $label | $(sed -E 's/.*throughput=([0-9.]+) req\/s p50=([0-9.]+) ms p95=([0-9.]+) ms p99=([0-9.]+) ms.*/\1 req\/s | \2 \/ **\3** \/ \4 ms/' <<<"$line") | $(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$line") |"
}
pg() {  # $1: label, $2: script
  local out
  out=$(pgbench -h "${PGHOST:-127.0.0.1}" -U "${BENCH_ROLE:-listings_bench}" -n -c 16 -j 2 -T "$RUN" -f "$2" "${BENCH_DB:-pupitre_bench}" 2>&1)
  echo "| $1 | $(grep -oE 'tps = [0-9.]+' <<<"$out" | cut -d' ' -f3) tps | avg $(grep -oE 'latency average = [0-9.]+' <<<"$out" | cut -d' ' -f4) ms | - |"
}
echo "| Run (16 clients, ${RUN} s after ${WARMUP} s warm-up) | throughput | p50 / p95 / p99 | errors |"
echo "|---|---|---|---|"
row "gateway, 8 popular searches, answer cache on" SearchBench.java "$GW" 16 "$RUN" "$WARMUP"
row "gateway, long tail (432 searches), answer cache on" -Dmix=longtail SearchBench.java "$GW" 16 "$RUN" "$WARMUP"
start_service 0S
row "gateway, 8 popular searches, index only" SearchBench.java "$GW" 16 "$RUN" "$WARMUP"
row "gateway, long tail, index only" -Dmix=longtail SearchBench.java "$GW" 16 "$RUN" "$WARMUP"
row "service directly, long tail, index only" -Dmix=longtail SearchBench.java "$SVC" 16 "$RUN" "$WARMUP"
row "gateway, \`skill=excel&region=06\`, index only" SearchBench.java "$GW" 16 "$RUN" "$WARMUP" 'skill=excel&region=06'
row "gateway, \`q=mise en page\`, index only" SearchBench.java "$GW" 16 "$RUN" "$WARMUP" 'q=mise%20en%20page'
row "gateway, a never-seen text every time (worst case)" -Dmix=unique SearchBench.java "$GW" 16 "$RUN" "$WARMUP"
pg "pgbench: \`skill=excel&region=06\` as SQL alone (page + counts)" pgbench/skill_region.sql
pg "pgbench: \`q=mise en page\` as SQL alone (tsquery + page + counts)" pgbench/mise_en_page.sql
pg "pgbench: loading a never-seen broad text (\`q=tenue de livres\`)" pgbench/index_load.sql
pg "pgbench: what the service asks per answer (20 listings by id)" pgbench/page_rows.sql
