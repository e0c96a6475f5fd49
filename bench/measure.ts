import { setTimeout as sleep } from 'node:timers/promises';
import { subgraphNames } from '../lib/config';
import type { BackendInfo, BackendMethods, CacheCounts } from './backend-process';
import type { Child } from './child-process';
import { drive, type LoadResult } from './load';
import type { Profile } from './profiles';
import { round } from './round';
import type { TargetInfo, TargetMethods } from './target-process';

/** What one system did in one scenario, over the measured window only (not the warm-up). */
export interface Measurement extends LoadResult {
  /**
   * Per index and in total, from the simulator's recorder once the run's last requests have
   * finished in their system, divided by the requests sent (those cut off made their calls too).
   */
  upstreamCallsPerRequest: Record<string, number> & { total: number };
  /**
   * From the subgraphs' cache metrics: (hit + stale) / (hit + stale + miss) over the searches
   * they read through the cache. null when nothing was looked up (the naive subgraphs).
   */
  cacheHitRatio: number | null;
  /** Resident memory of the system's process at the end of the run. */
  rssMb: number;
  /** User + system CPU time of the system's process (gateway, baseline or floor client) per completed request. */
  cpuMsPerRequest: number;
  /** The longest the system's and the backend's event loops were each held up during the run, in ms: what a tail may be. */
  worstStallMs: { system: number; backend: number };
}

/**
 * Requests cut off when a run ends still finish in their system, and their upstream calls belong
 * to that run: wait as long as the run's slowest request took (bounded) before counting.
 */
const settle = (run: LoadResult) => sleep(Math.min(3_000, Math.max(100, run.latencyMs.max)));

export interface Run {
  target: Child<TargetInfo, TargetMethods>;
  backend: Child<BackendInfo, BackendMethods>;
  profile: Profile;
  query: string;
  variables?: Record<string, unknown>;
  ratePerSecond?: number;
  warmup: Record<string, string>[];
  measured: Record<string, string>[];
}

function hitRatio(before: CacheCounts, after: CacheCounts): number | null {
  const delta = (result: keyof CacheCounts) => after[result] - before[result];
  const lookups = delta('hit') + delta('stale') + delta('miss');
  return lookups === 0 ? null : round((delta('hit') + delta('stale')) / lookups, 3);
}

/**
 * One system measured, or several driven at once, each with its own load, over the same seconds: what the machine
 * does meanwhile (another tenant, a slower minute) it does to all of them, so their ratio holds
 * where one measured after the other would drift. The backend serves them all: its upstream calls
 * and cache lookups are shared out over all the requests sent.
 */
export async function measureTogether(runs: Run[], durationSeconds = runs[0]!.profile.durationSeconds): Promise<Measurement[]> {
  const { backend, profile } = runs[0]!;
  const loads = runs.map((run) => ({ url: run.target.info.url, query: run.query, variables: run.variables, connections: profile.connections, ratePerSecond: run.ratePerSecond }));
  const warmed = await Promise.all(runs.map((run, index) => drive({ ...loads[index]!, durationSeconds: profile.warmupSeconds, credentials: run.warmup })));
  await Promise.all(warmed.map(settle));

  await backend.call('resetCalls');
  // Reading the worst stalls starts them again, so what is read after the run is the run's.
  const readTargets = () => Promise.all(runs.map(({ target }) => Promise.all([target.call('usage'), target.call('worstStall')])));
  const [lookupsBefore, , before] = await Promise.all([backend.call('cacheLookups'), backend.call('worstStall'), readTargets()]);
  const results = await Promise.all(runs.map((run, index) => drive({ ...loads[index]!, durationSeconds, credentials: run.measured })));
  const [after, backendStall] = await Promise.all([readTargets(), backend.call('worstStall')]);
  await Promise.all(results.map(settle));
  const [calls, lookupsAfter] = await Promise.all([backend.call('calls'), backend.call('cacheLookups')]);

  const sent = results.reduce((sum, result) => sum + result.requestsSent, 0);
  const perRequest = (count: number) => round(count / Math.max(1, sent), 3);
  const indexes = [...new Set([...subgraphNames, ...Object.keys(calls)])] as (keyof typeof calls)[];
  const total = indexes.reduce((sum, index) => sum + (calls[index] ?? 0), 0);
  const upstreamCallsPerRequest = { ...Object.fromEntries(indexes.map((index) => [index, perRequest(calls[index] ?? 0)])), total: perRequest(total) };
  // The backend's figures are the run's as a whole, the same for every system in it.
  const cacheHitRatio = hitRatio(lookupsBefore, lookupsAfter);
  return results.map((result, index) => {
    const [usageBefore] = before[index]!;
    const [usageAfter, systemStall] = after[index]!;
    return {
      ...result,
      upstreamCallsPerRequest,
      cacheHitRatio,
      rssMb: round(usageAfter.rssBytes / 2 ** 20, 1),
      cpuMsPerRequest: round((usageAfter.cpuMicros - usageBefore.cpuMicros) / 1000 / Math.max(1, result.requests), 3),
      worstStallMs: { system: systemStall, backend: backendStall },
    };
  });
}
