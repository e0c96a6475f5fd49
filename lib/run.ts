import { ConfigError } from './config';

interface Closable {
  close(): Promise<void>;
}

/**
 * Entry-point wrapper for every process: a bad configuration ends it with one clear message;
 * SIGINT, SIGTERM or the parent going away (under `npm start`) close it gracefully, once.
 */
export function runService(name: string, start: () => Promise<Closable>): void {
  let service: Closable | undefined;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    void (service?.close() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (process.send) process.once('disconnect', stop);

  // Through a promise, so a configuration refused while starting ends here too, not as a stack trace.
  Promise.resolve().then(start).then(
    (started) => {
      service = started;
    },
    (error: unknown) => {
      const message = error instanceof ConfigError ? error.message : `${name} failed to start: ${(error as Error).message}`;
      process.stderr.write(`${message}\n`);
      process.exit(1);
    },
  );
}
