import { subgraphNames } from '../lib/config';
import { formatSpread } from './spread';
import type { BenchResult, SystemResult } from './summary';
import type { SystemName } from './systems';

const fixed = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));

function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function measurementRow(scenario: string, system: SystemName, result: SystemResult): string[] {
  const { median } = result;
  const calls = median.upstreamCallsPerRequest;
  return [
    scenario,
    system,
    `${fixed(median.cpuMsPerRequest, 3)} (${fixed(result.cpuMsPerRequest.min, 3)}–${fixed(result.cpuMsPerRequest.max, 3)})`,
    fixed(median.latencyMs.p50, 1),
    fixed(median.latencyMs.p99, 1),
    fixed(median.requestsPerSecond, 1),
    `${median.errors} of ${median.requests}`,
    `${fixed(calls.total)} (${subgraphNames.map((index) => fixed(calls[index])).join('/')})`,
    median.cacheHitRatio === null ? 'off' : `${(median.cacheHitRatio * 100).toFixed(0)}%`,
    fixed(median.rssMb, 0),
    `${fixed(result.worstStallMs.system, 0)}/${fixed(result.worstStallMs.backend, 0)}`,
  ];
}

/** The run as Markdown tables: readable in a terminal, and pasted as they are into README files. */
export function formatReport(result: BenchResult): string {
  const { environment, settings } = result;
  const context =
    `${result.mode} run, ${result.generatedAt}: Node ${environment.node}, ${environment.cpus} CPUs (${environment.cpuModel}), ` +
    `load average ${environment.loadAverage.atStart} → ${environment.loadAverage.atEnd}; every process ${environment.processes.how}; ` +
    `audit trail in ${environment.auditStore}; Redis rows: ${environment.redis}; ` +
    `${settings.rounds} rounds (orders: ${result.rounds.map((order) => order.join(' → ')).join('; ')}); ` +
    `${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s per system, scenario and round, ` +
    `${settings.upstreamLatencyMs} ms upstream latency per index call; ` +
    `every system first gave ${result.concurrentCitizensChecked} citizens asking at once the floor's answer for each.`;
  const legend = result.systems.map((system) => `${system.name}: ${system.label}`).join('; ');
  const measurements = markdownTable(
    ['scenario', 'system', 'CPU ms/req median (min–max)', 'p50 ms', 'p99 ms', 'req/s', 'errors', 'upstream calls/req (c/b/p/a/px)', 'cache hits', 'RSS MB', 'worst stall ms (system/backend)'],
    result.scenarios.flatMap((scenario) =>
      (Object.entries(scenario.systems) as [SystemName, SystemResult][]).map(([system, measured]) => measurementRow(scenario.name, system, measured)),
    ),
  );
  const ratios = markdownTable(
    ['scenario', 'ratio', 'CPU/req', 'p99', 'req/s'],
    result.scenarios.flatMap((scenario) =>
      scenario.comparisons.map((each) => [
        scenario.name,
        `${each.of} ÷ ${each.to} (${each.what})`,
        formatSpread(each.cpuMsPerRequest),
        formatSpread(each.latencyP99),
        formatSpread(each.requestsPerSecond),
      ]),
    ),
  );
  const targets = markdownTable(
    ['target', 'measured: median (min–max)', 'verdict'],
    result.targets.map((standing) => [standing.target, standing.measured, standing.verdict]),
  );
  return [context, '', legend, '', 'Medians over the rounds (errors and requests summed):', '', measurements, '', 'Ratios per round, median (min–max):', '', ratios, '', targets, ''].join('\n');
}
