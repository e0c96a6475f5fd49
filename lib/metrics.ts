import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of this process. Labels are index names, outcomes and codes only: never a
 * citizen, a token or an id.
 */
export const registry = new Registry();
/**
 * The event loop's delay sampled every 100 ms rather than prom-client's 10: each sample is a timer
 * waking the loop, and a hundred wake-ups a second cost every idle gateway and subgraph process about
 * 3 ms of CPU a second. A stall long enough to matter still lands in the histogram.
 */
collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 100 });

export const upstreamCalls = new Counter({
  name: 'upstream_calls_total',
  help: 'Calls to a national index, by index and outcome.',
  labelNames: ['index', 'outcome'] as const,
  registers: [registry],
});

export const upstreamLatency = new Histogram({
  name: 'upstream_latency_seconds',
  help: 'Time a national index took to answer.',
  labelNames: ['index'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const cacheLookups = new Counter({
  name: 'cache_lookups_total',
  help: 'Cache look-ups of index answers, by index and result (hit, miss, stale, error).',
  labelNames: ['index', 'result'] as const,
  registers: [registry],
});

export const loaderBatchSize = new Histogram({
  name: 'dataloader_batch_size',
  help: 'Ids per batched look-up.',
  labelNames: ['index'] as const,
  buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500],
  registers: [registry],
});
