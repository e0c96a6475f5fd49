#!/bin/sh
# Runs one component of the federation from the compiled build. `exec` makes node the container's
# main process, so SIGTERM reaches it and the service closes gracefully (lib/run.ts).
#   gateway | cases | benefits | payments | appointments | proxies   a long-running service
#   audit-migrate | audit-verify | audit-retention                  a job on the audit store (DATABASE_URL)
set -eu
cd /app

# V8 sizes its heap from the container's whole memory limit, leaving nothing for buffers and
# native memory, so the container is killed before the garbage collector feels any pressure.
# Give the heap three quarters of the cgroup limit, unless NODE_OPTIONS already sets it.
heap=""
limit="$(cat /sys/fs/cgroup/memory.max 2>/dev/null || echo max)"
case "${NODE_OPTIONS:-}" in
  *max-old-space-size*) ;;
  *)
    if [ "$limit" != max ] && [ "$limit" -gt 134217728 ] 2>/dev/null; then
      heap="--max-old-space-size=$((limit * 3 / 4 / 1048576))"
    fi
    ;;
esac

run() {
  # $heap is one word or empty: unquoted on purpose, so an empty one adds no argument.
  # shellcheck disable=SC2086
  exec node $heap "$@"
}

component="${1:-gateway}"
case "$component" in
  gateway) run dist/gateway/main.js ;;
  cases | benefits | payments | appointments | proxies) run "dist/subgraphs/$component/main.js" ;;
  audit-migrate) run dist/scripts/audit.js migrate ;;
  audit-verify) run dist/scripts/audit.js verify ;;
  audit-retention) run dist/scripts/audit.js retention ;;
  *)
    echo "unknown component: $component (gateway, cases, benefits, payments, appointments, proxies, audit-migrate, audit-verify, audit-retention)" >&2
    exit 64
    ;;
esac
