import type { personIndex } from '../../lib/person.contract';
import type { benefitsIndex } from '../../subgraphs/benefits/upstream.contract';
import type { casesIndex } from '../../subgraphs/cases/upstream.contract';
import type { paymentsIndex } from '../../subgraphs/payments/upstream.contract';
import type { proxiesIndex } from '../../subgraphs/proxies/upstream.contract';

/** Counts the calls each simulated index receives, so tests can assert exact upstream costs. */
export type IndexName = (typeof casesIndex | typeof benefitsIndex | typeof paymentsIndex | typeof proxiesIndex | typeof personIndex)['name'] | 'appointments';
/** A search by CPR, a batch look-up by ids, or a change (Digital Fuldmagt's write API: grant, accept, decline, revoke). */
export type CallKind = 'search' | 'batch' | 'change';
const kinds: CallKind[] = ['search', 'batch', 'change'];

export class CallRecorder {
  private counts = new Map<string, number>();

  record(index: IndexName, kind: CallKind): void {
    const key = `${index}:${kind}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls to one index, of one kind or of both. */
  count(index: IndexName, kind?: CallKind): number {
    if (kind) return this.counts.get(`${index}:${kind}`) ?? 0;
    return kinds.reduce((sum, each) => sum + this.count(index, each), 0);
  }

  total(): number {
    return [...this.counts.values()].reduce((sum, value) => sum + value, 0);
  }

  /** Calls per index, e.g. `{ cases: 1, benefits: 1 }`, leaving out indexes not called. */
  snapshot(): Partial<Record<IndexName, number>> {
    const result: Partial<Record<IndexName, number>> = {};
    for (const [key, value] of this.counts) {
      const index = key.split(':')[0] as IndexName;
      result[index] = (result[index] ?? 0) + value;
    }
    return result;
  }

  reset(): void {
    this.counts.clear();
  }
}
