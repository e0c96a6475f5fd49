import { fork } from 'node:child_process';
import { basename, resolve } from 'node:path';

/**
 * The pieces the benchmark measures run in processes of their own, so the load generator's CPU
 * is not counted as theirs and does not delay their event loop. A child module calls
 * `serveParent(start)`; the parent forks it with `forkChild` and calls its methods by name.
 */
type Methods = Record<string, () => unknown>;

interface Started<TInfo, TMethods extends Methods> {
  info: TInfo;
  methods: TMethods;
  close(): Promise<void>;
}

/** How a child really runs, read in the child: what the results say about it is checked, not assumed. */
export interface ChildRuntime {
  node: string;
  execArgv: string[];
  /** Node's own source-map support (`--enable-source-maps`). */
  sourceMaps: boolean;
  /** Whether something (source-map-support, as `@swc-node/register` installs it) rewrites every Error's stack. */
  stackRewritten: boolean;
}

/** Nothing between the code and the CPU that the deployed image does not have. */
export function assertDeployed(name: string, runtime: ChildRuntime): void {
  if (runtime.execArgv.length > 0 || runtime.sourceMaps || runtime.stackRewritten) {
    throw new Error(`${name} does not run as deployed: ${JSON.stringify(runtime)}`);
  }
}

type FromParent = { options: unknown } | { id: number; method: string } | { stop: true };
type FromChild = { ready: unknown; runtime: ChildRuntime } | { failed: string } | { id: number; result: unknown } | { id: number; error: string };

export interface Child<TInfo, TMethods extends Methods> {
  pid: number;
  info: TInfo;
  runtime: ChildRuntime;
  call<K extends keyof TMethods & string>(method: K): Promise<Awaited<ReturnType<TMethods[K]>>>;
  stop(): Promise<void>;
}

const startTimeoutMs = 120_000;
const callTimeoutMs = 30_000;
const stopTimeoutMs = 10_000;
const repositoryRoot = resolve(__dirname, '..');

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Forks a module of bench/ and waits until it is ready, in the repository's root like the image's
 * /app (files are read relative to it). A compiled module (bench/compiled.ts) runs with plain node
 * and nothing else (NODE_OPTIONS is not passed on either); a TypeScript one, as tests fork them,
 * through swc like `npm start`. `nodeFlags` (an A/B's `--trace-gc`, say) are given to node before
 * the module; the child then reports them, and the bench refuses to measure it. The child reports
 * how it really runs (`runtime`).
 */
export async function forkChild<TOptions, TInfo, TMethods extends Methods>(
  modulePath: string,
  options: TOptions,
  env: NodeJS.ProcessEnv = {},
  nodeFlags: string[] = [],
): Promise<Child<TInfo, TMethods>> {
  const name = basename(modulePath);
  const { NODE_OPTIONS: _hooks, ...inherited } = process.env;
  const child = fork(modulePath, [], {
    cwd: repositoryRoot,
    execArgv: [...(modulePath.endsWith('.ts') ? ['-r', '@swc-node/register'] : []), ...nodeFlags],
    env: { ...inherited, APOLLO_TELEMETRY_DISABLED: 'true', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  exited.then(() => {
    for (const call of pending.values()) call.reject(new Error(`${name} exited`));
    pending.clear();
  });

  const ready = new Promise<{ info: TInfo; runtime: ChildRuntime }>((resolveReady, rejectReady) => {
    child.on('message', (message: FromChild) => {
      if ('ready' in message) resolveReady({ info: message.ready as TInfo, runtime: message.runtime });
      else if ('failed' in message) rejectReady(new Error(`${name} failed to start: ${message.failed}`));
      else {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if ('error' in message) call?.reject(new Error(message.error));
        else call?.resolve(message.result);
      }
    });
    exited.then(() => rejectReady(new Error(`${name} exited before it was ready`)));
  });
  child.send({ options } satisfies FromParent);
  let started: { info: TInfo; runtime: ChildRuntime };
  try {
    started = await within(ready, startTimeoutMs, `starting ${name}`);
  } catch (error) {
    child.kill();
    throw error;
  }

  return {
    pid: child.pid!,
    ...started,
    call(method) {
      const id = nextId++;
      const answer = new Promise((resolveCall, rejectCall) => pending.set(id, { resolve: resolveCall, reject: rejectCall }));
      child.send({ id, method } satisfies FromParent);
      return within(answer, callTimeoutMs, `${method} of ${name}`) as never;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ stop: true } satisfies FromParent);
      await within(exited, stopTimeoutMs, `stopping ${name}`).catch(() => {
        child.kill('SIGKILL');
        return exited;
      });
    },
  };
}

function ownRuntime(): ChildRuntime {
  return {
    node: process.version,
    execArgv: process.execArgv,
    sourceMaps: process.sourceMapsEnabled,
    // Node's own default is a function too, named ErrorPrepareStackTrace; source-map-support's is not.
    stackRewritten: typeof Error.prepareStackTrace === 'function' && Error.prepareStackTrace.name !== 'ErrorPrepareStackTrace',
  };
}

/** The child's side: start on the parent's options, answer its calls, close when told or orphaned. */
export function serveParent<TOptions, TInfo, TMethods extends Methods>(
  start: (options: TOptions) => Promise<Started<TInfo, TMethods>>,
): void {
  const send = (message: FromChild) => process.send?.(message);
  let started: Started<TInfo, TMethods> | undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void (started?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  };
  process.once('disconnect', stop);
  process.on('message', (message: FromParent) => {
    if ('stop' in message) return stop();
    if ('options' in message) {
      start(message.options as TOptions).then(
        (running) => {
          started = running;
          send({ ready: running.info, runtime: ownRuntime() });
        },
        (error: unknown) => {
          send({ failed: (error as Error).message });
          process.exit(1);
        },
      );
      return;
    }
    const { id, method } = message;
    Promise.resolve()
      .then(() => {
        if (!started || !Object.hasOwn(started.methods, method)) throw new Error(`no method ${method}`);
        return started.methods[method]();
      })
      .then(
        (result) => send({ id, result }),
        (error: unknown) => send({ id, error: (error as Error).message }),
      );
  });
}
