import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** The shared test Redis (REDIS_URL, default local), on a database of the test's own. */
export function testRedisUrl(database: number): string {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  url.pathname = `/${database}`;
  return url.toString();
}

/** Every key and value in a database, for tests that look for what must not be there. */
export async function dumpRedis(url: string): Promise<{ keys: string[]; values: string[] }> {
  const client = new Redis(url);
  try {
    const keys = await client.keys('*');
    const values = keys.length > 0 ? ((await client.mget(...keys)).filter(Boolean) as string[]) : [];
    return { keys, values };
  } finally {
    client.disconnect();
  }
}

export async function flushRedis(url: string): Promise<void> {
  const client = new Redis(url);
  await client.flushdb();
  client.disconnect();
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A Redis server of the test's own, so the test can stop and start it. */
export class OwnRedis {
  private process: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async start(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const client = new Redis(this.url, { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: null });
    await client.connect().catch(() => undefined);
    await client.ping();
    client.disconnect();
  }

  async stop(): Promise<void> {
    const running = this.process;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once('exit', resolve);
      running.kill('SIGKILL');
    });
  }
}
