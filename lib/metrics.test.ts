import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { registry } from './metrics';

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
  it('leave an idle process asleep', async () => {
    // prom-client's event-loop delay histogram alone wakes it 100 times a second (10 at a 100 ms resolution).
    expect(await idleWakeUpsPerSecond()).toBeLessThan(3);
  }, 30_000);

  it("still report the event loop's lag and utilisation, read when scraped", async () => {
    const text = await registry.metrics();
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_eventloop_utilization_ratio [01]/m);
  });

  it("keep prom-client's other default metrics", () => {
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_gc_duration_seconds', 'nodejs_version_info'])
      expect(registry.getSingleMetric(name)).toBeDefined();
  });
});
