import { developmentCorsOrigins, devConfig } from '../lib/config';
import { runService } from '../lib/run';
import { buildPage, defaultOutDir, isBuilt } from './build';
import { startWebServer } from './server';

/**
 * `npm start`: the citizen page at the first development origin (http://127.0.0.1:5173), the one
 * the issuer sends the browser back to and the gateway takes calls from; built first when there is
 * no build yet or its sources changed.
 */
runService('web', async () => {
  const config = devConfig();
  if (!isBuilt()) await buildPage();
  const origin = new URL(developmentCorsOrigins[0]!);
  const server = await startWebServer({
    host: origin.hostname,
    port: Number(origin.port),
    distDir: defaultOutDir,
    gatewayUrl: config.issuerGatewayUrl,
    issuerUrl: `http://127.0.0.1:${config.issuerPort}`,
  });
  process.stdout.write(`${JSON.stringify({ service: 'web', msg: 'listening', url: server.url })}\n`);
  return server;
});
