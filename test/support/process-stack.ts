import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { subgraphNames } from '../../lib/config';
import { createDataset, type DatasetOptions } from '../../mocks/fixtures/dataset';
import { startDevIssuer, type RunningIssuer } from '../../mocks/identity/dev-issuer';
import { startSimulator, type RunningSimulator } from '../../mocks/simulator';
import { dropAuditDatabase, freshAuditDatabase } from './stack';
import { simulatedRegisters } from '../../mocks/gateway-registers';

/**
 * The federation as it is deployed: the gateway and each subgraph a process of its own, started
 * from its entry point (as `npm start` and the image do), with the development keys. The index
 * simulator and the dev issuer stand in for systems outside ours and run in the test.
 */
export interface ProcessStack {
  /** The first gateway's; with replicas, `gatewayUrls` has each one's. */
  gatewayUrl: string;
  gatewayUrls: string[];
  issuer: RunningIssuer;
  simulator: RunningSimulator;
  /** The audit trail's PostgreSQL database, which every gateway writes to. */
  databaseUrl: string;
  /** Each process of ours by what it runs (`gateway`, `cases`, …; replicas after the first end in `#2`, …), for its CPU time. */
  processIds: Record<string, number>;
  close(): Promise<void>;
}

const root = resolve(__dirname, '../..');

interface Component {
  child: ChildProcess;
  url: string;
}

/** A log line's fields; anything else a process prints is not ours to read. */
function fieldsOf(line: string): { msg?: string; url?: string } {
  try {
    return JSON.parse(line) as { msg?: string; url?: string };
  } catch {
    return {};
  }
}

/** Starts one entry point and waits for the URL it logs once it listens. */
function startComponent(entry: string, env: NodeJS.ProcessEnv): Promise<Component> {
  const child = fork(resolve(root, entry), [], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', ...env },
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((started, failed) => {
    child.once('exit', (code) => failed(new Error(`${entry} ended (exit ${code}) before it listened`)));
    // Read every line, so the pipe never fills and stalls the process.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const { msg, url } = fieldsOf(line);
      if (msg?.endsWith(' listening') && url) started({ child, url });
    });
  });
}

async function stop({ child }: Component): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

const replicaSuffix = (replica: number) => (replica === 0 ? '' : `#${replica + 1}`);

/**
 * `replicas` gateways and as many of each subgraph, sharing whatever `env` names (Redis, and the
 * one audit database): gateway i calls replica i of every subgraph, as a load balancer might.
 */
export async function startProcessStack(env: NodeJS.ProcessEnv, { replicas = 1, dataset = {} }: { replicas?: number; dataset?: DatasetOptions } = {}): Promise<ProcessStack> {
  const databaseUrl = await freshAuditDatabase();
  const simulator = await startSimulator({ port: 0, dataset: createDataset(dataset) });
  const issuer = await startDevIssuer();
  const replicaSet = () =>
    Promise.all(subgraphNames.map(async (name) => [name, await startComponent(`subgraphs/${name}/main.ts`, { ...env, UPSTREAM_URL: simulator.url })] as const));
  const subgraphSets = await Promise.all(Array.from({ length: replicas }, replicaSet));
  const gateways = await Promise.all(
    subgraphSets.map((subgraphs) =>
      startComponent('gateway/main.ts', {
        ...env,
        ...Object.fromEntries(subgraphs.map(([name, { url }]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url])),
        DATABASE_URL: databaseUrl,
        AUTH_ISSUER: issuer.url,
        AUTH_JWKS_URL: issuer.jwksUrl,
        ...simulatedRegisters(simulator.url),
      }),
    ),
  );
  issuer.useGateway(gateways[0]!.url);
  return {
    gatewayUrl: gateways[0]!.url,
    gatewayUrls: gateways.map(({ url }) => url),
    issuer,
    simulator,
    databaseUrl,
    processIds: Object.fromEntries([
      ...gateways.map(({ child }, replica) => [`gateway${replicaSuffix(replica)}`, child.pid!] as const),
      ...subgraphSets.flatMap((subgraphs, replica) => subgraphs.map(([name, { child }]) => [`${name}${replicaSuffix(replica)}`, child.pid!] as const)),
    ]),
    async close() {
      await Promise.all([...gateways, ...subgraphSets.flat().map(([, component]) => component)].map(stop));
      await Promise.all([issuer.close(), simulator.close()]);
      await dropAuditDatabase(databaseUrl);
    },
  };
}
