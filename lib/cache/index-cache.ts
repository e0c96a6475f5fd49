import { createHmac } from 'node:crypto';
import type { Logger } from '../logger';
import { cacheLookups } from '../metrics';
import { open, seal, type KeyRing } from './sealed-value';
import type { CacheStore } from './store';

/** How long an index's answers may be used: fresh, then served while refreshed, then on error. */
export interface CachePolicy {
  ttlMs: number;
  staleWhileRevalidateMs: number;
  staleIfErrorMs: number;
  /** "Found nothing" is kept only briefly: the record may appear any moment. */
  notFoundTtlMs: number;
}

export interface Cached<T> {
  value: T;
  /** When the value was fetched from the index (epoch ms). */
  asOf: number;
  /** True when served because the index failed and this copy is older than its TTL. */
  stale: boolean;
}

interface Entry<T> {
  storedAt: number;
  value: T;
}

export interface IndexCacheOptions {
  store: CacheStore;
  ring: KeyRing;
  /** Secret for the keyed hash that makes cache keys carry no identifier in clear. */
  keyingKey: Uint8Array;
  logger: Logger;
  /** How long another replica may hold a refresh before this one asks the index itself. */
  lockMs?: number;
  now?: () => number;
}

/** Bump when the cached value's shape changes, so old entries are simply never read again. */
const namespace = 'bg:v1';

/**
 * Read-through cache of index answers. Every failure of the store is a miss (counted and logged),
 * never an error for the citizen. Concurrent misses for one key make one index call in this
 * process (a shared promise) and across replicas (a short store lock, the others waiting for the
 * value). It caches index answers only; access decisions are taken after it, on every request.
 */
export class IndexCache {
  private readonly inFlight = new Map<string, Promise<Entry<unknown>>>();
  private readonly now: () => number;
  private readonly lockMs: number;

  constructor(private readonly options: IndexCacheOptions) {
    this.now = options.now ?? Date.now;
    this.lockMs = options.lockMs ?? 2_000;
  }

  /** `bg:v1:<index>:<hmac>`: the citizen and the call are in the hash, not in the key. */
  key(index: string, call: string, subject: string): string {
    const digest = createHmac('sha256', this.options.keyingKey).update(`cache|${index}|${call}|${subject}`).digest('base64url');
    return `${namespace}:${index}:${digest}`;
  }

  async read<T>(
    index: string,
    key: string,
    policy: CachePolicy,
    load: () => Promise<T>,
    isEmpty: (value: T) => boolean,
  ): Promise<Cached<T>> {
    const entry = await this.peek<T>(index, key);
    const age = entry ? this.now() - entry.storedAt : Number.POSITIVE_INFINITY;
    const fresh = entry ? (isEmpty(entry.value) ? policy.notFoundTtlMs : policy.ttlMs) : 0;
    if (entry && age < fresh) {
      cacheLookups.inc({ index, result: 'hit' });
      return { value: entry.value, asOf: entry.storedAt, stale: false };
    }
    if (entry && age < fresh + policy.staleWhileRevalidateMs) {
      cacheLookups.inc({ index, result: 'stale' });
      this.refresh(index, key, policy, load, isEmpty, entry.storedAt).catch(() => undefined);
      return { value: entry.value, asOf: entry.storedAt, stale: false };
    }
    cacheLookups.inc({ index, result: 'miss' });
    try {
      const loaded = await this.refresh(index, key, policy, load, isEmpty, entry?.storedAt ?? null);
      return { value: loaded.value, asOf: loaded.storedAt, stale: false };
    } catch (error) {
      if (entry && age < fresh + policy.staleIfErrorMs) {
        cacheLookups.inc({ index, result: 'stale' });
        return { value: entry.value, asOf: entry.storedAt, stale: true };
      }
      throw error;
    }
  }

  /** The cached entry, or null for a miss, a retired key, tampering or a store that failed. */
  async peek<T>(index: string, key: string): Promise<Entry<T> | null> {
    let sealed: string | null;
    try {
      sealed = await this.options.store.get(key);
    } catch (error) {
      this.storeFailed(index, 'get', error);
      return null;
    }
    const plaintext = sealed === null ? null : open(sealed, key, this.options.ring);
    return plaintext === null ? null : (JSON.parse(plaintext) as Entry<T>);
  }

  async invalidate(keys: string[]): Promise<void> {
    try {
      await this.options.store.delete(keys);
    } catch (error) {
      this.storeFailed('invalidate', 'delete', error);
    }
  }

  private refresh<T>(
    index: string,
    key: string,
    policy: CachePolicy,
    load: () => Promise<T>,
    isEmpty: (value: T) => boolean,
    previousStoredAt: number | null,
  ): Promise<Entry<T>> {
    const running = this.inFlight.get(key) as Promise<Entry<T>> | undefined;
    if (running) return running;
    const started = this.loadOnce(index, key, policy, load, isEmpty, previousStoredAt).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  private async loadOnce<T>(
    index: string,
    key: string,
    policy: CachePolicy,
    load: () => Promise<T>,
    isEmpty: (value: T) => boolean,
    previousStoredAt: number | null,
  ): Promise<Entry<T>> {
    // A request that missed just before another finished loading finds its answer here.
    const landed = await this.peek<T>(index, key);
    if (landed && landed.storedAt !== previousStoredAt) return landed;
    const lockKey = `${key}:lock`;
    const holder = await this.options.store.lock(lockKey, this.lockMs).catch((error: unknown) => {
      this.storeFailed(index, 'lock', error);
      return true;
    });
    if (!holder) {
      const filled = await this.awaitOtherReplica<T>(index, key, previousStoredAt);
      if (filled) return filled;
    }
    try {
      // Another replica may have stored its answer and let go of the lock between our look and our lock.
      const storedMeanwhile = holder ? await this.peek<T>(index, key) : null;
      if (storedMeanwhile && storedMeanwhile.storedAt !== previousStoredAt) return storedMeanwhile;
      const entry: Entry<T> = { storedAt: this.now(), value: await load() };
      const keepMs =
        (isEmpty(entry.value) ? policy.notFoundTtlMs : policy.ttlMs) +
        Math.max(policy.staleWhileRevalidateMs, policy.staleIfErrorMs);
      await this.options.store
        .set(key, seal(JSON.stringify(entry), key, this.options.ring), keepMs)
        .catch((error: unknown) => this.storeFailed(index, 'set', error));
      return entry;
    } finally {
      if (holder) await this.options.store.unlock(lockKey).catch(() => undefined);
    }
  }

  /**
   * Another replica is asking the index: wait for its answer rather than asking again. Its answer
   * is told apart from the entry seen before by its own timestamp, so replicas' clocks may differ.
   */
  private async awaitOtherReplica<T>(index: string, key: string, previousStoredAt: number | null): Promise<Entry<T> | null> {
    const deadline = performance.now() + this.lockMs;
    while (performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const entry = await this.peek<T>(index, key);
      if (entry && entry.storedAt !== previousStoredAt) return entry;
    }
    return null;
  }

  private storeFailed(index: string, operation: string, error: unknown): void {
    cacheLookups.inc({ index, result: 'error' });
    this.options.logger.warn({ index, operation, err: { type: (error as Error)?.name } }, 'cache store unavailable; using the index');
  }
}
