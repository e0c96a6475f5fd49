/** How long and how hard one run drives each system. */
export interface Profile {
  name: 'default' | 'quick';
  /** Each system measured this many times, the systems' order rotated from round to round. */
  rounds: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Added by the simulator to every call of every index. */
  upstreamLatencyMs: number;
  /**
   * Fresh citizens are generated up front for cold runs at this many requests per second (several
   * times what any system answered cold on two cores); a faster run ends early rather than meet a
   * citizen twice, and its figures are per completed request all the same.
   */
  coldRequestsPerSecond: number;
}

export const profiles: Record<Profile['name'], Profile> = {
  // About fifteen minutes on two cores (bench/README.md): three rounds of seven systems.
  default: { name: 'default', rounds: 3, connections: 10, warmupSeconds: 1, durationSeconds: 5, upstreamLatencyMs: 20, coldRequestsPerSecond: 250 },
  // A few minutes: proves the machinery, rotation included; its numbers are too short-lived to quote.
  quick: { name: 'quick', rounds: 2, connections: 2, warmupSeconds: 0.3, durationSeconds: 1, upstreamLatencyMs: 20, coldRequestsPerSecond: 250 },
};

/** Fresh citizens one cold run (warm-up or measurement) of this many seconds may use. */
export const freshCitizensFor = (profile: Profile, seconds: number): number => Math.ceil(seconds * profile.coldRequestsPerSecond) + profile.connections;
