#!/usr/bin/env bash
# Lighthouse scores of the home, search and listing pages on a running stack with demo data:
#   ./run.sh --demo            # in another terminal
#   web/bench/lighthouse.sh    # installs lighthouse with npm into a temporary folder, uses Debian's Chromium
# Prints performance / accessibility / best practices / SEO per page (issue 14: >= 90 / 95 / 95 / 95).
# Lighthouse's own mobile emulation (slow 4G, 4x CPU slowdown) is kept: the scores are a phone's.
set -euo pipefail

base="${PUPITRE_BENCH_URL:-http://localhost:8080}"
chrome="${CHROME_PATH:-$(command -v chromium || true)}"
[[ -x "$chrome" ]] || { echo "Chromium is missing: apt-get install -y --no-install-recommends chromium" >&2; exit 1; }
tools="${PUPITRE_LIGHTHOUSE_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/pupitre-lighthouse.XXXXXX")}"
[[ -x "$tools/node_modules/.bin/lighthouse" ]] || npm install --silent --no-audit --no-fund --prefix "$tools" lighthouse@13 >/dev/null

listing=$(curl -fsS "$base/api/v1/listings?kind=OFFER&limit=1" | sed -n 's/.*"id":"\([0-9a-f-]\{36\}\)".*/\1/p' | head -n 1)
[[ -n "$listing" ]] || { echo "no published offer at $base (run ./run.sh --demo)" >&2; exit 1; }

pages=(
    "home (fr)|/fr/"
    "search (fr)|/fr/annonces?q=transcription%20m%C3%A9dicale"
    "listing (fr)|/fr/annonces/$listing"
    "listing (en)|/en/listings/$listing"
)
printf '| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|\n'
for entry in "${pages[@]}"; do
    name="${entry%%|*}"
    path="${entry#*|}"
    report="$tools/report.json"
    CHROME_PATH="$chrome" "$tools/node_modules/.bin/lighthouse" "$base$path" --quiet --output=json --output-path="$report" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox" >/dev/null 2>&1
    node -e '
        const r = require(process.argv[1]);
        const s = (k) => Math.round(r.categories[k].score * 100);
        console.log(`| ${process.argv[2]} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} |`);
    ' "$report" "$name"
done
