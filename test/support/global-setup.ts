import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/**
 * Jest's global setup for the tests that need Redis and PostgreSQL (jest.config.js, project
 * "services"): checks once that both answer where the tests will look; starts local servers that
 * are installed but stopped (scripts/ensure-services.sh, as .ci/run does); otherwise stops the run
 * at once with one message naming what is missing and the command that provides it, instead of a
 * cascade of ECONNREFUSED from every suite.
 */
export default function globalSetup(): Promise<void> {
  return ensureServices(process.env);
}

export interface TestService {
  name: 'redis' | 'postgres';
  label: string;
  setting: 'REDIS_URL' | 'DATABASE_URL';
  url: string;
  /** Where the tests look when the setting is not given; only there does the setup start a server. */
  defaultUrl: string;
}

export interface Missing {
  service: TestService;
  reason: string;
}

/** The compose file whose services listen on the default addresses (deploy/test-services.yml). */
export const composeFile = 'deploy/test-services.yml';

/** Where the tests look: the same settings and defaults as test/support/redis.ts and stack.ts. */
export function testServices(env: NodeJS.ProcessEnv): TestService[] {
  const service = (name: TestService['name'], label: string, setting: TestService['setting'], defaultUrl: string): TestService => ({
    name,
    label,
    setting,
    url: env[setting] || defaultUrl,
    defaultUrl,
  });
  return [
    service('redis', 'Redis', 'REDIS_URL', 'redis://127.0.0.1:6379'),
    service('postgres', 'PostgreSQL', 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/test'),
  ];
}

/** Starts local servers for the named services; returns what it said went wrong (empty when nothing did). */
export type StartLocally = (names: TestService['name'][]) => string;

const ensureServicesScript: StartLocally = (names) => {
  const result = spawnSync('bash', [join(__dirname, '..', '..', 'scripts', 'ensure-services.sh'), ...names], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  return result.error ? String(result.error.message) : result.stderr.trim();
};

export async function ensureServices(env: NodeJS.ProcessEnv, startLocally: StartLocally = ensureServicesScript): Promise<void> {
  const services = testServices(env);
  let missing = await unanswered(services);
  let startReport = '';
  const startable = missing.filter(({ service }) => service.url === service.defaultUrl);
  if (startable.length > 0) {
    startReport = startLocally(startable.map(({ service }) => service.name));
    missing = await unanswered(services);
  }
  if (missing.length > 0) {
    const error = new Error(missingServicesMessage(missing, startReport));
    // The message says it all; a stack into this file would only bury it.
    error.stack = error.message;
    throw error;
  }
}

const debianPackage: Record<TestService['name'], string> = { redis: 'redis-server', postgres: 'postgresql' };

export function missingServicesMessage(missing: Missing[], startReport: string): string {
  const lines = missing.map(({ service, reason }) => `  ${service.label} does not answer at ${withoutPassword(service.url)} (${service.setting}): ${reason}`);
  const names = missing.map(({ service }) => service.name).join(' ');
  return [
    'The tests that need services cannot run:',
    ...lines,
    ...(startReport ? [`scripts/ensure-services.sh could not start them here:`, ...startReport.split('\n').map((line) => `  ${line}`)] : []),
    'Start them (on the default addresses) with:',
    `  docker compose -f ${composeFile} up -d --wait ${names}`,
    `or install Debian's ${missing.map(({ service }) => debianPackage[service.name]).join(' and ')}, which the tests then start themselves;`,
    `or point ${missing.map(({ service }) => service.setting).join(' and ')} at ones that run.`,
    '',
  ].join('\n');
}

async function unanswered(services: TestService[]): Promise<Missing[]> {
  const answers = await Promise.all(services.map((service) => (service.name === 'redis' ? pingRedis(service.url) : pingPostgres(service.url))));
  return services.flatMap((service, index) => {
    const reason = answers[index];
    return reason === null ? [] : [{ service, reason }];
  });
}

/** null when Redis answers PING; otherwise why not. */
async function pingRedis(url: string): Promise<string | null> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // The connection's own error says why (refused, timed out); connect() only says it closed.
  let connectionError: unknown;
  client.on('error', (error) => (connectionError ??= error));
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return reasonOf(connectionError ?? error);
  } finally {
    // Disconnecting a connection that never opened would leave ioredis's 2 s close timer behind.
    if (client.status !== 'end') client.disconnect();
  }
}

/** null when PostgreSQL answers a query; otherwise why not. */
async function pingPostgres(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return reasonOf(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A connection error's own words; an AggregateError (every address refused) has none of its own. */
function reasonOf(error: unknown): string {
  const first = error instanceof AggregateError ? error.errors[0] : error;
  const { message, code } = first as { message?: string; code?: string };
  return message || code || String(first);
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password === '') return url;
  parsed.password = '***';
  return parsed.toString();
}
