import { devConfig } from '../../lib/config';
import { runService } from '../../lib/run';
import { startBudgetApp } from './budget-app';

/** `npm start`: the example external service at its registered address (config/clients.json). */
runService('budget app', async () => {
  const config = devConfig();
  const app = await startBudgetApp({ issuerUrl: `http://127.0.0.1:${config.issuerPort}`, gatewayUrl: config.issuerGatewayUrl });
  process.stdout.write(`${JSON.stringify({ service: 'budget-app', msg: 'listening', url: app.url })}\n`);
  return app;
});
