import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';

/** The chain's head after a batch, signed, kept outside the audit database. */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  mac: string;
}

const macOf = (head: Omit<Checkpoint, 'mac'>, key: Uint8Array) =>
  createHmac('sha256', key).update(`audit-checkpoint|${head.seq}|${head.hash}|${head.at}`).digest('base64url');

export function signCheckpoint(head: { seq: number; hash: string }, key: Uint8Array, at = new Date()): Checkpoint {
  const unsigned = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  return { ...unsigned, mac: macOf(unsigned, key) };
}

export function checkpointSigned(checkpoint: Checkpoint, key: Uint8Array): boolean {
  const expected = Buffer.from(macOf(checkpoint, key));
  const given = Buffer.from(checkpoint.mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The second store of checkpoints (the first is the log). */
export interface CheckpointStore {
  add(checkpoint: Checkpoint): Promise<void>;
  all(): Promise<Checkpoint[]>;
}

/** Redis, beside the cache: a sorted set by sequence number, the newest 100,000 kept. */
export class RedisCheckpoints implements CheckpointStore {
  private readonly key = 'bg:v1:audit:checkpoints';

  constructor(private readonly redis: Redis) {}

  async add(checkpoint: Checkpoint): Promise<void> {
    await this.redis.multi().zadd(this.key, checkpoint.seq, JSON.stringify(checkpoint)).zremrangebyrank(this.key, 0, -100_001).exec();
  }

  async all(): Promise<Checkpoint[]> {
    return (await this.redis.zrange(this.key, 0, -1)).map((member) => JSON.parse(member) as Checkpoint);
  }
}

/**
 * Signs the chain's head at most once per interval, not after every batch: a busy gateway writes
 * hundreds of batches a second, and a checkpoint each was as many log lines, HMACs and Redis
 * writes. The first head after a quiet spell is signed at once; later ones in the interval wait
 * for its end, when the newest is signed, so the head is never unsigned for longer than the
 * interval (and `flush`, on shutdown, signs it at once). 0 signs every head.
 */
export class CheckpointSchedule {
  private timer: NodeJS.Timeout | null = null;
  private pending: { seq: number; hash: string } | null = null;

  constructor(
    private readonly sign: (head: { seq: number; hash: string }) => void,
    private readonly intervalMs: number,
  ) {}

  head(head: { seq: number; hash: string }): void {
    if (this.intervalMs === 0) return this.sign(head);
    if (this.timer) {
      this.pending = head;
      return;
    }
    this.sign(head);
    this.wait();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.signPending();
  }

  private wait(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.pending) {
        this.signPending();
        this.wait();
      }
    }, this.intervalMs);
    this.timer.unref();
  }

  private signPending(): void {
    const head = this.pending;
    this.pending = null;
    if (head) this.sign(head);
  }
}
