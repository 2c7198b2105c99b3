#!/usr/bin/env bash
# The public API contract, as a front-end team consumes it, checked against a running stack:
#   1. Spectral with spectral:oas and the OWASP API Security ruleset (spectral.yaml): no spectral:oas error, and
#      no more OWASP errors than owasp-error-baseline (a ratchet: lower it when you fix some, never raise it);
#   2. openapi-typescript generates the TypeScript types of the document, and tsc compiles them with a client
#      that uses them (client-check.ts): the proof a front end can generate a typed client from it.
# Usage: .ci/openapi/check.sh http://localhost:8080   (needs Node.js and npm; CI runs it, ./mvnw verify does not)
set -euo pipefail

base="${1:?usage: check.sh GATEWAY_URL}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=$(mktemp -d "${TMPDIR:-/tmp}/pupitre-openapi.XXXXXX")
trap 'rm -rf "$work"' EXIT

npm install --silent --no-audit --no-fund --prefix "$work" \
    @stoplight/spectral-cli@6.16.3 @stoplight/spectral-owasp-ruleset@2.0.1 openapi-typescript@7.13.0 typescript@5.9.3 >/dev/null
cp "$here/spectral.yaml" "$here/client-check.ts" "$work/"
curl -fsS "$base/api/v1/openapi" -o "$work/pupitre-openapi.json"

(cd "$work" && node_modules/.bin/spectral lint --ruleset spectral.yaml --format json --quiet \
    --output lint.json pupitre-openapi.json) || true   # findings are judged below, not by Spectral's exit code
node - "$work/lint.json" "$(cat "$here/owasp-error-baseline")" <<'JS'
const [file, baselineText] = process.argv.slice(2);
const findings = JSON.parse(require('fs').readFileSync(file, 'utf8'));
const severity = ['error', 'warn', 'info', 'hint'];
const counts = {};
for (const f of findings) {
  const key = `${severity[f.severity]}\t${f.code}`;
  counts[key] = (counts[key] || 0) + 1;
}
console.log('severity\trule\tfindings');
for (const key of Object.keys(counts).sort()) console.log(`${key}\t${counts[key]}`);
const errors = findings.filter(f => f.severity === 0);
const oasErrors = errors.filter(f => !String(f.code).startsWith('owasp:'));
const owaspErrors = errors.length - oasErrors.length;
const baseline = Number(baselineText);
console.log(`spectral:oas errors: ${oasErrors.length} (must be 0); OWASP errors: ${owaspErrors} (baseline ${baseline})`);
for (const f of oasErrors.slice(0, 20)) console.log(`  ${f.code} at ${f.path.join('.')}: ${f.message}`);
if (oasErrors.length > 0 || owaspErrors > baseline) process.exit(1);
if (owaspErrors < baseline) console.log(`OWASP errors went down: lower .ci/openapi/owasp-error-baseline to ${owaspErrors}`);
JS

(cd "$work" && node_modules/.bin/openapi-typescript pupitre-openapi.json --output pupitre-api.d.ts >/dev/null \
    && node_modules/.bin/tsc --strict --noEmit --target es2022 --module es2022 --moduleResolution bundler \
        pupitre-api.d.ts client-check.ts)
echo "TypeScript types: $(grep -c '^ *"/' "$work/pupitre-api.d.ts") paths, $(wc -l < "$work/pupitre-api.d.ts") lines, compiled with tsc --strict"
