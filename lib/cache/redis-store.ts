import { Redis } from 'ioredis';
import type { CacheStore } from './store';

export interface RedisStoreOptions {
  url: string;
  /** A slow Redis must cost a request little: past this, the cache counts as missing. */
  commandTimeoutMs: number;
}

/**
 * Redis behind the cache. Commands fail fast instead of queueing while Redis is away, and the
 * client keeps reconnecting in the background, so the cache comes back without a restart.
 */
export class RedisStore implements CacheStore {
  readonly client: Redis;

  constructor(options: RedisStoreOptions) {
    this.client = new Redis(options.url, {
      commandTimeout: options.commandTimeoutMs,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: false,
      retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
    });
    // Errors surface on the commands; the connection's own error events would only be noise.
    this.client.on('error', () => undefined);
  }

  get(key: string): Promise<string | null> {
    return this.client.get(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.client.set(key, value, 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.client.del(...keys);
  }

  async lock(key: string, ttlMs: number): Promise<boolean> {
    return (await this.client.set(key, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async unlock(key: string): Promise<void> {
    await this.client.del(key);
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}
