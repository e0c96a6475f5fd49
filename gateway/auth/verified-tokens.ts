import { createHash } from 'node:crypto';

/**
 * Callers whose tokens this gateway has verified, so a client's next request with the same token
 * skips the signature check (a tenth of a millisecond, most of a small operation's own cost). An
 * entry lives until its token's `exp` and at most `keepMs`: a key withdrawn from the JWKS stops
 * being honoured within `keepMs`, as the JWKS cache already allows. Failures are never kept, so a
 * token is refused on every request. Keyed by the token's SHA-256, never by the token itself.
 */
export class VerifiedTokens<Caller> {
  private readonly entries = new Map<string, { caller: Caller; until: number }>();

  constructor(
    private readonly keepMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The token's key here; null when nothing is kept (`keepMs` 0), so no hash is computed per request. */
  keyOf(token: string): string | null {
    return this.keepMs > 0 ? createHash('sha256').update(token).digest('base64url') : null;
  }

  get(key: string | null): Caller | undefined {
    if (key === null) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.caller;
    this.entries.delete(key);
    return undefined;
  }

  /** Kept until the token's expiry (seconds since the epoch) or `keepMs` from now, whichever is first. */
  keep(key: string | null, caller: Caller, expiresAt: number): void {
    if (key === null || this.keepMs <= 0) return;
    const until = Math.min(expiresAt * 1000, this.now() + this.keepMs);
    if (until <= this.now()) return;
    // The oldest entry goes first: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { caller: deepFreeze(caller), until });
  }
}

/** One caller answers many requests: none of them may change it for the others. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
