import { createHmac } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Redis } from 'ioredis';
import { Counter } from 'prom-client';
import { appError } from '../lib/errors';
import { registry } from '../lib/metrics';
import type { Logger } from '../lib/logger';
import type { Access } from './auth/access-policy';

/** Counts what one caller spent in the current minute; Redis shares the count across replicas. */
export interface RequestCounter {
  /** Adds `amount` to the caller's count this window; the count after it, and the ms left of the window. */
  hit(key: string, windowMs: number, amount: number): Promise<{ count: number; resetMs: number }>;
}

export class MemoryCounter implements RequestCounter {
  private readonly windows = new LRUCache<string, { count: number; endsAt: number }>({ max: 100_000 });

  async hit(key: string, windowMs: number, amount: number) {
    const now = Date.now();
    const current = this.windows.get(key);
    const window = current && current.endsAt > now ? current : { count: 0, endsAt: now + windowMs };
    window.count += amount;
    this.windows.set(key, window);
    return { count: window.count, resetMs: window.endsAt - now };
  }
}

export class RedisCounter implements RequestCounter {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, windowMs: number, amount: number) {
    const redisKey = `bg:v1:rate:${key}`;
    const [[, count], [, ttl]] = (await this.redis.multi().incrby(redisKey, amount).pexpire(redisKey, windowMs, 'NX').pttl(redisKey).exec()) as [
      [null, number],
      [null, number],
    ];
    return { count, resetMs: Math.max(0, ttl) };
  }
}

const refusals = new Counter({
  name: 'rate_limit_refusals_total',
  help: 'Requests refused with 429 by a per-minute limit, by which limit.',
  labelNames: ['limit'],
  registers: [registry],
});

export interface WindowLimit {
  /** Its name: keeps its counts apart from other limits' and labels its refusals. */
  name: 'address' | 'caller' | 'chatbot' | 'service' | 'cost' | 'calendar' | 'corrections';
  perMinute: number;
  /** What a caller past the limit is told. */
  code: 'RATE_LIMITED' | 'QUERY_BUDGET_EXHAUSTED';
}

/**
 * A fixed window per caller, counted under a keyed hash of the caller's key so the counter store
 * links no one. A counter that fails lets the request through: the limit protects capacity, and
 * a Redis outage must not become a citizen outage.
 */
export function createRateLimit(counter: RequestCounter, limit: WindowLimit, keyingKey: Uint8Array, logger: Logger) {
  return async (key: string, amount = 1): Promise<void> => {
    let result: { count: number; resetMs: number };
    try {
      result = await counter.hit(createHmac('sha256', keyingKey).update(`${limit.name}|${key}`).digest('base64url'), 60_000, amount);
    } catch {
      logger.warn({ limit: limit.name }, 'rate limit counter unavailable; request let through');
      return;
    }
    if (result.count <= limit.perMinute) return;
    refusals.inc({ limit: limit.name });
    throw appError(limit.code, { retryAfterSeconds: Math.max(1, Math.ceil(result.resetMs / 1000)) });
  };
}

/** Whose budget a request spends: a chatbot's or an external service's per citizen it serves, everyone else's their own. */
export function callerKey(access: Access): string {
  return access.callerKind === 'chatbot' || access.callerKind === 'service' ? `${access.actorId}|${access.subjectCpr}` : access.actorId;
}
