import { Redis } from 'ioredis';

/**
 * The production-shaped rows' cache: the local Redis (the tests' REDIS_URL host, default
 * 127.0.0.1:6379) on a database and key prefix of the bench's own (the tests use databases 11-15).
 * ioredis reads the prefix from the URL's query, so the services take it as they take any
 * REDIS_URL. Its keys are deleted before and after the run.
 */
const database = 10;
const keyPrefix = 'borger-bench:';

export function benchRedisUrl(): string {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  url.pathname = `/${database}`;
  url.searchParams.set('keyPrefix', keyPrefix);
  return url.toString();
}

/** Deletes the bench's keys; fails when no Redis answers (the caller then leaves the Redis rows out). */
export async function clearBenchRedis(url: string): Promise<void> {
  // The prefix is left off here so the pattern below matches the stored keys.
  const target = new URL(url);
  target.searchParams.delete('keyPrefix');
  const client = new Redis(target.toString(), { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
