import { devConfig } from '../lib/config';
import { runService } from '../lib/run';
import { createDataset } from './fixtures/dataset';
import { startSimulator } from './simulator';

runService('upstream simulator', async () => {
  const config = devConfig();
  const simulator = await startSimulator({
    host: config.host,
    port: config.simulatorPort,
    dataset: createDataset({ syntheticCitizens: config.syntheticCitizens }),
  });
  process.stdout.write(`${JSON.stringify({ service: 'simulator', msg: 'listening', url: simulator.url })}\n`);
  return simulator;
});
