#!/usr/bin/env bash
# Starts the local Redis (127.0.0.1:6379) and PostgreSQL (127.0.0.1:5432) the tests talk to, when
# they are not already answering and are installed here:
#   bash scripts/ensure-services.sh [redis] [postgres]      (both when none is named)
# .ci/run calls it, and so does the tests' global setup (test/support/global-setup.ts). Exits 1
# with one line on stderr per service it could not start: not installed, or not up in time.
set -uo pipefail

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_redis() {
  if ! command -v redis-server >/dev/null; then
    echo "redis: redis-server is not installed" >&2
    return 1
  fi
  echo "starting redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log \
    || { echo "redis: redis-server did not start (see /var/log/redis/ci.log)" >&2; return 1; }
}

start_postgres() {
  # Debian's packaging: a cluster named main, started with pg_ctlcluster.
  local version
  version="$(ls /etc/postgresql 2>/dev/null | head -n 1)"
  if ! command -v pg_ctlcluster >/dev/null || [ -z "$version" ]; then
    echo "postgres: PostgreSQL is not installed (no pg_ctlcluster, or no cluster in /etc/postgresql)" >&2
    return 1
  fi
  echo "starting postgresql"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start \
    || { echo "postgres: pg_ctlcluster $version main start failed" >&2; return 1; }
}

declare -A port=([redis]=6379 [postgres]=5432)
services=("$@")
[ ${#services[@]} -eq 0 ] && services=(redis postgres)

failed=0
started=()
for service in "${services[@]}"; do
  [ -n "${port[$service]:-}" ] || { echo "$service: unknown service (redis or postgres)" >&2; failed=1; continue; }
  answers "${port[$service]}" && continue
  if "start_$service"; then started+=("$service"); else failed=1; fi
done

for service in "${started[@]}"; do
  for _ in $(seq 1 50); do
    answers "${port[$service]}" && continue 2
    sleep 0.2
  done
  echo "$service: started, but not answering on 127.0.0.1:${port[$service]} after 10 s" >&2
  failed=1
done
exit "$failed"
