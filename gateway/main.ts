import 'reflect-metadata';
import { gatewayConfig } from '../lib/config';
import { runService } from '../lib/run';
import { startTracing } from '../lib/tracing';

runService('gateway', async () => {
  const config = gatewayConfig();
  startTracing('gateway', config.otlpEndpoint);
  // Loaded only now, so the tracing instrumentations patch http, pg and ioredis as they are required.
  const { startGateway } = await import('./server');
  return startGateway(config);
});
