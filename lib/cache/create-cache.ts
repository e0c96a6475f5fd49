import type { CacheConfig, cachedIndexes } from '../config';
import type { Logger } from '../logger';
import { IndexCache, type CachePolicy } from './index-cache';
import { MemoryStore } from './memory-store';
import { RedisStore } from './redis-store';
import type { CacheStore } from './store';

export interface ConfiguredCache {
  cache: IndexCache;
  /** Each index's freshness; the rest of the policy is shared. */
  policyFor(index: (typeof cachedIndexes)[number]): CachePolicy;
  store: CacheStore;
}

/** Redis when REDIS_URL or REDIS_SENTINELS is set, an in-process LRU otherwise; nothing when caching is off. */
export function createCache(config: CacheConfig, keyingKey: Uint8Array, logger: Logger): ConfiguredCache | null {
  if (!config.enabled) return null;
  const store: CacheStore = config.redis
    ? new RedisStore({ location: config.redis, commandTimeoutMs: config.redisCommandTimeoutMs })
    : new MemoryStore();
  return {
    store,
    cache: new IndexCache({ store, ring: config.keyRing, keyingKey, logger }),
    policyFor: (index) => ({
      ttlMs: config.ttlMs[index],
      staleWhileRevalidateMs: config.staleWhileRevalidateMs,
      staleIfErrorMs: config.staleIfErrorMs,
      notFoundTtlMs: config.notFoundTtlMs,
    }),
  };
}
