import type { Measurement } from './measure';
import { scenarios } from './scenarios';
import { standings, summarise, type ScenarioResult, type SystemResult } from './summary';
import { systems } from './systems';

const measurement = (requests: number, errors: number, worstStallMs = { system: 5, backend: 10 }): Measurement => ({
  requests,
  requestsSent: requests,
  durationSeconds: 5,
  requestsPerSecond: requests / 5,
  latencyMs: { p50: 80, p95: 150, p99: 190, max: 200 },
  errors,
  errorCodes: {},
  upstreamCallsPerRequest: { cases: 0, benefits: 0, payments: 0, appointments: 0, proxies: 0, total: 0 },
  cacheHitRatio: 1,
  rssMb: 300,
  cpuMsPerRequest: 3.5,
  worstStallMs,
});

const systemOf = (rounds: Measurement[]): SystemResult => ({
  median: { ...rounds[0]!, errors: 0, requests: 0 },
  cpuMsPerRequest: { median: 3.5, min: 3.5, max: 3.5, rounds: rounds.map(() => 3.5) },
  worstStallMs: { system: 5, backend: 10 },
  rounds,
});

describe("the target on naive's answers per second", () => {
  it('is met when the naive set answered nothing without an error in a round, not left without a value', () => {
    const warm: ScenarioResult = {
      name: 'overview-warm',
      cache: 'warm',
      systems: { gateway: systemOf([measurement(600, 0), measurement(600, 0)]), naive: systemOf([measurement(40, 40), measurement(50, 45)]) },
      comparisons: [],
    };
    const target = standings([warm]).find((standing) => standing.target === 'overview-warm: ≥3× naive req/s (answers without errors)');
    expect(target).toMatchObject({ verdict: 'met', measured: expect.stringContaining('over 2 rounds') });
  });
});

describe("a system's worst stall in a scenario", () => {
  it("is its worst round's, the system's and the backend's each on its own", () => {
    const warm = scenarios.find((scenario) => scenario.name === 'overview-warm')!;
    const gateway = systems.find((system) => system.name === 'gateway')!;
    const rounds = [
      { order: ['gateway' as const], bySystem: { gateway: { [warm.name]: measurement(600, 0, { system: 40, backend: 12 }) } } },
      { order: ['gateway' as const], bySystem: { gateway: { [warm.name]: measurement(600, 0, { system: 8, backend: 1100 }) } } },
    ];
    const [result] = summarise([warm], [gateway], rounds);
    expect(result!.systems.gateway!.worstStallMs).toEqual({ system: 40, backend: 1100 });
  });
});
