import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { syntheticCpr } from '../mocks/fixtures/generator';
import { mintCitizenToken } from '../mocks/identity/dev-issuer';
import { postGraphQL } from '../test/support/graphql-client';
import { startProcessStack, type ProcessStack } from '../test/support/process-stack';
import { overviewQuery } from './operations';
import { round } from './round';

/**
 * `npm run bench:capacity`: what one request costs each part of the platform, as the inputs of
 * docs/capacity.md. The federation runs as deployed (each component its own process, Redis as the
 * cache, PostgreSQL for the audit trail), and for a cold and a warm citizen overview it counts,
 * per request: CPU milliseconds of the gateway and of each subgraph (from /proc), Redis commands
 * and bytes on the wire, audit rows, PostgreSQL transactions, inserted rows and WAL bytes. Run it on
 * a quiet machine: Redis and PostgreSQL counters are server-wide.
 */
const redisUrl = process.env.CAPACITY_REDIS_URL ?? 'redis://127.0.0.1:6379/8';
const warmRequests = 600;
const concurrency = 10;
const coldRounds = 4;
/** Generated citizens, each with data in every area (of the personas, several have none of their own). */
const citizenCount = 40;
const clockTicksPerSecond = 100;

/** CPU time (user + system) of a process so far, in ms, from /proc (Linux only). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
}

interface Counters {
  cpuMs: Record<string, number>;
  redisCommands: number;
  redisBytesIn: number;
  redisBytesOut: number;
  auditRows: number;
  pgCommits: number;
  pgInsertedRows: number;
  walBytes: number;
}

async function counters(stack: ProcessStack, redis: Redis, pg: Client): Promise<Counters> {
  // The statistics PostgreSQL keeps per database reach its views within a second of a transaction.
  await sleep(1_500);
  const commandStats = await redis.info('commandstats');
  const stats = await redis.info('stats');
  const stat = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(stats)?.[1] ?? 0);
  await pg.query('SELECT pg_stat_clear_snapshot()');
  const database = (
    await pg.query<{ xact_commit: string; tup_inserted: string; wal: string; rows: string }>(
      `SELECT xact_commit, tup_inserted, pg_current_wal_lsn() - '0/0' AS wal, (SELECT count(*) FROM audit_events) AS rows
       FROM pg_stat_database WHERE datname = current_database()`,
    )
  ).rows[0]!;
  return {
    cpuMs: Object.fromEntries(Object.entries(stack.processIds).map(([name, pid]) => [name, cpuMs(pid)])),
    redisCommands: [...commandStats.matchAll(/^cmdstat_(?!info)\w+:calls=(\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0),
    redisBytesIn: stat('total_net_input_bytes'),
    redisBytesOut: stat('total_net_output_bytes'),
    auditRows: Number(database.rows),
    pgCommits: Number(database.xact_commit),
    pgInsertedRows: Number(database.tup_inserted),
    walBytes: Number(database.wal),
  };
}

/** Per request: the difference of two readings, divided by the requests between them. */
function perRequest(before: Counters, after: Counters, requests: number) {
  const each = (value: number) => round(value / requests, 3);
  return {
    requests,
    cpuMsPerRequest: Object.fromEntries(Object.keys(after.cpuMs).map((name) => [name, each(after.cpuMs[name]! - before.cpuMs[name]!)])),
    redisCommands: each(after.redisCommands - before.redisCommands),
    redisBytesIn: each(after.redisBytesIn - before.redisBytesIn),
    redisBytesOut: each(after.redisBytesOut - before.redisBytesOut),
    auditRows: each(after.auditRows - before.auditRows),
    pgCommits: each(after.pgCommits - before.pgCommits),
    pgInsertedRows: each(after.pgInsertedRows - before.pgInsertedRows),
    walBytes: each(after.walBytes - before.walBytes),
  };
}

async function inParallel(count: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await work(next++);
  }));
}

async function main(): Promise<void> {
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  const stack = await startProcessStack(
    { REDIS_URL: redisUrl, RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000', COST_BUDGET_PER_MINUTE: '1000000000' },
    { dataset: { syntheticCitizens: citizenCount } },
  );
  const pg = new Client({ connectionString: stack.databaseUrl });
  await pg.connect();
  try {
    const tokens = await Promise.all(Array.from({ length: citizenCount }, (_, n) => mintCitizenToken(syntheticCpr(n), { issuer: stack.issuer.url })));
    const ask = async (token: string) => {
      const response = await postGraphQL(stack.gatewayUrl, overviewQuery, { token });
      if (response.status !== 200) throw new Error(`an overview answered ${response.status}`);
    };
    // Warm-up: every code path once, JIT and connection pools settled.
    await inParallel(100, (index) => ask(tokens[index % tokens.length]!));

    // Cold: every citizen once with Redis emptied, in rounds; the round with the median gateway CPU stands for them.
    const coldSamples: ReturnType<typeof perRequest>[] = [];
    for (let roundIndex = 0; roundIndex < coldRounds; roundIndex += 1) {
      await redis.flushdb();
      const before = await counters(stack, redis, pg);
      await inParallel(tokens.length, (index) => ask(tokens[index]!));
      coldSamples.push(perRequest(before, await counters(stack, redis, pg), tokens.length));
    }
    const cold = [...coldSamples].sort((a, b) => a.cpuMsPerRequest.gateway! - b.cpuMsPerRequest.gateway!)[Math.floor(coldSamples.length / 2)]!;

    const warmBefore = await counters(stack, redis, pg);
    await inParallel(warmRequests, (index) => ask(tokens[index % tokens.length]!));
    const warm = perRequest(warmBefore, await counters(stack, redis, pg), warmRequests);

    // What Redis holds after the run, every key's own memory (keys are keyed hashes, so all kinds
    // together: cache entries and what requests leave, such as rate-limit windows), per citizen.
    const keys = await redis.keys('*');
    const sizes = await Promise.all(keys.map((key) => redis.memory('USAGE', key)));
    const keyBytes = sizes.reduce<number>((sum, bytes) => sum + Number(bytes ?? 0), 0);
    // What one audit row takes on disk, indexes included, to size the trail's storage.
    const audit = (await pg.query<{ bytes: string; rows: string }>("SELECT pg_total_relation_size('audit_events') AS bytes, (SELECT count(*) FROM audit_events) AS rows")).rows[0]!;
    const result = {
      when: new Date().toISOString(),
      auditBytesPerRow: round(Number(audit.bytes) / Math.max(1, Number(audit.rows)), 0),
      node: process.version,
      citizens: citizenCount,
      cold: { median: cold, samples: coldSamples },
      warm,
      redis: {
        keys: keys.length,
        keyBytes,
        bytesPerCitizen: round(keyBytes / citizenCount, 0),
      },
    };
    const directory = join(__dirname, 'results');
    await mkdir(directory, { recursive: true });
    await writeFile(join(directory, 'capacity.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify({ cold, warm, redis: result.redis, auditBytesPerRow: result.auditBytesPerRow }, null, 2)}\n`);
  } finally {
    await pg.end();
    await stack.close();
    await redis.flushdb();
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`capacity failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
