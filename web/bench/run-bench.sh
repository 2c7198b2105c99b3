#!/usr/bin/env bash
# Server time of the web app's public pages, through the gateway, on a running stack with demo data:
#   PUPITRE_RATE_LIMIT_SCALE=1000000 ./run.sh --demo   # in another terminal (every call comes from 127.0.0.1:
#                                                      # lift the per-address budgets, keep the limiter's cost)
#   web/bench/run-bench.sh     # prints one table row per page
# With PUPITRE_BENCH_EMAIL and PUPITRE_BENCH_PASSWORD (a demo secretary: ./run.sh prints where the password
# is), it also signs in through the web app's own form and times her account, her reports and an edit form.
# Each page is asked N times by C concurrent clients with `hey` (apt-get install hey); the time is what the
# client waited for the whole page on loopback (gateway relay + web app + its API calls), not a browser's
# rendering. Goal (issue 14): p95 <= 100 ms.
set -euo pipefail

base="${PUPITRE_BENCH_URL:-http://localhost:8080}"
requests="${PUPITRE_BENCH_REQUESTS:-400}"
clients="${PUPITRE_BENCH_CLIENTS:-4}"
command -v hey >/dev/null || { echo "hey is missing: apt-get install -y hey" >&2; exit 1; }

listing=$(curl -fsS "$base/api/v1/listings?kind=OFFER&limit=1" | sed -n 's/.*"id":"\([0-9a-f-]\{36\}\)".*/\1/p' | head -n 1)
[[ -n "$listing" ]] || { echo "no published offer at $base (run ./run.sh --demo)" >&2; exit 1; }

pages=(
    "home (fr)|/fr/"
    "search, plain words (fr)|/fr/annonces?q=j%27ai%20besoin%20d%27aide%20pour%20la%20comptabilit%C3%A9%20de%20ma%20petite%20entreprise"
    "search, filters (en)|/en/listings?kind=OFFER&skill=transcription&language=en"
    "listing (fr)|/fr/annonces/$listing"
    "listing (en)|/en/listings/$listing"
)

cookie=""
if [[ -n "${PUPITRE_BENCH_EMAIL:-}" && -n "${PUPITRE_BENCH_PASSWORD:-}" ]]; then
    jar=$(mktemp)
    token=$(curl -fsS -c "$jar" "$base/fr/connexion" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf=$token" \
        --data-urlencode "email=$PUPITRE_BENCH_EMAIL" --data-urlencode "password=$PUPITRE_BENCH_PASSWORD" "$base/fr/connexion"
    cookie=$(awk '$6 ~ /^pupitre_/ {printf "%s=%s; ", $6, $7}' "$jar")
    [[ "$cookie" == *pupitre_session=* ]] || { echo "sign-in as $PUPITRE_BENCH_EMAIL failed" >&2; exit 1; }
    edit=$(curl -fsS -H "Cookie: $cookie" "$base/fr/compte" | grep -o '/fr/compte/annonces/[0-9a-f-]\{36\}/modifier' | head -n 1)
    pages+=("her account (fr, signed in)|/fr/compte" "her reports (fr, signed in)|/fr/compte/rapports")
    [[ -n "$edit" ]] && pages+=("edit form (fr, signed in)|$edit")
    rm -f "$jar"
fi

printf '| page | requests | req/s | p50 | p95 | p99 | non-200 |\n|---|---|---|---|---|---|---|\n'
for entry in "${pages[@]}"; do
    name="${entry%%|*}"
    path="${entry#*|}"
    if [[ "$name" == *"signed in"* ]]; then auth=(-H "Cookie: $cookie"); else auth=(); fi
    curl -fsS -o /dev/null "${auth[@]}" "$base$path" # warm-up, and fail early on a broken page
    out=$(hey -n "$requests" -c "$clients" "${auth[@]}" "$base$path")
    rps=$(sed -n 's/^ *Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p' <<<"$out")
    p() { sed -n "s/^ *$1% in \([0-9.]*\) secs.*/\1/p" <<<"$out" | awk '{printf "%.1f ms", $1 * 1000}'; }
    ok=$(sed -n 's/^ *\[200\][[:space:]]*\([0-9]*\) responses.*/\1/p' <<<"$out")
    printf '| %s | %s | %.0f | %s | %s | %s | %s |\n' "$name" "$requests" "$rps" "$(p 50)" "$(p 95)" "$(p 99)" \
        "$((requests - ${ok:-0}))"
done
