#!/usr/bin/env bash
# Offline check of the Kubernetes manifests: every overlay renders with kubectl kustomize, and every object it
# renders is valid against the Kubernetes schemas (npm kubernetes-models, validate.cjs). Run by .ci/run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v kubectl >/dev/null || { echo "kubectl is missing (it bundles kustomize)" >&2; exit 1; }
tools=$(mktemp -d "${TMPDIR:-/tmp}/pupitre-k8s.XXXXXX")
trap 'rm -rf "$tools"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tools" kubernetes-models@4.5.1 js-yaml@4 >/dev/null
cp validate.cjs "$tools/"
for overlay in overlays/*/; do
    name=$(basename "$overlay")
    kubectl kustomize "$overlay" > "$tools/$name.yaml"
    printf '%-11s ' "$name:"
    node "$tools/validate.cjs" < "$tools/$name.yaml"
done
