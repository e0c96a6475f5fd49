import { measuredWithoutErrors } from './benchmark';
import type { Measurement } from './measure';
import { scenarios } from './scenarios';
import { systems, type SystemName } from './systems';

const measurement = (requests: number, errors: number): Measurement => ({
  requests,
  requestsSent: requests,
  durationSeconds: 10,
  requestsPerSecond: requests / 10,
  latencyMs: { p50: 80, p95: 150, p99: 190, max: 200 },
  errors,
  errorCodes: errors > 0 ? { UPSTREAM_TIMEOUT: errors } : {},
  upstreamCallsPerRequest: { cases: 0, benefits: 0, payments: 0, appointments: 0, proxies: 0, total: 0 },
  cacheHitRatio: 1,
  rssMb: 300,
  cpuMsPerRequest: 3.5,
  worstStallMs: { system: 5, backend: 10 },
});

const system = (name: SystemName) => systems.find((each) => each.name === name)!;
const scenario = (name: string) => scenarios.find((each) => each.name === name)!;

/** Hands out the given measurements one call after the other, counting the calls. */
function measurements(...takes: Measurement[][]) {
  const taken: Measurement[][] = [];
  return { taken, measureOnce: async () => { taken.push(takes[taken.length]!); return takes[taken.length - 1]!; } };
}

describe('a scenario measured without errors', () => {
  it('is measured once when every system answered within the error share', async () => {
    const run = measurements([measurement(300, 3), measurement(300, 0)]);
    expect(await measuredWithoutErrors(scenario('proxy-warm-beside-stock'), [system('gateway'), system('stock')], run.measureOnce, () => undefined)).toEqual([measurement(300, 3), measurement(300, 0)]);
    expect(run.taken).toHaveLength(1);
  });

  it('stops the run, naming the system and its error codes, when one of the systems side by side failed a cold scenario', async () => {
    const run = measurements([measurement(200, 0), measurement(200, 9)]);
    await expect(measuredWithoutErrors(scenario('overview-cold-beside-stock'), [system('gateway'), system('stock')], run.measureOnce, () => undefined)).rejects.toThrow(
      'stock: overview-cold-beside-stock answered 9 of 200 requests with errors ({"UPSTREAM_TIMEOUT":9})',
    );
    expect(run.taken).toHaveLength(1);
  });

  it("keeps the naive baseline's failures: they are what its targets count", async () => {
    const run = measurements([measurement(50, 40)]);
    expect(await measuredWithoutErrors(scenario('overview-cold'), [system('naive')], run.measureOnce, () => undefined)).toEqual([measurement(50, 40)]);
  });
});
