import { monitorEventLoopDelay } from 'node:perf_hooks';
import { round } from './round';

/**
 * The longest the process's event loop was held up (a GC pause, a long task, the machine taking
 * the core away) since the last read, in ms, then starts again: a request that arrived then waited
 * at least that long. Read beside a run's p99, it tells a tail of the process's own (or of the
 * backend every system shares) from one of the system's work. Sampled by libuv's timer every
 * 20 ms, in C++: nothing runs in JavaScript for it.
 */
export function loopStalls(): () => number {
  const delays = monitorEventLoopDelay({ resolution: 20 });
  delays.enable();
  return () => {
    const worst = delays.max / 1e6;
    delays.reset();
    return round(worst, 1);
  };
}
