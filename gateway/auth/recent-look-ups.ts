import { LRUCache } from 'lru-cache';

/**
 * A register's answers remembered for a few seconds, and shared while a look-up is under way: the
 * requests that miss together (a grant just ran out under load) make one call to the register, not
 * one each. A look-up that fails is not remembered; every request that shared it gets its error.
 * Keys stay in this process's memory, so the CPR numbers in them never leave the gateway.
 */
export class RecentLookUps<Value> {
  private readonly recent: LRUCache<string, { value: Value }>;
  private readonly underWay = new Map<string, Promise<Value>>();

  constructor(ttlMs: number) {
    this.recent = new LRUCache({ max: 10_000, ttl: ttlMs });
  }

  /** The remembered answer, the one under way, or `lookUp`'s (whose deadline the others then share). */
  get(key: string, lookUp: () => Promise<Value>): Promise<Value> {
    const remembered = this.recent.get(key);
    if (remembered) return Promise.resolve(remembered.value);
    const shared = this.underWay.get(key);
    if (shared) return shared;
    const started = lookUp()
      .then((value) => {
        this.recent.set(key, { value });
        return value;
      })
      .finally(() => this.underWay.delete(key));
    this.underWay.set(key, started);
    return started;
  }
}
