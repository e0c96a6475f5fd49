import { createLogger } from '../logger';
import { IndexCache, type CachePolicy } from './index-cache';
import { MemoryStore } from './memory-store';
import type { CacheStore } from './store';

const ring = { currentKeyId: 'k1', keys: { k1: Buffer.from('cache-key-one-cache-key-one-1234') } };
const policy: CachePolicy = { ttlMs: 1_000, staleWhileRevalidateMs: 500, staleIfErrorMs: 10_000, notFoundTtlMs: 100 };
const logger = createLogger('test', 'silent');
const isEmpty = (value: string[]) => value.length === 0;

function setup(store: CacheStore = new MemoryStore()) {
  let now = 1_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  const cache = new IndexCache({ store, ring, keyingKey: Buffer.from('keying-key'), logger, now: () => now, lockMs: 200 });
  let calls = 0;
  const load = async () => {
    calls += 1;
    return ['record'];
  };
  return { cache, clock, load, calls: () => calls, store };
}

describe('the index cache', () => {
  it('keys carry neither the citizen nor the call in clear', () => {
    const { cache } = setup();
    const key = cache.key('cases', 'search', '1503721233');
    expect(key).toMatch(/^bg:v1:cases:[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('1503721233');
  });

  it('gives different citizens different keys', () => {
    const { cache } = setup();
    expect(cache.key('cases', 'search', '1503721233')).not.toBe(cache.key('cases', 'search', '2202450842'));
  });

  it('asks the index once and then answers from the cache while fresh', async () => {
    const { cache, load, calls } = setup();
    const key = cache.key('cases', 'search', 'a');
    await cache.read('cases', key, policy, load, isEmpty);
    const second = await cache.read('cases', key, policy, load, isEmpty);
    expect(calls()).toBe(1);
    expect(second).toEqual({ value: ['record'], asOf: 1_000_000, stale: false });
  });

  it('serves the old answer after the TTL while one refresh runs', async () => {
    const { cache, clock, load, calls } = setup();
    const key = cache.key('cases', 'search', 'a');
    await cache.read('cases', key, policy, load, isEmpty);
    clock.advance(1_200);
    const served = await cache.read('cases', key, policy, load, isEmpty);
    expect(served.asOf).toBe(1_000_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls()).toBe(2);
  });

  it('serves a stale answer, marked stale, when the index fails', async () => {
    const { cache, clock, load } = setup();
    const key = cache.key('cases', 'search', 'a');
    await cache.read('cases', key, policy, load, isEmpty);
    clock.advance(5_000);
    const served = await cache.read('cases', key, policy, () => Promise.reject(new Error('down')), isEmpty);
    expect(served).toEqual({ value: ['record'], asOf: 1_000_000, stale: true });
  });

  it('passes the failure on when nothing cached is young enough', async () => {
    const { cache, clock, load } = setup();
    const key = cache.key('cases', 'search', 'a');
    await cache.read('cases', key, policy, load, isEmpty);
    clock.advance(20_000);
    await expect(cache.read('cases', key, policy, () => Promise.reject(new Error('down')), isEmpty)).rejects.toThrow('down');
  });

  it('keeps "found nothing" only briefly', async () => {
    const { cache, clock } = setup();
    const key = cache.key('cases', 'search', 'a');
    let calls = 0;
    const loadNothing = async () => {
      calls += 1;
      return [] as string[];
    };
    await cache.read('cases', key, policy, loadNothing, isEmpty);
    clock.advance(150 + policy.staleWhileRevalidateMs);
    await cache.read('cases', key, policy, loadNothing, isEmpty);
    expect(calls).toBe(2);
  });

  it('makes one index call for many concurrent misses in one process', async () => {
    const { cache, load, calls } = setup();
    const key = cache.key('cases', 'search', 'a');
    await Promise.all(Array.from({ length: 20 }, () => cache.read('cases', key, policy, load, isEmpty)));
    expect(calls()).toBe(1);
  });

  it('makes one index call for concurrent misses across replicas sharing the store', async () => {
    const store = new MemoryStore();
    const replicaA = setup(store);
    const replicaB = new IndexCache({ store, ring, keyingKey: Buffer.from('keying-key'), logger, lockMs: 500 });
    const key = replicaA.cache.key('cases', 'search', 'a');
    let calls = 0;
    const slowLoad = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return ['record'];
    };
    const [a, b] = await Promise.all([
      replicaA.cache.read('cases', key, policy, slowLoad, isEmpty),
      replicaB.read('cases', key, policy, slowLoad, isEmpty),
    ]);
    expect(calls).toBe(1);
    expect(b.value).toEqual(a.value);
  });

  it("takes the answer another replica stored just before this one got the lock, instead of asking again", async () => {
    const store = new MemoryStore();
    const other = setup(store);
    const key = other.cache.key('cases', 'search', 'a');
    // The other replica finishes its load and lets go of the lock between this replica's look and its lock.
    const racing: CacheStore = Object.assign(Object.create(store) as MemoryStore, {
      lock: async (lockKey: string, ttlMs: number) => {
        await other.cache.read('cases', key, policy, other.load, isEmpty);
        return store.lock(lockKey, ttlMs);
      },
    });
    const { cache, load, calls } = setup(racing);
    expect((await cache.read('cases', key, policy, load, isEmpty)).value).toEqual(['record']);
    expect(other.calls() + calls()).toBe(1);
  });

  it('treats a value sealed under a retired key as a miss', async () => {
    const store = new MemoryStore();
    const old = new IndexCache({ store, ring: { currentKeyId: 'k0', keys: { k0: Buffer.from('retired-key-retired-key-retired!') } }, keyingKey: Buffer.from('keying-key'), logger });
    const key = old.key('cases', 'search', 'a');
    await old.read('cases', key, policy, async () => ['old'], isEmpty);
    const { cache, load, calls } = setup(store);
    expect((await cache.read('cases', key, policy, load, isEmpty)).value).toEqual(['record']);
    expect(calls()).toBe(1);
  });

  it('asks the index when the store fails, instead of failing', async () => {
    const broken: CacheStore = {
      get: () => Promise.reject(new Error('ECONNREFUSED')),
      set: () => Promise.reject(new Error('ECONNREFUSED')),
      delete: () => Promise.reject(new Error('ECONNREFUSED')),
      lock: () => Promise.reject(new Error('ECONNREFUSED')),
      unlock: () => Promise.reject(new Error('ECONNREFUSED')),
      claim: () => Promise.reject(new Error('ECONNREFUSED')),
      close: async () => undefined,
    };
    const { cache, load, calls } = setup(broken);
    const key = cache.key('cases', 'search', 'a');
    expect((await cache.read('cases', key, policy, load, isEmpty)).value).toEqual(['record']);
    expect(calls()).toBe(1);
  });

  it('forgets invalidated keys', async () => {
    const { cache, load, calls } = setup();
    const key = cache.key('proxies', 'search', 'a');
    await cache.read('proxies', key, policy, load, isEmpty);
    await cache.invalidate([key]);
    await cache.read('proxies', key, policy, load, isEmpty);
    expect(calls()).toBe(2);
  });
});
