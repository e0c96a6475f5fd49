import { round } from './round';

/** One figure over the rounds: its median and its spread (min–max), with every round's value. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  rounds: number[];
}

export type Verdict = 'met' | 'missed' | 'undecided';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** null when a round has no value (a baseline's figure of 0 gives no ratio). */
export function spreadOf(values: (number | null)[], digits = 2): Spread | null {
  if (values.length === 0 || values.some((value) => value === null || !Number.isFinite(value))) return null;
  const known = values as number[];
  return { median: round(median(known), digits), min: round(Math.min(...known), digits), max: round(Math.max(...known), digits), rounds: known.map((value) => round(value, digits)) };
}

/**
 * Met when every round is on the right side of the limit, missed when none is; when the spread
 * straddles the limit the run cannot tell, whatever its median says.
 */
export function verdictOf(spread: Spread | null, limit: number, direction: 'atMost' | 'atLeast'): Verdict {
  if (!spread) return 'undecided';
  const within = (value: number) => (direction === 'atMost' ? value <= limit : value >= limit);
  if (within(spread.min) && within(spread.max)) return 'met';
  if (!within(spread.min) && !within(spread.max)) return 'missed';
  return 'undecided';
}

export const formatSpread = (spread: Spread | null, unit = '×'): string =>
  spread ? `${spread.median.toFixed(2)}${unit} (${spread.min.toFixed(2)}–${spread.max.toFixed(2)})` : 'n/a';
