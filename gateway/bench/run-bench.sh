#!/usr/bin/env bash
# The gateway against nginx, in one run: the same listings-service answered directly, through the gateway,
# and through an nginx reverse proxy (keep-alive to the service, as a tuned production nginx would be),
# each loaded by wrk with the same connections. Prints a markdown table (the one in ../README.md).
# Needs: wrk and nginx (Debian packages), a PostgreSQL (default 127.0.0.1:5432, user postgres, trust), and
#   ./mvnw -B -q -pl listings-service,gateway -am package -DskipTests
# Settings: SECONDS_PER_RUN (15), ROUNDS (3), WARM_SECONDS (30), CONNECTIONS (16), LISTINGS (10000 bench listings
#   loaded once). Each path: every target warmed WARM_SECONDS (a JVM's relay is compiled by then; nginx needs
#   none), then ROUNDS rounds of direct, gateway, nginx in turn, and the median of each column printed: the
#   turns cancel the machine's drift, the median its outliers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
RUN=${SECONDS_PER_RUN:-15}
ROUNDS=${ROUNDS:-3}
WARM=${WARM_SECONDS:-30}
CONN=${CONNECTIONS:-16}
LISTINGS_BENCH=../../listings-service/bench
SVC_PORT=${BENCH_PORT:-18081}
GW_PORT=${BENCH_GATEWAY_PORT:-18080}
NGINX_PORT=${BENCH_NGINX_PORT:-18090}
export BENCH_PORT=$SVC_PORT BENCH_GATEWAY_PORT=$GW_PORT PGPASSWORD=${BENCH_PASSWORD:-bench-only-password}
# the service verifies the gateway's tokens (the feed row is read as an admin, on every path)
export BENCH_JWKS_URL="http://127.0.0.1:$GW_PORT/.well-known/jwks.json"
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$NGINX" ]] || { echo "nginx is missing (apt-get install nginx)" >&2; exit 1; }

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  [[ -f "$WORK/nginx.pid" ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  kill "${PIDS[@]}" 2>/dev/null || true
}
trap cleanup EXIT
# ready = 200 on /q/health/ready on the management port, 1000 above the HTTP port of $1
wait_ready() {
  local mgmt="${1%:*}:$(( ${1##*:} + 1000 ))"
  for _ in $(seq 1 120); do curl -sf "$mgmt/q/health/ready" >/dev/null && return 0; sleep 1; done; echo "not ready: $1" >&2; exit 1
}

"$LISTINGS_BENCH/setup-db.sh" >/dev/null
COUNT=$(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${BENCH_DB:-pupitre_bench}" -Atc \
  "select count(*) from listings.listing" 2>/dev/null || echo 0)
if [[ "$COUNT" -lt 1000 ]]; then
  "$LISTINGS_BENCH/start-service.sh" > "$WORK/service.log" 2>&1 & pid=$!; wait_ready "http://127.0.0.1:$SVC_PORT"; kill "$pid"; wait "$pid" || true
  python3 "$LISTINGS_BENCH/gen_load.py" "${LISTINGS:-10000}" > "$WORK/load.sql"
  psql -h "${PGHOST:-127.0.0.1}" -U "${BENCH_ROLE:-listings_bench}" -d "${BENCH_DB:-pupitre_bench}" -v ON_ERROR_STOP=1 -q -f "$WORK/load.sql"
fi
"$LISTINGS_BENCH/start-service.sh" > "$WORK/service.log" 2>&1 & PIDS+=("$!")
wait_ready "http://127.0.0.1:$SVC_PORT"
"$LISTINGS_BENCH/start-gateway.sh" > "$WORK/gateway.log" 2>&1 & PIDS+=("$!")
wait_ready "http://127.0.0.1:$GW_PORT"
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d '{"email":"bench-admin@pupitre.local","password":"bench-admin-password"}' \
  "http://127.0.0.1:$GW_PORT/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy; fastcgi_temp_path $WORK/fcgi;
  uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
  upstream listings { server 127.0.0.1:$SVC_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://listings;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf"

# wrk's "Requests/sec" and its 99th percentile latency, as "rps p99"
measure() {
  local out
  out=$(wrk -t2 -c"$CONN" -d"${RUN}s" --latency "${AUTH[@]}" "$1")
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  echo "$rps $p99 ${errors:-}"
}
warm() { wrk -t2 -c"$CONN" -d"${WARM}s" "${AUTH[@]}" "$1" >/dev/null; }
# the median of the lines of $1 by field $2 (numbers; p99 values keep their unit)
median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -g | awk '{v[NR]=$0} END {print v[int((NR+1)/2)]}'; }
# p99 values from wrk in one unit (ms), so that they sort
ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2fms", v}' <<<"$1"; }

printf '\n| path (%s connections, median of %s runs of %s s) | direct req/s | gateway req/s (of direct) | nginx req/s (of direct) | p99 direct / gateway / nginx |\n' "$CONN" "$ROUNDS" "$RUN"
echo "|---|---|---|---|---|"
# the feed: the whole open-requests snapshot as partners download it (read here as an admin, the same token on
# every path); the two API paths anonymously
for path in "/api/v1/skills" "/api/v1/listings?q=traduction&limit=10" "/api/v1/feeds/jobs.xml"; do
  AUTH=()
  [[ "$path" == /api/v1/feeds/* ]] && AUTH=(-H "Authorization: Bearer $TOKEN")
  for base in "$SVC_PORT" "$GW_PORT" "$NGINX_PORT"; do warm "http://127.0.0.1:$base$path"; done
  D_RPS=""; D_P99=""; G_RPS=""; G_P99=""; N_RPS=""; N_P99=""; d_err=""; g_err=""; n_err=""
  for _ in $(seq 1 "$ROUNDS"); do
    read -r r p e <<<"$(measure "http://127.0.0.1:$SVC_PORT$path")"; D_RPS+=" $r"; D_P99+=" $(ms "$p")"; d_err+="$e"
    read -r r p e <<<"$(measure "http://127.0.0.1:$GW_PORT$path")"; G_RPS+=" $r"; G_P99+=" $(ms "$p")"; g_err+="$e"
    read -r r p e <<<"$(measure "http://127.0.0.1:$NGINX_PORT$path")"; N_RPS+=" $r"; N_P99+=" $(ms "$p")"; n_err+="$e"
  done
  d_rps=$(median "$D_RPS"); g_rps=$(median "$G_RPS"); n_rps=$(median "$N_RPS")
  d_p99=$(median "$D_P99"); g_p99=$(median "$G_P99"); n_p99=$(median "$N_P99")
  frac() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
  printf '| `%s` | %.0f | %.0f (%s) | %.0f (%s) | %s / %s / %s |\n' "$path" "$d_rps" "$g_rps" "$(frac "$g_rps" "$d_rps")" \
    "$n_rps" "$(frac "$n_rps" "$d_rps")" "$d_p99" "$g_p99" "$n_p99"
  for e in "$d_err" "$g_err" "$n_err"; do [[ -n "${e// }" ]] && echo "  (errors: $e)"; done
done
echo
echo "gateway log lines at WARN or above during the run: $(grep -cE ' (WARN|ERROR) ' "$WORK/gateway.log" || true)"
grep -E 'IllegalStateException|IllegalReferenceCount|LEAK' "$WORK/gateway.log" | sort | uniq -c | head -5 || true
