import { performance } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of this process. Labels are index names, outcomes and codes only: never a
 * citizen, a token or an id.
 */
export const registry = new Registry();

/**
 * prom-client's default metrics but its event-loop delay histogram, whose libuv timer wakes the
 * process several times a second even when it has nothing to do: on this kind of VM each wake-up
 * costs a tenth of a millisecond or more, every idle pod pays it all night, and under load it is
 * CPU a request pays for nothing. prom-client offers its defaults only all together, so each is
 * loaded by its own module, named by the package's own list.
 */
type DefaultMetric = (register: Registry, config: object) => void;
for (const name of collectDefaultMetrics.metricsList.filter((metric) => metric !== 'eventLoopLag')) {
  (require(`prom-client/lib/metrics/${name}`) as DefaultMetric)(registry, {});
}

/** Measured when scraped and only then: how long a turn of the loop waited behind the work queued. */
new Gauge({
  name: 'nodejs_eventloop_lag_seconds',
  help: 'Lag of event loop in seconds, measured at the scrape.',
  registers: [registry],
  async collect() {
    const start = process.hrtime.bigint();
    await new Promise((resolve) => setImmediate(resolve));
    this.set(Number(process.hrtime.bigint() - start) / 1e9);
  },
});

let utilizationAtLastScrape = performance.eventLoopUtilization();
/** Read from counters libuv keeps anyway: the saturation signal, at no cost between scrapes. */
new Gauge({
  name: 'nodejs_eventloop_utilization_ratio',
  help: 'Share of the time since the previous scrape the event loop was busy, 0 to 1.',
  registers: [registry],
  collect() {
    const now = performance.eventLoopUtilization();
    this.set(performance.eventLoopUtilization(now, utilizationAtLastScrape).utilization);
    utilizationAtLastScrape = now;
  },
});

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
