import { fileURLToPath } from 'node:url';
import { round } from './round';

/** The parts of V8's `.cpuprofile` (the inspector's Profiler.stop) read here. */
export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  /** Microseconds from the previous sample (the first: from the start). */
  timeDeltas: number[];
}

/** Time V8 sampled while the process waited for work: not CPU, left out of every share. */
export const idleGroup = '(idle)';

/** Self time per node in microseconds: each sample lasts until the next one is taken. */
export function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, n) => {
    const duration = profile.timeDeltas[n + 1] ?? 0;
    self.set(id, (self.get(id) ?? 0) + duration);
  });
  return self;
}

/**
 * Who a frame's time belongs to: a package under node_modules (by its name, scoped or not), a
 * folder of ours (relative to the compiled tree, e.g. `gateway/plugins`), Node's own JavaScript,
 * or V8's pseudo-frames (garbage collector, program, idle) and built-ins without a script.
 */
export function groupOf(node: CpuProfileNode, compiledRoot: string): string {
  const { url, functionName } = node.callFrame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(V8 built-ins)';
  if (url.startsWith('node:') || url.startsWith('internal/')) return 'node (internals)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const packagePath = path.split('/node_modules/').at(-1)!;
  if (packagePath !== path) {
    const [first, second] = packagePath.split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (path.startsWith(`${compiledRoot}/`)) {
    const parts = path.slice(compiledRoot.length + 1).split('/');
    return parts.length > 1 ? parts.slice(0, -1).join('/') : '(root files)';
  }
  return 'other';
}

export interface GroupShare {
  group: string;
  selfMs: number;
  /** Of the sampled busy time, idle left out. */
  share: number;
}

export interface ProfileSummary {
  /**
   * Time the sampler found the process busy (idle left out). V8 samples by the clock, so this
   * includes time the process was ready but waiting for a core and leaves out the profiler's own
   * thread: it is not the CPU the process used (the profile run reports that too, from the
   * operating system).
   */
  busyMs: number;
  idleMs: number;
  samples: number;
  groups: GroupShare[];
}

export function summariseProfile(profile: CpuProfile, compiledRoot: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byGroup = new Map<string, number>();
  for (const [id, micros] of selfTimes(profile)) {
    const group = groupOf(byId.get(id)!, compiledRoot);
    byGroup.set(group, (byGroup.get(group) ?? 0) + micros);
  }
  const idle = byGroup.get(idleGroup) ?? 0;
  byGroup.delete(idleGroup);
  const cpu = [...byGroup.values()].reduce((sum, micros) => sum + micros, 0);
  return {
    busyMs: round(cpu / 1000, 1),
    idleMs: round(idle / 1000, 1),
    samples: profile.samples.length,
    groups: [...byGroup.entries()]
      .sort(([, a], [, b]) => b - a)
      .map(([group, micros]) => ({ group, selfMs: round(micros / 1000, 1), share: cpu === 0 ? 0 : round(micros / cpu, 4) })),
  };
}
