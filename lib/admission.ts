import { Counter, Gauge } from 'prom-client';
import { registry } from './metrics';

export interface AdmissionLimits {
  /** Requests worked on at once. */
  active: number;
  /** Requests that may wait for a slot. */
  queued: number;
  /** Longest wait for a slot: past it the caller's own deadline would have gone anyway. */
  waitMs: number;
}

const inFlight = new Gauge({ name: 'graphql_requests_in_flight', help: 'GraphQL requests being worked on.', registers: [registry] });
const waiting = new Gauge({ name: 'graphql_requests_queued', help: 'GraphQL requests waiting for a free slot.', registers: [registry] });
const shed = new Counter({
  name: 'graphql_requests_shed_total',
  help: 'GraphQL requests answered 503 SERVER_BUSY instead of being worked on, by why.',
  labelNames: ['reason'],
  registers: [registry],
});

/** Why a request was not admitted. */
export class NotAdmitted extends Error {
  constructor(readonly reason: 'queue_full' | 'waited_too_long') {
    super(reason);
  }
}

/**
 * Bounds the GraphQL work one process takes on. Without it a burst of costly requests shares the
 * event loop with everything else, and health probes wait behind them until the orchestrator
 * thinks the pod is dead. With it, work beyond `active` waits its turn in a bounded queue and
 * anything beyond that is refused at once; probes never enter the queue.
 */
export class Admission {
  private active = 0;
  private readonly queue: { admit: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(private readonly limits: AdmissionLimits) {}

  /** Waits for a slot; the returned function gives it back (call it once; more calls do nothing). */
  async enter(): Promise<() => void> {
    if (this.active < this.limits.active) {
      this.active += 1;
      inFlight.set(this.active);
      return this.release();
    }
    if (this.queue.length >= this.limits.queued) {
      shed.inc({ reason: 'queue_full' });
      throw new NotAdmitted('queue_full');
    }
    return new Promise<() => void>((resolve, refuse) => {
      const entry = {
        admit: () => resolve(this.release()),
        timer: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(entry), 1);
          waiting.set(this.queue.length);
          shed.inc({ reason: 'waited_too_long' });
          refuse(new NotAdmitted('waited_too_long'));
        }, this.limits.waitMs),
      };
      this.queue.push(entry);
      waiting.set(this.queue.length);
    });
  }

  /** A finished request hands its slot straight to the first in the queue, so no newcomer can jump it. */
  private release(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      waiting.set(this.queue.length);
      if (next) {
        clearTimeout(next.timer);
        next.admit();
        return;
      }
      this.active -= 1;
      inFlight.set(this.active);
    };
  }
}
