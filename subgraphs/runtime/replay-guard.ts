import { LRUCache } from 'lru-cache';
import type { CacheStore } from '../../lib/cache/store';
import type { Logger } from '../../lib/logger';

/**
 * Each sealed internal context opens one fetch, once: its id is remembered until it expires, in
 * the shared store (Redis) so no replica takes it twice, and in this process when there is none or
 * it fails (a failing Redis must not stop every request).
 */
export class ReplayGuard {
  private readonly local = new LRUCache<string, true>({ max: 200_000, ttl: 60_000, ttlAutopurge: false });

  constructor(
    private readonly shared: CacheStore | null,
    private readonly logger: Logger,
  ) {}

  /** True the first time a seal's id is seen. */
  async firstUse(id: string, acceptedForMs: number): Promise<boolean> {
    const ttl = Math.max(1, Math.ceil(acceptedForMs));
    if (this.shared) {
      try {
        return await this.shared.claim(`bg:v1:seal:${id}`, ttl);
      } catch (error) {
        this.logger.warn({ err: { type: (error as Error)?.name } }, 'replay store unavailable; remembering seals in this process');
      }
    }
    if (this.local.has(id)) return false;
    this.local.set(id, true, { ttl });
    return true;
  }
}
