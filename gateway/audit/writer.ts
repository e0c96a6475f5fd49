import type { AuditEvent } from './chain';
import type { AuditStore } from './store';

interface Pending {
  event: AuditEvent;
  settle(error?: unknown): void;
}

/**
 * Batches the events of concurrent requests into one INSERT: each request waits for its own event
 * to be stored (no disclosure without its record), but a busy gateway pays one round trip per
 * batch rather than per request.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: AuditStore,
    /** Told the chain's new head after every batch, to anchor it outside the database. */
    private readonly onHead: (head: { seq: number; hash: string }) => void = () => undefined,
    private readonly maxBatch = 200,
  ) {}

  write(event: AuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, settle: (error) => (error ? reject(error) : resolve()) });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    // Let the other requests of this tick join the batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const head = await this.store.append(batch.map((pending) => pending.event));
        if (head) this.onHead(head);
        for (const pending of batch) pending.settle();
      } catch (error) {
        for (const pending of batch) pending.settle(error);
      }
    }
    this.flushing = null;
  }
}
