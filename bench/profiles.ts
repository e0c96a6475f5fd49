/** How long and how hard one run drives each system. */
export interface Profile {
  name: 'default' | 'quick';
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Added by the simulator to every call of every index. */
  upstreamLatencyMs: number;
}

export const profiles: Record<Profile['name'], Profile> = {
  // About three minutes on two cores: five scenarios on three or four systems each,
  // warm-ups of 1.5 s, runs of 6 s.
  default: { name: 'default', connections: 10, warmupSeconds: 1.5, durationSeconds: 6, upstreamLatencyMs: 20 },
  // Seconds: proves the machinery works; its numbers are too short-lived to quote.
  quick: { name: 'quick', connections: 2, warmupSeconds: 0.3, durationSeconds: 1, upstreamLatencyMs: 20 },
};

/**
 * Fresh citizens a cold run (warm-up or measurement) of this many seconds can use up at most: no
 * system answers a cold request before one upstream call has come back, so a connection sends at
 * most one request per upstream latency.
 */
export const freshCitizensFor = (profile: Profile, seconds: number): number =>
  Math.ceil((seconds * 1000 * profile.connections) / profile.upstreamLatencyMs) + profile.connections;
