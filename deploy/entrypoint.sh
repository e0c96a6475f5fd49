#!/bin/sh
# Runs one component of the federation from the compiled build.
set -eu
component="${1:-gateway}"
case "$component" in
  gateway) exec node dist/gateway/main.js ;;
  cases|benefits|payments|appointments|proxies) exec node "dist/subgraphs/$component/main.js" ;;
  *) echo "unknown component: $component (gateway, cases, benefits, payments, appointments, proxies)" >&2; exit 64 ;;
esac
