import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { defaultPorts, developmentCorsOrigins, subgraphNames } from '../lib/config';

/**
 * `npm start`: the whole federation on localhost with embedded defaults, each component in its
 * own process exactly as it would be deployed. Children hold an IPC channel to this process and
 * stop when it goes away, so Ctrl-C (or a killed parent) leaves no orphans.
 */
const root = resolve(__dirname, '..');
const gatewayPort = process.env.PORT ?? String(defaultPorts.gateway);
/** The citizen page is served where the issuer sends the browser back to and the gateway takes calls from (web/main.ts). */
const pageUrl = `${developmentCorsOrigins[0]}/`;

const components: { name: string; entry: string; env: NodeJS.ProcessEnv }[] = [
  { name: 'simulator', entry: 'mocks/simulator-main.ts', env: {} },
  // Its consent page records consents for external services in the graph.
  { name: 'issuer', entry: 'mocks/identity/issuer-main.ts', env: { DEV_ISSUER_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql` } },
  ...subgraphNames.map((name) => ({
    name,
    entry: `subgraphs/${name}/main.ts`,
    env: { PORT: String(defaultPorts[name]) },
  })),
  { name: 'gateway', entry: 'gateway/main.ts', env: { PORT: gatewayPort } },
  // An example external service (a registered OAuth client) that reads payments on a citizen's consent.
  { name: 'budget-app', entry: 'mocks/services/budget-app-main.ts', env: { DEV_ISSUER_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql` } },
  // The citizen page "Mit Overblik", built first when it is not (Vite), then served.
  { name: 'web', entry: 'web/main.ts', env: { DEV_ISSUER_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql` } },
];

const children: ChildProcess[] = [];
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const exits = children.map((child) => new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(null))));
  void Promise.all(exits).then(() => process.exit(code));
}

for (const component of components) {
  const child = fork(resolve(root, component.entry), [], {
    cwd: root,
    env: { ...process.env, ...component.env },
    execArgv: ['-r', '@swc-node/register'],
  });
  child.once('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`${component.name} stopped unexpectedly (exit ${code}); stopping everything\n`);
      stopAll(1);
    }
  });
  children.push(child);
}

process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

async function announceWhenReady(): Promise<void> {
  const readyz = `http://127.0.0.1:${gatewayPort}/readyz`;
  for (let attempt = 0; attempt < 120 && !stopping; attempt += 1) {
    // The gateway is ready without its subgraphs (it answers the other areas); here all must be up.
    const ready =
      (await fetch(readyz).then(
        async (response) => response.ok && Object.values(((await response.json()) as { checks: { subgraphs: object } }).checks.subgraphs).every((state) => state === 'up'),
        () => false,
      )) && (await fetch(pageUrl).then((response) => response.ok, () => false));
    if (ready) {
      process.stdout.write(
        `\nReady: http://127.0.0.1:${gatewayPort}/graphql\n` +
          `The citizen page (log in as a persona): ${pageUrl}\n` +
          `Get a token with: npm run --silent token -- thomas\n` +
          `An external service asking for consent: http://127.0.0.1:4500/\n` +
          `Stop with Ctrl-C.\n\n`,
      );
      return;
    }
    await new Promise((done) => setTimeout(done, 500));
  }
}
void announceWhenReady();
