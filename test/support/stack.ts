import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { gatewayConfig, subgraphConfig, subgraphNames, type SubgraphName } from '../../lib/config';
import type { RunningService } from '../../lib/http-server';
import { startSubgraph } from '../../subgraphs/runtime/server';
import { migrate } from '../../gateway/audit/migrate';
import { connect } from '../../gateway/audit/sql';
import { startGateway } from '../../gateway/server';
import { subgraphs } from '../../subgraphs/registry';
import { createDataset } from '../../mocks/fixtures/dataset';
import { startDevIssuer, type RunningIssuer } from '../../mocks/identity/dev-issuer';
import { startSimulator } from '../../mocks/simulator';
import { simulatedRegisters } from '../../mocks/gateway-registers';

/**
 * The whole federation in the test process, every hop over real HTTP on free ports: upstream
 * simulator, dev issuer and its JWKS, five subgraphs, gateway.
 */
export interface Stack {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  issuer: RunningIssuer;
  simulator: Awaited<ReturnType<typeof startSimulator>>;
  /** The stack's own audit database (a schema of the test PostgreSQL). */
  databaseUrl: string;
  /** The secrets the stack runs with (base64url), for clients that talk to subgraphs directly. */
  keys: { internalContext: string; pseudonym: string };
  /** Starts one more gateway on the stack's subgraphs, database and keys, with `env` on top of the stack's (stopped with the stack); its URL. */
  startGateway(env?: NodeJS.ProcessEnv): Promise<string>;
  /** Stops one subgraph, as a crashed pod would be; the rest of the stack keeps running. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  env?: NodeJS.ProcessEnv;
}

/**
 * The test PostgreSQL (DATABASE_URL, default local), with a schema of this stack's own so stacks
 * never share an audit chain.
 */
export async function freshAuditDatabase(): Promise<string> {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  const schema = `audit_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Drops the schema a stack's audit database lives in. */
export async function dropAuditDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const schema = /search_path=(\w+)/.exec(url.searchParams.get('options') ?? '')?.[1];
  url.searchParams.delete('options');
  if (!schema) return;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

/** The day the personas' ages are fixed for (thomas 54, sara 16, amir 17, karen 81). */
export const fixtureToday = new Date('2026-11-23T12:00:00Z');

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const databaseUrl = await freshAuditDatabase();
  // As the audit-migrate Job does before a release: a production-mode gateway only checks the schema.
  const audit = await connect(databaseUrl);
  await migrate(audit);
  await audit.close();
  // Keys of the stack's own: production-mode stacks refuse the development ones.
  const key = () => randomBytes(32).toString('base64url');
  const base = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    INTERNAL_CONTEXT_KEY: key(),
    PSEUDONYM_KEY: key(),
    CACHE_ENCRYPTION_KEYS: `k1:${key()}`,
    AUDIT_CHECKPOINT_KEY: key(),
    CALENDAR_LINK_KEY: key(),
    ...options.env,
  };
  const simulator = await startSimulator({ port: 0, dataset: createDataset() });
  const issuer = await startDevIssuer();
  const running: RunningService[] = [];
  const subgraphUrls = {} as Record<SubgraphName, string>;
  const subgraphServices = new Map<SubgraphName, RunningService>();
  for (const definition of subgraphs) {
    const service = await startSubgraph(definition, subgraphConfig(definition.name, { ...base, UPSTREAM_URL: simulator.url }), {
      now: () => fixtureToday,
    });
    running.push(service);
    subgraphServices.set(definition.name, service);
    subgraphUrls[definition.name] = service.url;
  }
  const urlEnv = Object.fromEntries(
    subgraphNames.map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, subgraphUrls[name]]),
  );
  const anotherGateway = async (env: NodeJS.ProcessEnv = {}) => {
    const gateway = await startGateway(
      gatewayConfig({
        ...base,
        ...urlEnv,
        AUTH_ISSUER: issuer.url,
        AUTH_JWKS_URL: issuer.jwksUrl,
        ...simulatedRegisters(simulator.url),
        ...env,
      }),
    );
    running.push(gateway);
    return gateway;
  };
  const gateway = await anotherGateway();
  // The issuer's consent page records consents for external services through the gateway.
  issuer.useGateway(gateway.url);
  return {
    gatewayUrl: gateway.url,
    subgraphUrls,
    issuer,
    simulator,
    databaseUrl,
    keys: { internalContext: base.INTERNAL_CONTEXT_KEY, pseudonym: base.PSEUDONYM_KEY },
    startGateway: async (env) => (await anotherGateway(env)).url,
    async stopSubgraph(name) {
      const service = subgraphServices.get(name)!;
      running.splice(running.indexOf(service), 1);
      await service.close();
    },
    async close() {
      await Promise.all(running.map((service) => service.close()));
      await Promise.all([issuer.close(), simulator.close()]);
      await dropAuditDatabase(databaseUrl);
    },
  };
}

/** Takes the stack's audit store away (its events table), as a broken database would. */
export async function breakAuditStore(stack: Stack): Promise<void> {
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  await db.query('DROP TABLE audit_events');
  await db.end();
}
