#!/bin/sh
# Makes the Secrets the local overlay needs, with fresh random keys (nothing is stored in git):
#   sh deploy/k8s/overlays/local/create-secrets.sh [namespace]
# Production creates the same Secrets from its own key management (deploy/README.md).
set -eu
namespace="${1:-borger-graph-local}"

# 32 random bytes as base64url without padding: the format the services expect.
key() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }

password="$(key)"
database_url="postgres://borger:${password}@postgres:5432/borger_audit"

kubectl -n "$namespace" create secret generic borger-graph-keys \
  --from-literal=internal-context-key="$(key)" \
  --from-literal=pseudonym-key="$(key)" \
  --from-literal=cache-encryption-keys="k1:$(key)" \
  --from-literal=audit-checkpoint-key="$(key)" \
  --from-literal=calendar-link-key="$(key)" \
  --dry-run=client -o yaml | kubectl apply -f -
kubectl -n "$namespace" create secret generic borger-graph-redis \
  --from-literal=password="$(key)" \
  --from-literal=sentinel-password="$(key)" \
  --dry-run=client -o yaml | kubectl apply -f -
kubectl -n "$namespace" create secret generic borger-graph-local-postgres \
  --from-literal=password="$password" \
  --dry-run=client -o yaml | kubectl apply -f -
kubectl -n "$namespace" create secret generic borger-graph-audit-db \
  --from-literal=database-url="$database_url" \
  --from-literal=retention-database-url="$database_url" \
  --dry-run=client -o yaml | kubectl apply -f -
