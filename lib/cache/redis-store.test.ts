import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flushRedis, testRedisUrl } from '../../test/support/redis';
import { subgraphConfig } from '../config';
import { createLogger } from '../logger';
import { cacheLookups } from '../metrics';
import { createCache } from './create-cache';
import { RedisStore } from './redis-store';

describe('the Redis store', () => {
  const url = testRedisUrl(12);
  const replicaA = new RedisStore({ location: { url }, commandTimeoutMs: 2_000 });
  const replicaB = new RedisStore({ location: { url }, commandTimeoutMs: 2_000 });
  // A store refuses commands until its connection is up (no offline queue, as deployed): on a busy
  // machine that can outlast the first test's start.
  const connected = ({ client }: RedisStore) => (client.status === 'ready' ? undefined : new Promise((resolve) => client.once('ready', resolve)));
  beforeAll(() => Promise.all([replicaA, replicaB].map(connected)));
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

/** A redis-server of the test's own with the given arguments, on a free port; stopped by the test. */
async function startRedisServer(args: (port: number) => string[]): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const argv = args(port);
  const server = spawn('redis-server', argv, { stdio: 'ignore' });
  // Listening is enough: with a password (or TLS only) there is nothing to ask without credentials.
  for (let attempt = 0; ; attempt += 1) {
    const listening = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(true)).on('error', () => resolve(false));
      setTimeout(() => socket.destroy(), 100);
    });
    if (listening) break;
    if (attempt > 50) throw new Error(`redis-server ${argv.join(' ')} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    stop: () => new Promise<void>((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', () => resolve()).kill('SIGKILL'))),
  };
}

/** Caches one answer through the store the settings give, as a subgraph would, and tells what the cache counted. */
async function cacheThrough(env: NodeJS.ProcessEnv): Promise<{ value: string[]; storeErrors: number; cached: string | null }> {
  const config = subgraphConfig('cases', { CACHE_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64url')}`, ...env });
  const { cache, store, policyFor } = createCache({ ...config.cache, redisCommandTimeoutMs: 500 }, Buffer.from('keying-key'), createLogger('test', 'silent'))!;
  const errorsBefore = await storeErrors();
  // A service connects at start, long before its first request: the test waits until the client
  // is ready or has failed once.
  const { client } = store as RedisStore;
  await new Promise((resolve) => client.once('ready', resolve).once('error', resolve));
  try {
    const key = cache.key('cases', 'search', 'subject');
    const answer = await cache.read('cases', key, policyFor('cases'), async () => ['record'], (value) => value.length === 0);
    const cached = await store.get(key).catch(() => null);
    return { value: answer.value, storeErrors: (await storeErrors()) - errorsBefore, cached };
  } finally {
    await store.close();
  }
}

async function storeErrors(): Promise<number> {
  const { values } = await cacheLookups.get();
  return values.filter(({ labels }) => labels.index === 'cases' && labels.result === 'error').reduce((sum, { value }) => sum + value, 0);
}

describe('the Redis store behind a password', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  beforeAll(async () => {
    redis = await startRedisServer((port) => ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--requirepass', 'right-password']);
  });
  afterAll(() => redis.stop());

  it('caches through a password-protected Redis given REDIS_PASSWORD', async () => {
    const result = await cacheThrough({ REDIS_URL: `redis://127.0.0.1:${redis.port}/0`, REDIS_PASSWORD: 'right-password' });
    expect(result).toMatchObject({ value: ['record'], storeErrors: 0 });
    expect(result.cached).not.toBeNull();
  });

  it('answers from the index, counting a store error, when the password is wrong', async () => {
    const result = await cacheThrough({ REDIS_URL: `redis://127.0.0.1:${redis.port}/0`, REDIS_PASSWORD: 'wrong-password' });
    expect(result.value).toEqual(['record']);
    expect(result.storeErrors).toBeGreaterThan(0);
  });
});

describe('the Redis store through Sentinels, over TLS with a private CA, with passwords', () => {
  const folder = mkdtempSync(join(tmpdir(), 'redis-tls-'));
  const file = (name: string) => join(folder, name);
  const tlsArgs = ['--tls-cert-file', file('server.pem'), '--tls-key-file', file('server.key'), '--tls-ca-cert-file', file('ca.pem'), '--tls-auth-clients', 'no'];
  let primary: Awaited<ReturnType<typeof startRedisServer>>;
  let sentinel: Awaited<ReturnType<typeof startRedisServer>>;

  beforeAll(async () => {
    // A CA of the test's own and a certificate it signs for 127.0.0.1.
    const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
    openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=test CA', '-keyout', file('ca.key'), '-out', file('ca.pem'));
    openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', file('server.key'), '-out', file('server.csr'));
    writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
    openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '1', '-extfile', file('san.ext'), '-out', file('server.pem'));
    primary = await startRedisServer((port) => ['--port', '0', '--tls-port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--requirepass', 'primary-password', ...tlsArgs]);
    sentinel = await startRedisServer((port) => {
      // Sentinel rewrites its configuration file, so it gets one of its own.
      writeFileSync(
        file('sentinel.conf'),
        [
          'port 0',
          `tls-port ${port}`,
          'bind 127.0.0.1',
          'tls-replication yes',
          'requirepass sentinel-password',
          `sentinel monitor borger-graph 127.0.0.1 ${primary.port} 1`,
          'sentinel auth-pass borger-graph primary-password',
        ].join('\n'),
      );
      return [file('sentinel.conf'), '--sentinel', ...tlsArgs];
    });
  });
  afterAll(async () => {
    await sentinel?.stop();
    await primary?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  // The Sentinel and the primary listen for TLS only, require passwords, and carry certificates of
  // a CA no system trusts: a cached answer proves each setting reached the connection it is for.
  it('caches in the primary the Sentinels name', async () => {
    const result = await cacheThrough({
      REDIS_SENTINELS: `127.0.0.1:${sentinel.port}`,
      REDIS_SENTINEL_NAME: 'borger-graph',
      REDIS_PASSWORD: 'primary-password',
      REDIS_SENTINEL_PASSWORD: 'sentinel-password',
      REDIS_TLS: 'true',
      REDIS_TLS_CA_FILE: file('ca.pem'),
    });
    expect(result).toMatchObject({ value: ['record'], storeErrors: 0 });
    expect(result.cached).not.toBeNull();
  });
});
