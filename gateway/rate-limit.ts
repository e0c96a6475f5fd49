import { createHmac } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Redis } from 'ioredis';
import { Counter } from 'prom-client';
import { appError } from '../lib/errors';
import { registry } from '../lib/metrics';
import type { Logger } from '../lib/logger';

/** Counts one caller's requests in the current minute; Redis shares the count across replicas. */
export interface RequestCounter {
  /** The caller's count this window, after this request, and the ms left of the window. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
}

export class MemoryCounter implements RequestCounter {
  private readonly windows = new LRUCache<string, { count: number; endsAt: number }>({ max: 100_000 });

  async hit(key: string, windowMs: number) {
    const now = Date.now();
    const current = this.windows.get(key);
    const window = current && current.endsAt > now ? current : { count: 0, endsAt: now + windowMs };
    window.count += 1;
    this.windows.set(key, window);
    return { count: window.count, resetMs: window.endsAt - now };
  }
}

export class RedisCounter implements RequestCounter {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, windowMs: number) {
    const redisKey = `bg:v1:rate:${key}`;
    const [[, count], [, ttl]] = (await this.redis.multi().incr(redisKey).pexpire(redisKey, windowMs, 'NX').pttl(redisKey).exec()) as [
      [null, number],
      [null, number],
    ];
    return { count, resetMs: Math.max(0, ttl) };
  }
}

const refusals = new Counter({
  name: 'rate_limit_refusals_total',
  help: 'Requests refused with 429 by the rate limit.',
  registers: [registry],
});

/**
 * A fixed window per caller, counted under a keyed hash of the actor id so the counter store
 * links no one. A counter that fails lets the request through: the limit protects capacity, and
 * a Redis outage must not become a citizen outage.
 */
export function createRateLimit(counter: RequestCounter, perMinute: number, keyingKey: Uint8Array, logger: Logger) {
  return async (actorId: string): Promise<void> => {
    let result: { count: number; resetMs: number };
    try {
      result = await counter.hit(createHmac('sha256', keyingKey).update(`rate|${actorId}`).digest('base64url'), 60_000);
    } catch {
      logger.warn('rate limit counter unavailable; request let through');
      return;
    }
    if (result.count <= perMinute) return;
    refusals.inc();
    throw appError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil(result.resetMs / 1000)) });
  };
}
