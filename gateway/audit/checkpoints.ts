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
