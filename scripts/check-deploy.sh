#!/usr/bin/env bash
# Offline checks of the deployment files (no Docker engine or cluster needed):
#   1. docker-compose.yml resolves with docker-compose 1.29 (values from .env.example);
#   2. k8s/ renders with kubectl kustomize;
#   3. scripts/k8s-validate/validate.mjs: every rendered object against the Kubernetes schemas (kubernetes-models),
#      no unknown fields, and the project rules (each service below present in compose and k8s, probes, resources,
#      secrets only by reference, init script copies in sync).
# Usage: scripts/check-deploy.sh      (exit 0 = all good; installs docker-compose via apt if missing)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
start=$SECONDS

# The single list of Tradewire services: name=ProjectDir=host port (project services/<Dir>/Tradewire.<Dir>.csproj,
# database/user = name with '-' -> '_', secret key <NAME>_DB_PASSWORD).
SERVICES="
  ingest=Ingest=7101
  classifier=Classifier=7102
  features=Features=7103
  watchlist=Watchlist=7104
  signal=Signal=7105
  dispatcher=Dispatcher=7106
  broker-gateway=BrokerGateway=7107
  dashboard=Dashboard=7108
"

die() { echo "check-deploy: FAIL: $*" >&2; exit 1; }
step() { echo "check-deploy: $*"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/tradewire-check-deploy.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# --- tools -----------------------------------------------------------------------------------------------------
if ! command -v docker-compose >/dev/null 2>&1; then
    step "installing docker-compose (apt)"
    command -v apt-get >/dev/null 2>&1 || die "docker-compose missing and apt-get unavailable"
    sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq >/dev/null || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends docker-compose >/dev/null \
        || die "apt-get install docker-compose failed"
fi
kubectl="$(command -v kubectl || true)"; [[ -n "$kubectl" ]] || kubectl=/usr/bin/kubectl
[[ -x "$kubectl" ]] || die "kubectl not found"
command -v node >/dev/null 2>&1 || die "node not found"
command -v npm >/dev/null 2>&1 || die "npm not found"

# --- 1. compose ------------------------------------------------------------------------------------------------
step "docker-compose config ($(docker-compose version --short 2>/dev/null || echo '?'))"
docker-compose -f docker-compose.yml --env-file .env.example config -q 2>"$work/compose.err" \
    || { cat "$work/compose.err" >&2; die "docker-compose.yml does not resolve"; }
docker-compose -f docker-compose.yml --env-file .env.example config >"$work/compose.yaml" 2>"$work/compose.err" \
    || { cat "$work/compose.err" >&2; die "docker-compose config failed"; }
compose_services="$(docker-compose -f docker-compose.yml --env-file .env.example config --services 2>/dev/null)"
for entry in $SERVICES; do
    name="${entry%%=*}"
    grep -qx "$name" <<<"$compose_services" || die "service $name missing from docker-compose.yml"
done

# --- 2. kustomize ----------------------------------------------------------------------------------------------
step "kubectl kustomize k8s"
"$kubectl" kustomize k8s >"$work/k8s.yaml" 2>"$work/kustomize.err" \
    || { cat "$work/kustomize.err" >&2; die "kubectl kustomize k8s failed"; }
for entry in $SERVICES; do
    name="${entry%%=*}"
    grep -q "^  name: $name\$" "$work/k8s.yaml" || die "service $name missing from the rendered k8s manifests"
done

# --- 3. schema + project rules ---------------------------------------------------------------------------------
validator="$root/scripts/k8s-validate"
if [[ ! -d "$validator/node_modules" || "$validator/package-lock.json" -nt "$validator/node_modules/.package-lock.json" ]]; then
    step "npm ci (scripts/k8s-validate)"
    (cd "$validator" && npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1) \
        || { cat "$work/npm.log" >&2; die "npm ci in scripts/k8s-validate failed"; }
fi
step "validating manifests"
TRADEWIRE_SERVICES="$SERVICES" node "$validator/validate.mjs" "$work/k8s.yaml" "$work/compose.yaml" "$root" \
    || die "manifest validation failed (see above)"

step "OK in $((SECONDS - start))s"
