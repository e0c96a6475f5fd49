import { subgraphNames } from '../lib/config';
import type { Measurement } from './measure';
import type { Profile } from './profiles';
import { round } from './round';
import type { Scenario } from './scenarios';
import { systems, type SystemName } from './systems';

export type Baseline = Exclude<SystemName, 'gateway'>;
const baselines: Baseline[] = ['floor', 'naive', 'stock'];

/** Our gateway's figure divided by the baseline's (null when the baseline's is 0). */
export interface Ratios {
  requestsPerSecond: number | null;
  latencyP99: number | null;
  upstreamCallsPerRequest: number | null;
  gatewayCpuMsPerRequest: number | null;
}

/** Our gateway's measurement, with the baselines' and the ratios to them. */
export interface ScenarioResult extends Measurement {
  name: string;
  cache: Scenario['cache'];
  baselines: Partial<Record<Baseline, Measurement>>;
  ratios: Partial<Record<Baseline, Ratios>>;
}

/** Where a run stands against one of the issue's targets; reported, never asserted. */
export interface Standing {
  target: string;
  measured: string;
  met: boolean;
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
  };
  settings: Omit<Profile, 'name'>;
  systems: { name: SystemName; label: string }[];
  scenarios: ScenarioResult[];
  targets: Standing[];
}

const ratio = (ours: number, base: number) => (base === 0 ? null : round(ours / base));

function ratiosTo(ours: Measurement, base: Measurement): Ratios {
  return {
    requestsPerSecond: ratio(ours.requestsPerSecond, base.requestsPerSecond),
    latencyP99: ratio(ours.latencyMs.p99, base.latencyMs.p99),
    upstreamCallsPerRequest: ratio(ours.upstreamCallsPerRequest.total, base.upstreamCallsPerRequest.total),
    gatewayCpuMsPerRequest: ratio(ours.gatewayCpuMsPerRequest, base.gatewayCpuMsPerRequest),
  };
}

export function scenarioResult(scenario: Scenario, measured: Partial<Record<SystemName, Measurement>>): ScenarioResult {
  const ours = measured.gateway;
  if (!ours) throw new Error(`${scenario.name}: our gateway was not measured`);
  const present = baselines.filter((name) => measured[name]);
  return {
    name: scenario.name,
    cache: scenario.cache,
    ...ours,
    baselines: Object.fromEntries(present.map((name) => [name, measured[name]])),
    ratios: Object.fromEntries(present.map((name) => [name, ratiosTo(ours, measured[name]!)])),
  };
}

const fixed = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));
const times = (value: number | null | undefined) => (value === null || value === undefined ? 'n/a' : `${value.toFixed(2)}×`);

/** The issue's targets, read off the overview scenarios. */
export function standings(results: ScenarioResult[]): Standing[] {
  const cold = results.find((result) => result.name === 'overview-cold');
  const warm = results.find((result) => result.name === 'overview-warm');
  const list: Standing[] = [];
  if (cold) {
    const perIndex = subgraphNames.map((index) => `${index} ${fixed(cold.upstreamCallsPerRequest[index], 3)}`);
    list.push({
      target: 'cold overview: exactly 1 upstream call per index',
      measured: perIndex.join(', '),
      met: subgraphNames.every((index) => cold.upstreamCallsPerRequest[index] === 1),
    });
  }
  if (warm) {
    list.push({
      target: 'warm overview: 0 upstream calls',
      measured: `${fixed(warm.upstreamCallsPerRequest.total, 3)} calls/request`,
      met: warm.upstreamCallsPerRequest.total === 0,
    });
    const p99 = warm.ratios.floor?.latencyP99 ?? null;
    list.push({
      target: 'warm overview: p99 ≤ 2× floor p99',
      measured: `${fixed(warm.latencyMs.p99, 1)} vs ${fixed(warm.baselines.floor?.latencyMs.p99, 1)} ms = ${times(p99)}`,
      met: p99 !== null && p99 <= 2,
    });
  }
  for (const result of [cold, warm]) {
    const naive = result?.baselines.naive;
    if (!result || !naive) continue;
    const fewer = result.upstreamCallsPerRequest.total === 0 ? Number.POSITIVE_INFINITY : naive.upstreamCallsPerRequest.total / result.upstreamCallsPerRequest.total;
    list.push({
      target: `${result.name}: ≥5× fewer upstream calls than naive`,
      measured: `${fixed(naive.upstreamCallsPerRequest.total)} → ${fixed(result.upstreamCallsPerRequest.total)} calls/request (${Number.isFinite(fewer) ? `${fewer.toFixed(1)}×` : 'none left'})`,
      met: fewer >= 5,
    });
  }
  const naiveWarm = warm?.baselines.naive;
  if (warm && naiveWarm) {
    // An overloaded naive baseline fails fast (its breakers open): count answers without errors.
    const answered = (m: Measurement) => (m.requests - m.errors) / m.durationSeconds;
    const speedup = answered(naiveWarm) === 0 ? Number.POSITIVE_INFINITY : answered(warm) / answered(naiveWarm);
    list.push({
      target: 'warm overview: ≥3× naive req/s (answers without errors)',
      measured: `${fixed(answered(warm), 1)} vs ${fixed(answered(naiveWarm), 1)} req/s = ${Number.isFinite(speedup) ? times(speedup) : 'naive answered none'} (naive: ${naiveWarm.errors} of ${naiveWarm.requests} answers were errors)`,
      met: speedup >= 3,
    });
  }
  for (const result of results) {
    const cpu = result.ratios.stock?.gatewayCpuMsPerRequest;
    if (cpu === undefined) continue;
    list.push({
      target: `${result.name}: gateway CPU per request ≤ 1.5× stock`,
      measured: `${fixed(result.gatewayCpuMsPerRequest, 3)} vs ${fixed(result.baselines.stock?.gatewayCpuMsPerRequest, 3)} ms = ${times(cpu)}`,
      met: cpu !== null && cpu <= 1.5,
    });
  }
  return list;
}

function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The run as Markdown tables: readable in a terminal, and pasted as they are into README files. */
export function formatReport(result: BenchResult): string {
  const calls = (measurement: Measurement) => {
    const perIndex = subgraphNames.map((index) => fixed(measurement.upstreamCallsPerRequest[index]));
    return `${fixed(measurement.upstreamCallsPerRequest.total)} (${perIndex.join('/')})`;
  };
  const measurements = markdownTable(
    ['scenario', 'system', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'upstream calls/req (c/b/p/a/px)', 'cache hits', 'RSS MB', 'CPU ms/req'],
    result.scenarios.flatMap((scenario) =>
      (['gateway', ...baselines] as SystemName[]).flatMap((system) => {
        const measurement = system === 'gateway' ? scenario : scenario.baselines[system as Baseline];
        if (!measurement) return [];
        return [[
          scenario.name,
          system,
          fixed(measurement.requestsPerSecond, 1),
          fixed(measurement.latencyMs.p50, 1),
          fixed(measurement.latencyMs.p95, 1),
          fixed(measurement.latencyMs.p99, 1),
          String(measurement.errors),
          calls(measurement),
          measurement.cacheHitRatio === null ? 'off' : `${(measurement.cacheHitRatio * 100).toFixed(0)}%`,
          fixed(measurement.rssMb, 0),
          fixed(measurement.gatewayCpuMsPerRequest, 3),
        ]];
      }),
    ),
  );
  const ratios = markdownTable(
    ['scenario', 'gateway ÷', 'req/s', 'p99', 'upstream calls', 'CPU/req'],
    result.scenarios.flatMap((scenario) =>
      baselines.flatMap((baseline) => {
        const r = scenario.ratios[baseline];
        if (!r) return [];
        return [[scenario.name, baseline, times(r.requestsPerSecond), times(r.latencyP99), times(r.upstreamCallsPerRequest), times(r.gatewayCpuMsPerRequest)]];
      }),
    ),
  );
  const targets = markdownTable(
    ['target', 'measured', 'met'],
    result.targets.map((standing) => [standing.target, standing.measured, standing.met ? 'yes' : 'no']),
  );
  const { environment, settings } = result;
  const context =
    `${result.mode} run, ${result.generatedAt}: Node ${environment.node}, ${environment.cpus} CPUs (${environment.cpuModel}), ` +
    `load average ${environment.loadAverage.atStart} → ${environment.loadAverage.atEnd}, audit trail in ${environment.auditStore}; ` +
    `${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s per system and scenario, ` +
    `${settings.upstreamLatencyMs} ms upstream latency per index call.`;
  const legend = systems.map((system) => `${system.name}: ${system.label}`).join('; ');
  return [context, legend, '', measurements, '', ratios, '', targets, ''].join('\n');
}
