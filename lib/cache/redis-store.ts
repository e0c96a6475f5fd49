import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RedisLocation } from '../config';
import { redisOptions } from './redis-options';
import type { CacheStore } from './store';

export interface RedisStoreOptions {
  location: NonNullable<RedisLocation>;
  /** A slow Redis must cost a request little: past this, the cache counts as missing. */
  commandTimeoutMs: number;
}

/**
 * Redis behind the cache. Commands fail fast instead of queueing while Redis is away, and the
 * client keeps reconnecting in the background, so the cache comes back without a restart.
 */
const compareAndDelete = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export class RedisStore implements CacheStore {
  readonly client: Redis;
  /** The token of each lock this process holds. */
  private readonly held = new Map<string, string>();

  constructor(options: RedisStoreOptions) {
    const behaviour = {
      commandTimeout: options.commandTimeoutMs,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
    };
    const { location } = options;
    const reach = redisOptions(location);
    // With Sentinels, ioredis asks them for the current primary and follows a failover.
    this.client =
      'url' in location
        ? new Redis(location.url, { ...behaviour, ...reach })
        : new Redis({ ...behaviour, ...reach, sentinelRetryStrategy: behaviour.retryStrategy });
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
    const token = randomUUID();
    const taken = (await this.client.set(key, token, 'PX', ttlMs, 'NX')) === 'OK';
    if (taken) this.held.set(key, token);
    return taken;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    return (await this.client.set(key, '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK';
  }

  /** Deletes the lock only while it is still ours: once it expired, another replica may hold it. */
  async unlock(key: string): Promise<void> {
    const token = this.held.get(key);
    this.held.delete(key);
    if (token !== undefined) await this.client.eval(compareAndDelete, 1, key, token);
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}
