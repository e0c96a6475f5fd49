import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { composeFile, ensureServices, missingServicesMessage, testServices } from './global-setup';

/** A port nothing listens on: taken from the system, then let go. */
async function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("the tests' global setup", () => {
  it('looks for Redis and PostgreSQL where the tests do: REDIS_URL and DATABASE_URL, or the local defaults', () => {
    expect(testServices({}).map(({ name, url }) => [name, url])).toEqual([
      ['redis', 'redis://127.0.0.1:6379'],
      ['postgres', 'postgres://postgres@127.0.0.1:5432/test'],
    ]);
    const given = testServices({ REDIS_URL: 'redis://cache.example.invalid:6379/0', DATABASE_URL: 'postgres://u@db.example.invalid/t' });
    expect(given.map(({ url }) => url)).toEqual(['redis://cache.example.invalid:6379/0', 'postgres://u@db.example.invalid/t']);
  });

  it('stops with one message naming each service that does not answer, where it looked, and the one command that starts them', async () => {
    const redisUrl = `redis://127.0.0.1:${await unusedPort()}`;
    const databaseUrl = `postgres://postgres@127.0.0.1:${await unusedPort()}/test`;
    const attempt = ensureServices({ REDIS_URL: redisUrl, DATABASE_URL: databaseUrl });
    await expect(attempt).rejects.toThrow(`Redis does not answer at ${redisUrl} (REDIS_URL): connect ECONNREFUSED`);
    await expect(attempt).rejects.toThrow(`PostgreSQL does not answer at ${databaseUrl} (DATABASE_URL): connect ECONNREFUSED`);
    await expect(attempt).rejects.toThrow('docker compose -f deploy/test-services.yml up -d --wait redis postgres');
  });

  it('offers to start only the service that is missing', () => {
    const [redis] = testServices({});
    const message = missingServicesMessage([{ service: redis, reason: 'connect ECONNREFUSED 127.0.0.1:6379' }], '');
    expect(message).toContain('docker compose -f deploy/test-services.yml up -d --wait redis\n');
    expect(message).not.toContain('PostgreSQL');
  });

  it('says why scripts/ensure-services.sh could not start a local server', () => {
    const [redis] = testServices({});
    const message = missingServicesMessage([{ service: redis, reason: 'connect ECONNREFUSED 127.0.0.1:6379' }], 'redis: redis-server is not installed');
    expect(message).toContain('redis: redis-server is not installed');
  });

  it('never shows a password from the URLs it names', async () => {
    const databaseUrl = `postgres://postgres:hunter2@127.0.0.1:${await unusedPort()}/test`;
    const attempt = ensureServices({ REDIS_URL: `redis://:hunter2@127.0.0.1:${await unusedPort()}`, DATABASE_URL: databaseUrl });
    await expect(attempt).rejects.toThrow('does not answer');
    await expect(attempt).rejects.not.toThrow('hunter2');
  });

  it('starts local servers only where the tests would look for them (the default addresses)', async () => {
    const start = jest.fn(() => '');
    const attempt = ensureServices({ REDIS_URL: `redis://127.0.0.1:${await unusedPort()}`, DATABASE_URL: `postgres://postgres@127.0.0.1:${await unusedPort()}/test` }, start);
    await expect(attempt).rejects.toThrow('does not answer');
    expect(start).not.toHaveBeenCalled();
  });

  it('names a compose file whose Redis and PostgreSQL listen where the tests look by default', () => {
    const compose = parse(readFileSync(join(__dirname, '..', '..', composeFile), 'utf8')) as {
      services: Record<string, { ports: string[]; environment?: Record<string, string> }>;
    };
    for (const service of testServices({})) {
      const url = new URL(service.url);
      expect(compose.services[service.name].ports).toEqual([`127.0.0.1:${url.port}:${url.port}`]);
    }
    const database = new URL(testServices({})[1].url);
    expect(compose.services.postgres.environment?.POSTGRES_DB).toBe(database.pathname.slice(1));
  });

  it('guards every test that imports the test stack, the test Redis, the audit database or a Redis or PostgreSQL client', () => {
    const root = join(__dirname, '..', '..');
    const services = (require(join(root, 'jest.config.js')) as { projects: { displayName: string; testMatch: string[]; globalSetup?: string }[] }).projects.find(
      (project) => project.globalSetup?.endsWith('test/support/global-setup.ts'),
    )!;
    // The project's patterns are `<rootDir>/<folder>/**/*.test.ts` or `<rootDir>/<file>`.
    const guarded = (file: string) =>
      services.testMatch.some((pattern) => {
        const path = pattern.replace('<rootDir>/', '');
        return path.endsWith('**/*.test.ts') ? file.startsWith(path.replace('**/*.test.ts', '')) : file === path;
      });
    const serviceModules = ['test/support/stack.ts', 'test/support/redis.ts', 'gateway/audit/sql.ts', 'bench/benchmark.ts'];
    const usesServices = (file: string) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/^import [^;]*?from '([^']+)'/gm)].some(([, specifier]) =>
        specifier.startsWith('.') ? serviceModules.includes(relative(root, resolve(root, dirname(file), specifier)) + '.ts') : ['pg', 'ioredis'].includes(specifier),
      );
    const tests = (folder: string): string[] =>
      readdirSync(join(root, folder)).flatMap((entry) => {
        const path = join(folder, entry);
        if (entry === 'node_modules' || entry.startsWith('.')) return [];
        return statSync(join(root, path)).isDirectory() ? tests(path) : path.endsWith('.test.ts') ? [path] : [];
      });
    const needing = tests('.').filter(usesServices);
    expect(needing.length).toBeGreaterThan(10);
    expect(needing.filter((file) => !guarded(file))).toEqual([]);
  });
});
