import { flushRedis, testRedisUrl } from '../../test/support/redis';
import { RedisStore } from './redis-store';

describe('the Redis store', () => {
  const url = testRedisUrl(12);
  const replicaA = new RedisStore({ location: { url }, commandTimeoutMs: 2_000 });
  const replicaB = new RedisStore({ location: { url }, commandTimeoutMs: 2_000 });
  beforeEach(() => flushRedis(url));
  afterAll(async () => {
    await replicaA.close();
    await replicaB.close();
  });

  it("leaves another replica's lock alone when releasing one of its own that had expired", async () => {
    expect(await replicaA.lock('bg:v1:test:lock', 50)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await replicaB.lock('bg:v1:test:lock', 5_000)).toBe(true);
    await replicaA.unlock('bg:v1:test:lock');
    expect(await replicaA.lock('bg:v1:test:lock', 5_000)).toBe(false);
  });

  it('releases its own lock', async () => {
    expect(await replicaA.lock('bg:v1:test:lock', 5_000)).toBe(true);
    await replicaA.unlock('bg:v1:test:lock');
    expect(await replicaB.lock('bg:v1:test:lock', 5_000)).toBe(true);
  });
});
