import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subgraphNames } from '../lib/config';
import { rotated, runBenchmark } from './benchmark';
import { profileGateway } from './cpu-profile';
import { profiles } from './profiles';
import { besideStockOf, besideStockRatePerSecond, equalRatePerSecond, scenarios, sideBySideRatePerSecond } from './scenarios';
import type { BenchResult } from './summary';
import { runsScenario, systems } from './systems';

/** The shape of `bench/results/*.json`, checked on one quick run. Timings are never asserted. */
const { quick } = profiles;

const matches = (value: unknown, matcher: unknown): boolean => {
  try {
    expect(value).toEqual(matcher);
    return true;
  } catch {
    return false;
  }
};
/** null, or what the matcher matches (a ratio is null when a baseline's figure was 0). */
const nullOr = (matcher: unknown) => ({
  asymmetricMatch: (value: unknown) => value === null || matches(value, matcher),
  toAsymmetricMatcher: () => 'null or a match',
});

const spread = { median: expect.any(Number), min: expect.any(Number), max: expect.any(Number), rounds: expect.any(Array) };

const measurement = {
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
  cacheHitRatio: nullOr(expect.any(Number)),
  rssMb: expect.any(Number),
  cpuMsPerRequest: expect.any(Number),
  worstStallMs: { system: expect.any(Number), backend: expect.any(Number) },
};

describe('the benchmark, run once in quick mode', () => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBenchmark(quick);
  }, 900_000);

  it('records the machine, the settings, and that every process ran compiled with plain node', () => {
    expect(result.mode).toBe('quick');
    expect(result.environment).toEqual({
      node: process.version,
      cpus: expect.any(Number),
      cpuModel: expect.any(String),
      platform: expect.any(String),
      loadAverage: { atStart: expect.any(Number), atEnd: expect.any(Number) },
      auditStore: expect.stringMatching(/^(postgresql|embedded PGlite)$/),
      redis: expect.any(String),
      processes: { how: expect.stringContaining('compiled'), node: process.version, execArgv: [], sourceMaps: false, stackRewritten: false },
    });
    const { name: _name, ...settings } = quick;
    expect(result.settings).toEqual(settings);
    expect(result.concurrentCitizensChecked).toBe(40);
  });

  it('measures every system in every round, the order rotated from one round to the next', () => {
    expect(result.systems.map((system) => system.name)).toEqual(systems.map((system) => system.name));
    expect(result.rounds).toHaveLength(quick.rounds);
    result.rounds.forEach((order, index) => expect(order).toEqual(rotated(result.rounds[0], index)));
  });

  it('has, per scenario, the systems that run it with their medians and rounds, and the ratios per round', () => {
    expect(result.scenarios.map((scenario) => scenario.name)).toEqual(scenarios.map((scenario) => scenario.name));
    for (const scenario of result.scenarios) {
      const definition = scenarios.find((entry) => entry.name === scenario.name)!;
      expect(Object.keys(scenario.systems).sort()).toEqual(systems.filter((system) => runsScenario(system, definition)).map((system) => system.name).sort());
      for (const measured of Object.values(scenario.systems)) {
        expect(measured).toEqual({
          median: expect.objectContaining({ cpuMsPerRequest: expect.any(Number), latencyMs: expect.any(Object), errors: expect.any(Number), requests: expect.any(Number) }),
          cpuMsPerRequest: spread,
          worstStallMs: { system: expect.any(Number), backend: expect.any(Number) },
          rounds: Array.from({ length: quick.rounds }, () => measurement),
        });
      }
      const compared = scenario.comparisons.map((each) => `${each.of}/${each.to}`);
      // Side by side, our gateway is driven with the systems the scenario names alone.
      if (definition.sideBySide) expect(compared).toEqual(definition.sideBySide.filter((name) => name !== 'gateway').map((name) => `gateway/${name}`));
      else expect(compared).toEqual(expect.arrayContaining(['gateway/stock', 'gateway/hive', 'gateway-redis/gateway', 'gateway/gateway-no-audit', 'gateway/gateway-apollo-executor']));
      if (runsScenario(systems.find((system) => system.name === 'floor')!, definition)) expect(compared).toEqual(expect.arrayContaining(['gateway/floor', 'gateway/floor-recorded']));
      if (runsScenario(systems.find((system) => system.name === 'naive')!, definition)) expect(compared).toContain('gateway/naive');
      for (const each of scenario.comparisons) {
        expect(each).toEqual({ of: expect.any(String), to: expect.any(String), what: expect.any(String), cpuMsPerRequest: nullOr(spread), latencyP99: nullOr(spread), requestsPerSecond: nullOr(spread) });
      }
    }
  });

  it('judges each target on the spread of its rounds: met, missed or undecided', () => {
    const names = result.targets.map((standing) => standing.target);
    const stock = systems.find((system) => system.name === 'stock')!;
    // Every operation stock runs is judged against it where both ran at once, and only there.
    for (const scenario of scenarios.filter((each) => runsScenario(stock, each))) {
      const beside = besideStockOf(scenario)!;
      expect(names).toContain(`${beside.name} (driven at once, ${besideStockRatePerSecond} requests/s each): CPU per request ≤ 1.0× stock Apollo Gateway`);
      if (!scenario.sideBySide) expect(names.filter((name) => name.startsWith(`${scenario.name}:`) && name.includes('stock'))).toEqual([]);
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'overview-warm: CPU per request ≤ 1.5× the floor',
        'overview-warm: p99 ≤ 1.5× the floor',
        `overview-warm at ${equalRatePerSecond} requests/s each: CPU per request ≤ 1.5× the floor`,
        'overview-warm: CPU per request ≤ 1.5× the floor that records (proposed, decision 0010)',
        `overview-warm side by side at ${sideBySideRatePerSecond} requests/s each: CPU per request ≤ 1.5× the floor`,
        `overview-warm side by side at ${sideBySideRatePerSecond} requests/s each: CPU per request ≤ 1.5× the floor that records (proposed, decision 0010)`,
      ]),
    );
    for (const standing of result.targets) expect(standing).toEqual({ target: expect.any(String), measured: expect.any(String), verdict: expect.stringMatching(/^(met|missed|undecided)$/) });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('--profile, in quick mode', () => {
  it('writes a CPU profile of our gateway, its self time by package or folder, and a flame graph', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'bench-profile-'));
    try {
      const { files, summary } = await profileGateway(quick, directory, () => undefined);
      expect(summary.busyMs).toBeGreaterThan(0);
      expect(summary.processCpuMs).toBeGreaterThan(0);
      expect(summary.requests).toBeGreaterThan(0);
      const groups = summary.groups.map((group) => group.group);
      // A package and a folder of ours that every warm overview spends time in (graphql-js itself gets too few samples to count on).
      expect(groups).toEqual(expect.arrayContaining(['@apollo/server', 'gateway/engine']));
      expect(summary.groups.reduce((sum, group) => sum + group.share, 0)).toBeCloseTo(1, 2);
      expect(JSON.parse(await readFile(files.cpuProfile, 'utf8'))).toEqual(expect.objectContaining({ nodes: expect.any(Array), samples: expect.any(Array) }));
      expect(JSON.parse(await readFile(files.summary, 'utf8'))).toEqual(expect.objectContaining({ groups: summary.groups }));
      expect(await readFile(files.flameGraph, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<svg[\s\S]*<rect/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 300_000);
});
