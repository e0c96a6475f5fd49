/** How long and how hard one run drives each system. */
export interface Profile {
  name: 'default' | 'quick';
  /** Each system measured this many times, the systems' order rotated from round to round. */
  rounds: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /**
   * Measured seconds of a side-by-side scenario: its systems run at a low rate, where one collection
   * or a timer's wake-up weighs on a few hundred requests; longer windows average them out.
   */
  sideBySideSeconds: number;
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
  // About forty minutes on two cores (bench/README.md): three rounds of nine systems and the side-by-side scenarios.
  default: { name: 'default', rounds: 3, connections: 10, warmupSeconds: 1, durationSeconds: 5, sideBySideSeconds: 10, upstreamLatencyMs: 20, coldRequestsPerSecond: 250 },
  // A few minutes: proves the machinery, rotation included; its numbers are too short-lived to quote.
  quick: { name: 'quick', rounds: 2, connections: 2, warmupSeconds: 0.3, durationSeconds: 1, sideBySideSeconds: 1, upstreamLatencyMs: 20, coldRequestsPerSecond: 250 },
};

/** Fresh citizens one cold run (warm-up or measurement) of this many seconds may use. */
export const freshCitizensFor = (profile: Profile, seconds: number, ratePerSecond = profile.coldRequestsPerSecond): number =>
  Math.ceil(seconds * ratePerSecond) + profile.connections;
