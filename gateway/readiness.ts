import type { Redis } from 'ioredis';
import type { SubgraphName } from '../lib/config';
import type { DependencyState, Readiness } from '../lib/http-server';

/** A dependency that has not answered by then is down, as far as this probe can tell. */
const probeTimeoutMs = 1000;

const state = (up: boolean): DependencyState => (up ? 'up' : 'down');

/** A client that knows it is disconnected (it reconnects in the background) is not asked. */
function redisState(redis: Redis | null): Promise<DependencyState> | DependencyState {
  if (!redis) return 'none';
  if (redis.status !== 'ready') return 'down';
  return redis.ping().then(() => 'up', () => 'down');
}

function answers(subgraphUrl: string): Promise<boolean> {
  return fetch(new URL('/healthz', subgraphUrl), { signal: AbortSignal.timeout(probeTimeoutMs) }).then(
    (response) => response.ok,
    () => false,
  );
}

export interface GatewayDependencies {
  auditHealthy: () => Promise<boolean>;
  /** The Redis of the rate limits, reach counts and checkpoints; null when none is configured. */
  redis: Redis | null;
  subgraphUrls: Record<SubgraphName, string>;
}

/**
 * Ready while the gateway can do its own job. That needs the audit store: no personal data leaves
 * unrecorded, so without it every answer would be AUDIT_UNAVAILABLE. (The supergraph is static and
 * loaded before the port opens.) Subgraphs and Redis are reported but decide nothing: a subgraph
 * down is one area missing from answers that are otherwise whole, and every gateway pod sees the
 * same subgraph, so failing on it would take all of them, and every area, out of rotation. Without
 * Redis the rate limits and reach counts let requests through and the checkpoints stay in the log.
 */
export function gatewayReadiness({ auditHealthy, redis, subgraphUrls }: GatewayDependencies): () => Promise<Readiness> {
  return async () => {
    const [audit, redisNow, subgraphs] = await Promise.all([
      auditHealthy(),
      redisState(redis),
      Promise.all(Object.entries(subgraphUrls).map(async ([name, url]) => [name, state(await answers(url))] as const)),
    ]);
    return { ready: audit, checks: { audit: state(audit), redis: redisNow, subgraphs: Object.fromEntries(subgraphs) } };
  };
}
