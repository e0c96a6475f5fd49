import { Gauge } from 'prom-client';
import { registry } from './metrics';

export const breakerState = new Gauge({
  name: 'upstream_breaker_state',
  help: 'Circuit breaker per index: 0 closed, 1 half-open, 2 open.',
  labelNames: ['index'] as const,
  registers: [registry],
});

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. */
  failureThreshold: number;
  /** How long it stays open before one probe is let through. */
  openMs: number;
  now?: () => number;
}

type State = 'closed' | 'open' | 'half-open';
const stateValue: Record<State, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * One index that keeps failing is asked no more for a while: callers get an answer at once
 * (and their cached data, if any) instead of each waiting out a timeout. After the pause one
 * probe goes through; its success closes the breaker, its failure opens it again.
 */
export class CircuitBreaker {
  private state: State = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly now: () => number;

  constructor(
    private readonly index: string,
    private readonly options: BreakerOptions,
  ) {
    this.now = options.now ?? Date.now;
    breakerState.set({ index }, 0);
  }

  /** Whether a call may go to the index now. */
  allow(): boolean {
    if (this.state === 'open' && this.now() - this.openedAt >= this.options.openMs) this.move('half-open');
    if (this.state === 'closed') return true;
    if (this.state === 'half-open' && !this.probing) {
      this.probing = true;
      return true;
    }
    return false;
  }

  succeeded(): void {
    this.failures = 0;
    this.probing = false;
    this.move('closed');
  }

  failed(): void {
    this.probing = false;
    this.failures += 1;
    if (this.state === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.now();
      this.move('open');
    }
  }

  get current(): State {
    return this.state;
  }

  private move(state: State): void {
    this.state = state;
    breakerState.set({ index: this.index }, stateValue[state]);
  }
}
