import 'reflect-metadata';
import { subgraphConfig, subgraphNames, type SubgraphName } from '../lib/config';
import type { RunningService } from '../lib/http-server';
import { cacheLookups } from '../lib/metrics';
import { loopStalls } from './loop-stalls';
import { startSubgraph } from '../subgraphs/runtime/server';
import { createDataset } from '../mocks/fixtures/dataset';
import { startDevIssuer } from '../mocks/identity/dev-issuer';
import type { IndexName } from '../mocks/indexes/call-recorder';
import { startSimulator } from '../mocks/simulator';
import { subgraphs } from '../subgraphs/registry';
import { fixtureToday } from '../test/support/stack';
import { serveParent } from './child-process';

/**
 * Everything behind the gateways, in one child process: the index simulator (with a fixed
 * latency on every index, as a real national index has), the dev issuer, and sets of the five
 * subgraphs: as configured by default (cache in process), naive (no batching, no cache), and with
 * options.redisUrl, caching in Redis as deployed. Mirrors
 * test/support/stack.ts without the gateway, which runs in a process of its own.
 */
export interface BackendOptions {
  syntheticCitizens: number;
  upstreamLatencyMs: number;
  /** One citizen with many records (the export benchmark). */
  bigCitizen?: { cpr: string; records: number };
  /** Starts a third set, caching in this Redis as deployed (the production-shaped rows). */
  redisUrl?: string;
}

export type SubgraphSet = 'optimised' | 'naive' | 'redis';

export interface BackendInfo {
  simulatorUrl: string;
  issuerUrl: string;
  jwksUrl: string;
  /** The Redis set only with options.redisUrl. */
  subgraphUrls: Record<Exclude<SubgraphSet, 'redis'>, Record<SubgraphName, string>> & { redis?: Record<SubgraphName, string> };
}

export type CacheCounts = Record<'hit' | 'stale' | 'miss' | 'error', number>;

export type BackendMethods = {
  /** Upstream calls per index since the last reset, from the simulator's recorder. */
  calls(): Partial<Record<IndexName, number>>;
  resetCalls(): void;
  /** The subgraphs' cache look-ups so far, by result, summed over indexes (from their metrics). */
  cacheLookups(): Promise<CacheCounts>;
  /** The longest the backend's event loop (simulator, issuer, every subgraph) was held up since the last call, in ms. */
  worstStall(): number;
};

const indexes: IndexName[] = [...subgraphNames, 'person'];
const setEnv = (redisUrl: string | undefined): Partial<Record<SubgraphSet, NodeJS.ProcessEnv>> => ({
  optimised: {},
  naive: { BATCHING_ENABLED: 'false', CACHE_ENABLED: 'false' },
  ...(redisUrl ? { redis: { REDIS_URL: redisUrl } } : {}),
});

// Up to fifteen subgraphs share this process, each with its own SIGINT and SIGTERM listeners.
process.setMaxListeners(40);

serveParent<BackendOptions, BackendInfo, BackendMethods>(async (options) => {
  const simulator = await startSimulator({ port: 0, dataset: createDataset({ syntheticCitizens: options.syntheticCitizens, bigCitizen: options.bigCitizen }) });
  for (const index of indexes) simulator.faults.set(index, { kind: 'latency', ms: options.upstreamLatencyMs });
  const issuer = await startDevIssuer();
  const running: RunningService[] = [];
  const subgraphUrls = {} as BackendInfo['subgraphUrls'];
  for (const [set, extra] of Object.entries(setEnv(options.redisUrl)) as [SubgraphSet, NodeJS.ProcessEnv][]) {
    const urls = {} as Record<SubgraphName, string>;
    for (const definition of subgraphs) {
      const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', UPSTREAM_URL: simulator.url, ...extra };
      const service = await startSubgraph(definition, subgraphConfig(definition.name, env), { now: () => fixtureToday });
      running.push(service);
      urls[definition.name] = service.url;
    }
    subgraphUrls[set] = urls;
  }
  return {
    info: { simulatorUrl: simulator.url, issuerUrl: issuer.url, jwksUrl: issuer.jwksUrl, subgraphUrls },
    methods: {
      calls: () => simulator.recorder.snapshot(),
      resetCalls: () => simulator.recorder.reset(),
      async cacheLookups() {
        const counts: CacheCounts = { hit: 0, stale: 0, miss: 0, error: 0 };
        for (const { labels, value } of (await cacheLookups.get()).values) counts[labels.result as keyof CacheCounts] += value;
        return counts;
      },
      worstStall: loopStalls(),
    },
    async close() {
      await Promise.all(running.map((service) => service.close()));
      await Promise.all([issuer.close(), simulator.close()]);
    },
  };
});
