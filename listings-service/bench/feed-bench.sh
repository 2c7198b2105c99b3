#!/usr/bin/env bash
# Feed export benchmark (issue 4): every published listing of the bench database (run-bench.sh / gen_load.py:
# 100,000 listings) exported as JSON-LD (jobs + services) and as the Indeed XML job feed, measuring time and the
# service's heap growth. The service is started here from a copy of target/quarkus-app (other builds may rewrite
# target/ meanwhile), with a JWKS generated for the run, a GC log, and migrations off (the bench DB is shared).
# Build first: flock /tmp/pupitre-maven.lock ./mvnw -B -q -pl listings-service package -DskipTests
# Usage: bench/feed-bench.sh            (service directly; BENCH_API_KEY + a gateway URL as $1 to go through it)
# Heap growth = highest heap-after-GC during the exports minus the heap after a full GC before them (G1 log).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
PORT=${BENCH_PORT:-18091}
WORK=$(mktemp -d /tmp/feed-bench.XXXXXX)
cp -r ../target/quarkus-app "$WORK/app"
java FeedBench.java keys "$WORK"
java ${BENCH_JAVA_OPTS:--Xmx512m} -Xlog:gc:file="$WORK/gc.log" \
  -Dquarkus.http.port="$PORT" \
  -Dquarkus.management.port="$((PORT + 1000))" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/${BENCH_DB:-pupitre_bench}" \
  -Dquarkus.datasource.username="${BENCH_ROLE:-listings_bench}" \
  -Dquarkus.datasource.password="${BENCH_PASSWORD:-bench-only-password}" \
  -Dquarkus.flyway.migrate-at-start=false \
  -Dpupitre.listings.expiry-job-every=off \
  -Dmp.jwt.verify.publickey.location="file:$WORK/jwks.json" \
  -Dquarkus.log.level=WARN \
  -jar "$WORK/app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null && break; sleep 1; done
BASE=${1:-http://127.0.0.1:$PORT}
TOKEN=$(cat "$WORK/token")
# Warm-up (class loading, JIT of the writers): small feeds, not measured.
java FeedBench.java get "$BASE/api/v1/feeds/services.atom?limit=1000" "$TOKEN" '<entry>' > /dev/null
java FeedBench.java get "$BASE/api/v1/feeds/jobs.jsonld" "$TOKEN" '"JobPosting"' > /dev/null
heap_used_kb() { jcmd "$PID" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1; }
jcmd "$PID" GC.run > /dev/null; sleep 1
BEFORE=$(heap_used_kb)
MARK=$(wc -l < "$WORK/gc.log")
START=$(date +%s.%N)
java FeedBench.java get "$BASE/api/v1/feeds/jobs.jsonld" "$TOKEN" '"JobPosting"'
java FeedBench.java get "$BASE/api/v1/feeds/services.jsonld" "$TOKEN" '"@type":"Service"'
java FeedBench.java get "$BASE/api/v1/feeds/jobs.xml" "$TOKEN" '<job>'
END=$(date +%s.%N)
PEAK=$(tail -n +"$((MARK + 1))" "$WORK/gc.log" | grep -o '[0-9]*[KMG]->[0-9]*[KMG]' \
  | sed 's/.*->//' | awk '/K$/{v=$0+0} /M$/{v=($0+0)*1024} /G$/{v=($0+0)*1048576} {if (v>m) m=v} END{print m+0}')
jcmd "$PID" GC.run > /dev/null; sleep 1
AFTER=$(heap_used_kb)
echo "gc pauses during the exports: $(( $(wc -l < "$WORK/gc.log") - MARK ))"
echo "heap after full GC before: $((BEFORE / 1024)) MB; highest heap after a GC during: $((PEAK / 1024)) MB;" \
  "after full GC: $((AFTER / 1024)) MB; growth during: $(( (PEAK > BEFORE ? PEAK - BEFORE : 0) / 1024 )) MB"
echo "three exports (JSON-LD jobs + services = every listing, XML jobs): $(echo "$END - $START" | bc) s (includes 3 JVM starts of the client, ~1 s each)"
