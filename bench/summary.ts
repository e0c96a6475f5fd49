import { subgraphNames } from '../lib/config';
import { onePerIndex } from '../test/support/overview';
import type { ChildRuntime } from './child-process';
import type { Measurement } from './measure';
import type { Profile } from './profiles';
import { round } from './round';
import { equalRatePerSecond, scenarios, sideBySideRatePerSecond, type Scenario } from './scenarios';
import { formatSpread, median, spreadOf, verdictOf, type Spread, type Verdict } from './spread';
import { runsScenario, type System, type SystemName } from './systems';

/** One round: the order the systems ran in, and each one's measurement per scenario it runs. */
export interface RoundMeasurements {
  order: SystemName[];
  bySystem: Partial<Record<SystemName, Record<string, Measurement>>>;
}

/** One system in one scenario: its figures' medians over the rounds (errors and requests summed), and every round's measurement. */
export interface SystemResult {
  median: Pick<Measurement, 'requestsPerSecond' | 'latencyMs' | 'cpuMsPerRequest' | 'upstreamCallsPerRequest' | 'cacheHitRatio' | 'rssMb'> & {
    /** Summed over the rounds, like requests. */
    errors: number;
    requests: number;
  };
  cpuMsPerRequest: Spread;
  /** The worst of any round: a tail in the p99 column beside a stall this long is the stall's. */
  worstStallMs: Measurement['worstStallMs'];
  rounds: Measurement[];
}

/** `of`'s figure ÷ `to`'s, per round, as median and spread: < 1 is less CPU, lower p99; > 1 is more req/s. */
export interface Comparison {
  of: SystemName;
  to: SystemName;
  what: string;
  cpuMsPerRequest: Spread | null;
  latencyP99: Spread | null;
  requestsPerSecond: Spread | null;
}

export interface ScenarioResult {
  name: string;
  cache: Scenario['cache'];
  systems: Partial<Record<SystemName, SystemResult>>;
  comparisons: Comparison[];
}

/** Where the run stands against one target; reported, never asserted. */
export interface Standing {
  target: string;
  measured: string;
  verdict: Verdict;
}

export interface BenchResult {
  generatedAt: string;
  mode: Profile['name'];
  environment: {
    node: string;
    cpus: number;
    cpuModel: string;
    platform: string;
    /** The machine's 1-minute load average: above the CPU count, something else competed for it. */
    loadAverage: { atStart: number; atEnd: number };
    /** Where our gateway wrote its audit trail: a PostgreSQL apart, or PGlite inside its process. */
    auditStore: 'postgresql' | 'embedded PGlite';
    /** The Redis the production-shaped rows used, or why they are missing. */
    redis: string;
    /** How the backend and every system under test ran, as each reported it (checked: no hooks, no source maps). */
    processes: ChildRuntime & { how: string };
  };
  settings: Omit<Profile, 'name'>;
  /** Fresh citizens who asked every system for their overview at once, before it was measured, each answered as by the floor. */
  concurrentCitizensChecked: number;
  systems: { name: SystemName; label: string }[];
  /** Each round's order of systems. */
  rounds: SystemName[][];
  scenarios: ScenarioResult[];
  targets: Standing[];
}

const comparisons: Pick<Comparison, 'of' | 'to' | 'what'>[] = [
  { of: 'gateway', to: 'stock', what: 'ours ÷ stock Apollo Gateway' },
  { of: 'gateway', to: 'hive', what: 'ours ÷ Hive Gateway (Rust planner)' },
  { of: 'gateway', to: 'floor', what: 'ours ÷ the floor' },
  { of: 'gateway', to: 'floor-recorded', what: 'ours ÷ the floor that records' },
  { of: 'gateway', to: 'naive', what: 'ours ÷ ours over naive subgraphs' },
  { of: 'gateway-redis', to: 'gateway', what: 'what Redis as the cache costs' },
  { of: 'gateway', to: 'gateway-no-audit', what: 'what the audit trail costs' },
  { of: 'gateway', to: 'gateway-apollo-executor', what: "compiled plans ÷ Apollo's executor" },
];

const ratio = (of: number, to: number): number | null => (to === 0 ? null : of / to);

function systemResult(measurements: Measurement[]): SystemResult {
  const middle = (pick: (measurement: Measurement) => number) => median(measurements.map(pick));
  const indexes = Object.keys(measurements[0].upstreamCallsPerRequest);
  const hitRatios = measurements.map((measurement) => measurement.cacheHitRatio);
  return {
    median: {
      requestsPerSecond: round(middle((m) => m.requestsPerSecond), 1),
      latencyMs: {
        p50: round(middle((m) => m.latencyMs.p50)),
        p95: round(middle((m) => m.latencyMs.p95)),
        p99: round(middle((m) => m.latencyMs.p99)),
        max: round(middle((m) => m.latencyMs.max)),
      },
      cpuMsPerRequest: round(middle((m) => m.cpuMsPerRequest), 3),
      upstreamCallsPerRequest: Object.fromEntries(indexes.map((index) => [index, round(middle((m) => m.upstreamCallsPerRequest[index]), 3)])) as Measurement['upstreamCallsPerRequest'],
      cacheHitRatio: hitRatios.some((value) => value === null) ? null : round(median(hitRatios as number[]), 3),
      rssMb: round(middle((m) => m.rssMb), 1),
      errors: measurements.reduce((sum, m) => sum + m.errors, 0),
      requests: measurements.reduce((sum, m) => sum + m.requests, 0),
    },
    cpuMsPerRequest: spreadOf(measurements.map((m) => m.cpuMsPerRequest), 3)!,
    worstStallMs: {
      system: Math.max(...measurements.map((m) => m.worstStallMs.system)),
      backend: Math.max(...measurements.map((m) => m.worstStallMs.backend)),
    },
    rounds: measurements,
  };
}

/** Per scenario: each system's medians over the rounds, and the ratios of each round, compared within that round. */
export function summarise(list: Scenario[], measured: System[], rounds: RoundMeasurements[]): ScenarioResult[] {
  return list.map((scenario) => {
    const perRound = (name: SystemName) => rounds.flatMap((each) => each.bySystem[name]?.[scenario.name] ?? []);
    const systems = Object.fromEntries(
      measured.filter((system) => runsScenario(system, scenario)).map((system) => [system.name, systemResult(perRound(system.name))]),
    ) as ScenarioResult['systems'];
    const compared = comparisons.flatMap((comparison) => {
      const pairs = rounds.flatMap((each) => {
        const of = each.bySystem[comparison.of]?.[scenario.name];
        const to = each.bySystem[comparison.to]?.[scenario.name];
        return of && to ? [{ of, to }] : [];
      });
      if (pairs.length === 0) return [];
      return [{
        ...comparison,
        cpuMsPerRequest: spreadOf(pairs.map(({ of, to }) => ratio(of.cpuMsPerRequest, to.cpuMsPerRequest))),
        latencyP99: spreadOf(pairs.map(({ of, to }) => ratio(of.latencyMs.p99, to.latencyMs.p99))),
        requestsPerSecond: spreadOf(pairs.map(({ of, to }) => ratio(of.requestsPerSecond, to.requestsPerSecond))),
      }];
    });
    return { name: scenario.name, cache: scenario.cache, systems, comparisons: compared };
  });
}

function spreadStanding(target: string, spread: Spread | null, limit: number, direction: 'atMost' | 'atLeast' = 'atMost'): Standing {
  return { target, measured: `${formatSpread(spread)} over ${spread?.rounds.length ?? 0} rounds`, verdict: verdictOf(spread, limit, direction) };
}

/**
 * Issue 18's targets on the ratios of each round (CPU per request against stock on every scenario, side by side,
 * warm overview CPU and p99 against the floor), and issue 8's on upstream calls, each judged on its
 * spread over the rounds.
 */
export function standings(results: ScenarioResult[]): Standing[] {
  const list: Standing[] = [];
  const comparison = (result: ScenarioResult | undefined, to: SystemName) => result?.comparisons.find((each) => each.of === 'gateway' && each.to === to);
  // Judged where ours and stock ran at once: one after the other, the machine's drift from minute to
  // minute moves the ratio more than the gateways differ, and the ratios there are information.
  for (const result of results) {
    const stock = comparison(result, 'stock');
    const definition = scenarios.find((each) => each.name === result.name);
    if (stock && definition?.sideBySide) {
      list.push(spreadStanding(`${result.name} (driven at once, ${definition.ratePerSecond} requests/s each): CPU per request ≤ 1.0× stock Apollo Gateway`, stock.cpuMsPerRequest, 1));
    }
  }
  const warm = results.find((result) => result.name === 'overview-warm');
  const floor = comparison(warm, 'floor');
  if (floor) {
    list.push(spreadStanding('overview-warm: CPU per request ≤ 1.5× the floor', floor.cpuMsPerRequest, 1.5));
    list.push(spreadStanding('overview-warm: p99 ≤ 1.5× the floor', floor.latencyP99, 1.5));
  }
  // The same target with both driven at one rate: the closed loop measures the faster floor harder.
  const atEqualRate = comparison(results.find((result) => result.name === 'overview-warm-equal-rate'), 'floor');
  if (atEqualRate) list.push(spreadStanding(`overview-warm at ${equalRatePerSecond} requests/s each: CPU per request ≤ 1.5× the floor`, atEqualRate.cpuMsPerRequest, 1.5));
  // Proposed in decision 0010: the floor that does what no gateway here may skip, recording before answering.
  const recorded = comparison(warm, 'floor-recorded');
  if (recorded) list.push(spreadStanding('overview-warm: CPU per request ≤ 1.5× the floor that records (proposed, decision 0010)', recorded.cpuMsPerRequest, 1.5));
  // Driven at once over the same seconds, where a slower minute of the machine cannot fall on one of them alone.
  const sideBySide = results.find((result) => result.name === 'overview-warm-side-by-side');
  const floorBeside = comparison(sideBySide, 'floor');
  if (floorBeside) {
    list.push(spreadStanding(`overview-warm side by side at ${sideBySideRatePerSecond} requests/s each: CPU per request ≤ 1.5× the floor`, floorBeside.cpuMsPerRequest, 1.5));
    list.push(spreadStanding(`overview-warm side by side at ${sideBySideRatePerSecond} requests/s each: p99 ≤ 1.5× the floor`, floorBeside.latencyP99, 1.5));
  }
  const recordedBeside = comparison(sideBySide, 'floor-recorded');
  if (recordedBeside) {
    list.push(spreadStanding(`overview-warm side by side at ${sideBySideRatePerSecond} requests/s each: CPU per request ≤ 1.5× the floor that records (proposed, decision 0010)`, recordedBeside.cpuMsPerRequest, 1.5));
  }
  const cold = results.find((result) => result.name === 'overview-cold');
  const ours = (result: ScenarioResult | undefined) => result?.systems.gateway?.rounds ?? [];
  // As deployed, the subgraphs share one cache in Redis. With a cache in each subgraph's process, a
  // subgraph that reads another area's index for its rules (a benefit's case) searches it again.
  const deployed = cold?.systems['gateway-redis'] ? 'gateway-redis' : 'gateway';
  if (cold) {
    const offByMost = (cold.systems[deployed]?.rounds ?? []).map((m) => Math.max(...subgraphNames.map((index) => Math.abs(m.upstreamCallsPerRequest[index] - onePerIndex[index]))));
    const perIndex = subgraphNames.map((index) => `${index} ${cold.systems[deployed]!.median.upstreamCallsPerRequest[index].toFixed(3)}`);
    list.push({ target: `overview-cold: exactly 1 upstream call per index and appointment source system (${deployed})`, measured: `medians ${perIndex.join(', ')}`, verdict: verdictOf(spreadOf(offByMost, 2), 0, 'atMost') });
  }
  if (warm) {
    // A few calls per thousand answers are the refreshes once a short TTL runs out (proxies: 5 s).
    const calls = spreadOf(ours(warm).map((m) => m.upstreamCallsPerRequest.total), 3);
    list.push({ target: 'overview-warm: 0 upstream calls, but for refreshes (≤ 0.01 per request)', measured: `${formatSpread(calls, '')} calls/request`, verdict: verdictOf(calls, 0.01, 'atMost') });
  }
  for (const result of [cold, warm]) {
    const naive = comparison(result, 'naive');
    if (!result || !naive) continue;
    const fewer = spreadOf(
      result.systems.gateway!.rounds.map((m, n) => ratio(m.upstreamCallsPerRequest.total, result.systems.naive!.rounds[n].upstreamCallsPerRequest.total)),
      3,
    );
    list.push({ target: `${result.name}: ≥5× fewer upstream calls than naive (≤ 0.20× its calls)`, measured: formatSpread(fewer), verdict: verdictOf(fewer, 0.2, 'atMost') });
  }
  const naiveWarm = warm?.systems.naive;
  if (warm && naiveWarm) {
    // An overloaded naive baseline fails fast (its breakers open): count answers without errors. A
    // round in which it answered none counts as one answer, so the ratio is at least what it shows.
    const answered = (m: Measurement) => Math.max(1, m.requests - m.errors) / m.durationSeconds;
    const speedup = spreadOf(warm.systems.gateway!.rounds.map((m, n) => ratio(answered(m), answered(naiveWarm.rounds[n]))));
    list.push(spreadStanding('overview-warm: ≥3× naive req/s (answers without errors)', speedup, 3, 'atLeast'));
  }
  return list;
}
