#!/bin/sh
# Runs one component of the federation from the compiled build, as PID 1's replacement (exec), so
# SIGTERM reaches node and the service closes gracefully (lib/run.ts).
#   gateway | cases | benefits | payments | appointments | proxies   a long-running service
#   audit-verify | audit-retention                                  a job on the audit store (DATABASE_URL)
set -eu
cd /app
component="${1:-gateway}"
case "$component" in
  gateway) exec node dist/gateway/main.js ;;
  cases | benefits | payments | appointments | proxies) exec node "dist/subgraphs/$component/main.js" ;;
  audit-verify) exec node dist/scripts/audit.js verify ;;
  audit-retention) exec node dist/scripts/audit.js retention ;;
  *)
    echo "unknown component: $component (gateway, cases, benefits, payments, appointments, proxies, audit-verify, audit-retention)" >&2
    exit 64
    ;;
esac
