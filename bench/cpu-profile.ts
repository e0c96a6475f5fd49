import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { personas } from '../mocks/fixtures/personas';
import { dropAuditDatabase } from '../test/support/stack';
import type { BackendInfo, BackendMethods, BackendOptions } from './backend-process';
import { auditDatabase, type Target } from './benchmark';
import { assertDeployed, forkChild } from './child-process';
import { compileBench } from './compiled';
import { flameGraphHtml } from './flame-graph';
import { drive } from './load';
import { summariseProfile, type CpuProfile, type ProfileSummary } from './profile-summary';
import type { Profile } from './profiles';
import { round } from './round';
import { scenarios, type Scenario } from './scenarios';
import { credentialsFor, ourGateway } from './systems';
import type { TargetInfo, TargetMethods, TargetOptions } from './target-process';

/** The files one profiling run writes, in its directory under bench/results/. */
export interface ProfileFiles {
  directory: string;
  cpuProfile: string;
  summary: string;
  flameGraph: string;
}

/** The summary by group, with the CPU the operating system counted for the process over the same window. */
export interface MeasuredProfile extends ProfileSummary {
  /** User + system CPU of the gateway's process while the profiler ran (the profiler's own cost included). */
  processCpuMs: number;
  requests: number;
}

/** The scenario profiled unless another is named: where most of a citizen's requests go. */
export const defaultProfiledScenario = 'overview-warm';

/** A warm scenario by name; a cold one would profile the upstream simulator's misses, not the gateway. */
export function profiledScenario(name: string): Scenario {
  const scenario = scenarios.find((candidate) => candidate.name === name && candidate.cache === 'warm');
  if (!scenario) throw new Error(`no warm scenario ${name} (warm: ${scenarios.filter(({ cache }) => cache === 'warm').map(({ name: known }) => known).join(', ')})`);
  return scenario;
}

/**
 * `npm run bench -- --profile [--scenario NAME]`: our gateway, compiled and alone in its process
 * as in the benchmark, under a warm scenario (its persona and caller, the profile's connections). It is warmed up for three
 * times the profile's warm-up (the JIT settles first), then V8's sampling profiler runs for the
 * measured duration only. Writes the `.cpuprofile` (open it in Chrome DevTools), the self time by
 * package or folder (JSON) and a flame graph (HTML), and returns the summary.
 */
export async function profileGateway(
  profile: Profile,
  directory: string,
  log: (line: string) => void,
  scenario: Scenario = profiledScenario(defaultProfiledScenario),
): Promise<{ files: ProfileFiles; summary: MeasuredProfile }> {
  await mkdir(directory, { recursive: true });
  const name = `gateway-${scenario.name}`;
  const files: ProfileFiles = {
    directory,
    cpuProfile: join(directory, `${name}.cpuprofile`),
    summary: join(directory, `${name}.summary.json`),
    flameGraph: join(directory, `${name}.flame.html`),
  };
  const build = await compileBench(log);
  try {
    const backend = await forkChild<BackendOptions, BackendInfo, BackendMethods>(build.modulePath('backend-process'), {
      syntheticCitizens: 0,
      upstreamLatencyMs: profile.upstreamLatencyMs,
    });
    const databaseUrl = await auditDatabase(log);
    let target: Target | undefined;
    let measured = { processCpuMs: 0, requests: 0 };
    try {
      const { info } = backend;
      target = await forkChild<TargetOptions, TargetInfo, TargetMethods>(
        build.modulePath('target-process'),
        ourGateway(info, databaseUrl, { cpuProfilePath: files.cpuProfile }),
        { NODE_ENV: 'production' },
      );
      assertDeployed('gateway', target.runtime);
      const load = {
        url: target.info.url,
        query: scenario.query,
        variables: scenario.variables,
        connections: profile.connections,
        ratePerSecond: scenario.ratePerSecond,
        credentials: await credentialsFor('gateway', [personas[scenario.persona].cpr], info.issuerUrl, scenario.caller),
      };
      await drive({ ...load, durationSeconds: 3 * profile.warmupSeconds });
      const before = await target.call('usage');
      await target.call('startProfiling');
      const run = await drive({ ...load, durationSeconds: profile.durationSeconds });
      await target.call('stopProfiling');
      const after = await target.call('usage');
      measured = { processCpuMs: round((after.cpuMicros - before.cpuMicros) / 1000, 1), requests: run.requests };
      log(`profiled ${run.requests} requests (${run.errors} errors)`);
    } finally {
      await target?.stop();
      await backend.stop();
      if (databaseUrl) await dropAuditDatabase(databaseUrl);
    }
    const cpuProfile = JSON.parse(await readFile(files.cpuProfile, 'utf8')) as CpuProfile;
    const summary: MeasuredProfile = { ...summariseProfile(cpuProfile, build.root), ...measured };
    await writeFile(files.summary, `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, mode: profile.name, ...summary }, null, 2)}\n`);
    await writeFile(files.flameGraph, flameGraphHtml(cpuProfile, build.root, summary, `Our gateway under ${scenario.name} (${profile.name} profile)`));
    return { files, summary };
  } finally {
    await build.remove();
  }
}

export function formatProfileSummary({ summary, files }: { summary: MeasuredProfile; files: ProfileFiles }): string {
  const rows = summary.groups.map((group) => `| ${group.group} | ${group.selfMs.toFixed(1)} | ${(group.share * 100).toFixed(1)} % |`);
  return [
    `${summary.requests} requests; the process used ${summary.processCpuMs.toFixed(1)} ms of CPU (${(summary.processCpuMs / Math.max(1, summary.requests)).toFixed(3)} ms per request, profiler included).`,
    `${summary.busyMs.toFixed(1)} ms sampled busy (${summary.samples} samples, ${summary.idleMs.toFixed(1)} ms idle left out; busy includes waiting for a core); self time by package or folder:`,
    '',
    '| package or folder | self ms | share |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `flame graph: ${files.flameGraph}`,
    `profile (Chrome DevTools, Performance → Load profile): ${files.cpuProfile}`,
    '',
  ].join('\n');
}
