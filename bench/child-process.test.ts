import { join } from 'node:path';
import type { BackendInfo, BackendMethods, BackendOptions } from './backend-process';
import { forkChild } from './child-process';

describe('a bench child forked with flags for node', () => {
  it('runs with them and reports them, for the bench to refuse as not deployed', async () => {
    const backend = await forkChild<BackendOptions, BackendInfo, BackendMethods>(
      join(__dirname, 'backend-process.ts'),
      { syntheticCitizens: 0, upstreamLatencyMs: 0 },
      {},
      ['--max-semi-space-size=16'],
    );
    try {
      expect(backend.runtime.execArgv).toContain('--max-semi-space-size=16');
    } finally {
      await backend.stop();
    }
  }, 60_000);
});
