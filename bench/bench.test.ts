import { subgraphNames } from '../lib/config';
import { runBenchmark } from './benchmark';
import { profiles } from './profiles';
import type { BenchResult } from './report';
import { scenarios } from './scenarios';

/** The shape of `bench/results/*.json`, checked on one quick run. Timings are never asserted. */
const numberOrNull = {
  asymmetricMatch: (value: unknown) => value === null || typeof value === 'number',
  toAsymmetricMatcher: () => 'number or null',
};

const measurement = (cacheHitRatio: unknown) => ({
  requests: expect.any(Number),
  requestsSent: expect.any(Number),
  durationSeconds: expect.any(Number),
  requestsPerSecond: expect.any(Number),
  latencyMs: { p50: expect.any(Number), p95: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) },
  errors: expect.any(Number),
  errorCodes: expect.any(Object),
  upstreamCallsPerRequest: expect.objectContaining({
    ...Object.fromEntries(subgraphNames.map((index) => [index, expect.any(Number)])),
    total: expect.any(Number),
  }),
  cacheHitRatio,
  rssMb: expect.any(Number),
  gatewayCpuMsPerRequest: expect.any(Number),
});

const ratios = {
  requestsPerSecond: numberOrNull,
  latencyP99: numberOrNull,
  upstreamCallsPerRequest: numberOrNull,
  gatewayCpuMsPerRequest: numberOrNull,
};

describe('the benchmark, run once in quick mode', () => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBenchmark(profiles.quick);
  }, 120_000);

  it('records the machine and the settings it ran with', () => {
    expect(result.mode).toBe('quick');
    expect(result.environment).toEqual({
      node: process.version,
      cpus: expect.any(Number),
      cpuModel: expect.any(String),
      platform: expect.any(String),
      loadAverage: { atStart: expect.any(Number), atEnd: expect.any(Number) },
      auditStore: expect.stringMatching(/^(postgresql|embedded PGlite)$/),
    });
    const { name: _name, ...settings } = profiles.quick;
    expect(result.settings).toEqual(settings);
  });

  it('has every scenario, with our gateway, the three baselines and the ratios to them', () => {
    expect(result.scenarios.map((scenario) => scenario.name)).toEqual(scenarios.map((scenario) => scenario.name));
    for (const scenario of result.scenarios) {
      // The floor has hand-written plans for the citizen's own overview only.
      const withFloor = scenarios.find((entry) => entry.name === scenario.name)!.caller === 'citizen';
      expect(scenario).toEqual({
        name: expect.any(String),
        cache: expect.stringMatching(/^(cold|warm)$/),
        ...measurement(expect.any(Number)),
        baselines: {
          ...(withFloor ? { floor: measurement(expect.any(Number)) } : {}),
          naive: measurement(null),
          stock: measurement(expect.any(Number)),
        },
        ratios: { ...(withFloor ? { floor: ratios } : {}), naive: ratios, stock: ratios },
      });
    }
  });

  it('says where it stands against each target', () => {
    expect(result.targets.length).toBeGreaterThanOrEqual(5);
    for (const standing of result.targets) expect(standing).toEqual({ target: expect.any(String), measured: expect.any(String), met: expect.any(Boolean) });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
