import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

/** Voluntary context switches a second of a fresh node process with this module loaded and nothing else to do. */
async function idleWakeUpsPerSecond(): Promise<number> {
  const script = `
    require('./lib/metrics');
    setTimeout(() => {
      const before = process.resourceUsage().voluntaryContextSwitches;
      setTimeout(() => console.log(process.resourceUsage().voluntaryContextSwitches - before), 2000);
    }, 1000);`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', '-e', script], { cwd: resolve(__dirname, '..') });
  return Number(stdout.trim()) / 2;
}

describe("the process's metrics", () => {
  it('wake an idle process at most a few times a second to sample its event loop', async () => {
    // prom-client's default samples every 10 ms: a hundred wake-ups a second, each a loop turn of CPU.
    expect(await idleWakeUpsPerSecond()).toBeLessThan(40);
  }, 30_000);
});
