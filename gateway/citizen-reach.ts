import { createHmac } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { Counter } from 'prom-client';
import { appError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { registry } from '../lib/metrics';

/** The distinct citizens one caller has read in the current hour. */
export interface ReachStore {
  /** Adds the citizen unless that would pass `cap`; true when the citizen is (now) among them. */
  admit(caller: string, citizen: string, cap: number, windowMs: number): Promise<boolean>;
}

export class MemoryReach implements ReachStore {
  private readonly windows = new LRUCache<string, { endsAt: number; citizens: Set<string> }>({ max: 10_000 });

  async admit(caller: string, citizen: string, cap: number, windowMs: number): Promise<boolean> {
    const now = Date.now();
    const current = this.windows.get(caller);
    const window = current && current.endsAt > now ? current : { endsAt: now + windowMs, citizens: new Set<string>() };
    this.windows.set(caller, window);
    if (window.citizens.has(citizen)) return true;
    if (window.citizens.size >= cap) return false;
    window.citizens.add(citizen);
    return true;
  }
}

export class RedisReach implements ReachStore {
  constructor(private readonly redis: Redis) {}

  async admit(caller: string, citizen: string, cap: number, windowMs: number): Promise<boolean> {
    const key = `bg:v1:reach:${caller}`;
    const [[, added], [, size]] = (await this.redis.multi().sadd(key, citizen).scard(key).pexpire(key, windowMs, 'NX').exec()) as [
      [null, number],
      [null, number],
    ];
    if (added === 0 || size <= cap) return true;
    await this.redis.srem(key, citizen);
    return false;
  }
}

const refusals = new Counter({
  name: 'citizen_reach_refusals_total',
  help: 'Requests refused because a partner or staff member read more distinct citizens in an hour than allowed (alert on any).',
  labelNames: ['caller_kind'],
  registers: [registry],
});

/**
 * Partners and verification staff name the citizens they read, so one of them with a leaked token
 * could walk the population; each may read only so many different citizens an hour. Both ids are
 * keyed hashes, so the store links no one. A store that fails lets the request through (and
 * says so): the audit trail still records every read.
 */
export function createReachLimit(store: ReachStore, caps: { partner: number; staff: number }, keyingKey: Uint8Array, logger: Logger) {
  const hash = (value: string) => createHmac('sha256', keyingKey).update(`reach|${value}`).digest('base64url');
  return async (callerKind: string, actorId: string, citizenCpr: string | null): Promise<void> => {
    if ((callerKind !== 'partner' && callerKind !== 'staff') || citizenCpr === null) return;
    let admitted: boolean;
    try {
      admitted = await store.admit(hash(actorId), hash(citizenCpr), caps[callerKind], 3_600_000);
    } catch {
      logger.warn({ callerKind }, 'citizen reach store unavailable; request let through');
      return;
    }
    if (admitted) return;
    refusals.inc({ caller_kind: callerKind });
    logger.warn({ callerKind }, 'citizen reach limit reached');
    throw appError('CITIZEN_LIMIT_REACHED', { retryAfterSeconds: 3600 });
  };
}
