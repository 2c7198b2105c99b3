#!/usr/bin/env bash
# Search benchmark: 100,000 bilingual listings, through the gateway, Lucene index built at start.
# Needs a PostgreSQL (default 127.0.0.1:5432, user postgres, trust) and the packaged services:
#   ./mvnw -B -q -pl listings-service,gateway -am package -DskipTests
# Prints the index build line and a markdown table (the table in ../README.md). SECONDS_PER_RUN (30), WARMUP (10).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
RUN=${SECONDS_PER_RUN:-30}
WARMUP=${WARMUP:-10}
PORT=${BENCH_PORT:-18081}
GW="http://127.0.0.1:${BENCH_GATEWAY_PORT:-18080}"
SVC="http://127.0.0.1:$PORT"
export PGPASSWORD=${BENCH_PASSWORD:-bench-only-password}
./setup-db.sh
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
# ready = 200 on /q/health/ready on the management port, 1000 above the HTTP port of $1
wait_ready() {
  local mgmt="${1%:*}:$(( ${1##*:} + 1000 ))"
  for _ in $(seq 1 120); do curl -sf "$mgmt/q/health/ready" >/dev/null && return 0; sleep 1; done; echo "not ready: $1" >&2; exit 1
}
# The schema first (Flyway runs at the service's start), then the data, then the measured start.
COUNT=$(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${BENCH_DB:-pupitre_bench}" -Atc \
  "select count(*) from listings.listing" 2>/dev/null || echo 0)
if [[ "$COUNT" -lt 100000 ]]; then
  ./start-service.sh > /tmp/listings-bench-service.log 2>&1 & SERVICE_PID=$!; wait_ready "$SVC"; kill "$SERVICE_PID"; wait "$SERVICE_PID" || true
  python3 gen_load.py 100000 > /tmp/listings-bench-load.sql
  psql -h "${PGHOST:-127.0.0.1}" -U "${BENCH_ROLE:-listings_bench}" -d "${BENCH_DB:-pupitre_bench}" -v ON_ERROR_STOP=1 -q \
    -f /tmp/listings-bench-load.sql
fi
start_service() {  # $1: recent answers kept per index snapshot (0: off)
  BENCH_LOG_LEVEL=INFO BENCH_EXTRA_OPTS="-Dpupitre.listings.search-answers-kept=$1" ./start-service.sh > /tmp/listings-bench-service.log 2>&1 &
  SERVICE_PID=$!; PIDS+=("$SERVICE_PID"); wait_ready "$SVC"
}
# Never-seen texts first, with the answers kept per snapshot turned off (the issue's "answer cache off").
start_service 0
grep -h "Search index: [0-9,]* listings indexed in" /tmp/listings-bench-service.log | sed -E 's/.*\) //'
grep -h "started in" /tmp/listings-bench-service.log | sed -E 's/.*(started in [0-9.]+s).*/service \1/'
./start-gateway.sh > /tmp/gateway-bench.log 2>&1 &
PIDS+=("$!"); wait_ready "$GW"
# A fresh JVM runs its first minute interpreted or half-compiled: warm both (not measured).
java -Dmix=unique SearchBench.java "$GW" 16 "${JVM_WARMUP:-45}" 0 >/dev/null
# Heap after a full GC, with the index built and the JVM warm (the index files themselves are memory-mapped, off heap).
jcmd "$SERVICE_PID" GC.run >/dev/null
echo "service heap after GC: $(jcmd "$SERVICE_PID" GC.heap_info | grep -oE 'used [0-9]+K' | head -1)"
echo "service RSS: $(ps -o rss= -p "$SERVICE_PID") kB"

row() {  # $1: label, then SearchBench arguments
  local label=$1; shift
  local line
  line=$(java "$@" | tail -1)
  echo "| $label | $(sed -E 's/.*throughput=([0-9.]+) req\/s p50=([0-9.]+) ms p95=([0-9.]+) ms p99=([0-9.]+) ms.*/\1 req\/s | \2 \/ **\3** \/ \4 ms/' <<<"$line") | $(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$line") |"
}
echo
echo "| Run (${RUN} s after ${WARMUP} s warm-up) | throughput | p50 / p95 / p99 | errors |"
echo "|---|---|---|---|"
row "gateway, 16 clients, a never-seen text every time" -Dmix=unique SearchBench.java "$GW" 16 "$RUN" "$WARMUP"
row "gateway, open loop 200 req/s, a never-seen text every time" -Dmix=unique -Drate=200 SearchBench.java "$GW" 64 "$RUN" "$WARMUP"
row "service directly, 16 clients, a never-seen text every time" -Dmix=unique SearchBench.java "$SVC" 16 "$RUN" "$WARMUP"
# Then the repeated mixes, with the default service (answers kept per snapshot), warmed the same way.
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
start_service 10000
java -Dmix=unique SearchBench.java "$GW" 16 "${JVM_WARMUP:-45}" 0 >/dev/null
row "gateway, 16 clients, 8 popular searches" SearchBench.java "$GW" 16 "$RUN" "$WARMUP"
row "gateway, 16 clients, long tail (432 searches)" -Dmix=longtail SearchBench.java "$GW" 16 "$RUN" "$WARMUP"
row "gateway, 16 clients, \`skill=excel&region=06\` (filters only)" SearchBench.java "$GW" 16 "$RUN" "$WARMUP" 'skill=excel&region=06'
row "gateway, 16 clients, \`q=mise en page\`" SearchBench.java "$GW" 16 "$RUN" "$WARMUP" 'q=mise%20en%20page'
row "gateway, 4 clients, type-ahead (\`/suggest\`, 115 prefixes)" -Dmix=suggest SearchBench.java "$GW" 4 "$RUN" "$WARMUP"
echo "service RSS after the runs: $(ps -o rss= -p "$SERVICE_PID") kB"
