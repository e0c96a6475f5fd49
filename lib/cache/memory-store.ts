import { LRUCache } from 'lru-cache';
import type { CacheStore } from './store';

/** The embedded default: one process, bounded in entries, nothing leaves memory. */
export class MemoryStore implements CacheStore {
  private readonly values: LRUCache<string, string>;
  private readonly locks = new Map<string, number>();

  constructor(maxEntries = 10_000) {
    this.values = new LRUCache({ max: maxEntries, ttlAutopurge: false });
  }

  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, value, { ttl: ttlMs });
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.values.delete(key);
  }

  async lock(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    if ((this.locks.get(key) ?? 0) > now) return false;
    this.locks.set(key, now + ttlMs);
    return true;
  }

  async unlock(key: string): Promise<void> {
    this.locks.delete(key);
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (this.values.has(key)) return false;
    this.values.set(key, '1', { ttl: Math.max(1, Math.round(ttlMs)) });
    return true;
  }

  async close(): Promise<void> {
    this.values.clear();
  }
}
