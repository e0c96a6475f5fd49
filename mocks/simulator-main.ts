import { devConfig } from '../lib/config';
import { runService } from '../lib/run';
import { createDataset } from './fixtures/dataset';
import { applyFaults, parseFaults } from './indexes/faults';
import { startSimulator } from './simulator';

runService('upstream simulator', async () => {
  const config = devConfig();
  const simulator = await startSimulator({
    host: config.host,
    port: config.simulatorPort,
    dataset: createDataset({ syntheticCitizens: config.syntheticCitizens }),
  });
  // Development only: a bad day on the service platform, e.g. UPSTREAM_FAULTS="payments=hang".
  applyFaults(simulator.faults, parseFaults(config.faults));
  process.stdout.write(`${JSON.stringify({ service: 'simulator', msg: 'listening', url: simulator.url, faults: config.faults })}\n`);
  return simulator;
});
