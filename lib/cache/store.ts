/**
 * Where sealed cache values live. Redis in deployment (shared by replicas), an in-process LRU
 * when no Redis is configured. Both answer the same small interface; a store that fails throws,
 * and the cache above treats that as a miss.
 */
export interface CacheStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(keys: string[]): Promise<void>;
  /** Takes a short lock, true when this caller got it (single-flight across replicas). */
  lock(key: string, ttlMs: number): Promise<boolean>;
  unlock(key: string): Promise<void>;
  /** Marks a key as used for a while; true only the first time (a seal's id, refused on second use). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}
