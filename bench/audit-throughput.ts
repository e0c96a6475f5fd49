import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { signCheckpoint } from '../gateway/audit/checkpoints';
import type { AuditEvent } from '../gateway/audit/chain';
import { migrate } from '../gateway/audit/migrate';
import { connect } from '../gateway/audit/sql';
import { AuditStore } from '../gateway/audit/store';
import { AuditWriter } from '../gateway/audit/writer';
import { dropAuditDatabase, freshAuditDatabase } from '../test/support/stack';
import { round } from './round';
import { benchOptions } from './options';

/**
 * `npm run bench:audit [-- --seconds 4 --rounds 3 --label after]`: how many audit events per
 * second one chain takes. 1, 2 and 4 writer processes, each like one gateway (its own pool, an
 * AuditWriter batching as the gateway's does, a checkpoint signed per batch where the gateway signs
 * one a second: the cost's upper bound), append to one chain
 * in the local PostgreSQL (DATABASE_URL, a schema of the run's own, dropped at the end). A request
 * writes 1 or 2 events at once, as the audit plugin does. Two kinds of load:
 * - closed: each writer keeps `inflight` requests going, the next as soon as one is stored.
 *   Inflight 1 is a batch per request (the cost of one round trip), 10 saturates the chain.
 * - open: requests arrive at a fixed rate, the writers sharing `eventsPerSecond`, as Denmark's peak
 *   would (850–1700 events/s with headroom): sustained if the writers keep up with short waits.
 * Every configuration runs for a fixed time in each round, in an order rotated per round; medians
 * over the rounds with their range. The chain is verified whole at the end. Results are merged
 * into bench/results/audit-throughput.json under the label, so runs before and after a change sit
 * side by side.
 */
type Load = { kind: 'closed'; inflight: number } | { kind: 'open'; eventsPerSecond: number };

interface Configuration {
  writers: number;
  load: Load;
}

/** One writer process's share of one measurement. */
interface WriterRun {
  events: number;
  batches: number;
  /** Until the last event was stored: longer than asked when an open load outran the chain. */
  seconds: number;
  /** A request's wait for its events to be stored, ms. */
  waitMs: { p50: number; p99: number };
}

type ToWriter = { databaseUrl: string } | { run: { seconds: number; load: Load } } | { stop: true };
type FromWriter = { ready: true } | { ran: WriterRun } | { failed: string };

const loads: Load[] = [
  { kind: 'closed', inflight: 1 },
  { kind: 'closed', inflight: 10 },
  { kind: 'open', eventsPerSecond: 1700 },
  { kind: 'open', eventsPerSecond: 3400 },
];
const configurations: Configuration[] = [1, 2, 4].flatMap((writers) => loads.map((load) => ({ writers, load })));
const named = ({ writers, load }: Configuration) =>
  `${writers} writer(s), ${load.kind === 'closed' ? `${load.inflight} in flight` : `${load.eventsPerSecond} events/s offered`}`;

/** Requests write 1 and 2 events in turn. */
const eventsPerRequest = 1.5;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** An event shaped like a citizen's overview: pseudonymous ids, two areas, a few entity ids. */
function overviewEvent(): AuditEvent {
  const citizen = `cit_${randomBytes(16).toString('base64url')}`;
  return {
    at: new Date().toISOString(),
    requestId: randomUUID(),
    callerKind: 'citizen',
    actorId: citizen,
    subjectId: citizen,
    operation: 'Overview',
    areas: ['cases', 'payments'],
    entityIds: ['cases:SAG-2026-000123', 'cases:SAG-2026-000456', 'payments:UDB-98765'],
    refusedAreas: [],
    outcome: 'disclosed',
  };
}

/** The writer process: one pool, one AuditWriter, requests under the load asked, for the time asked. */
function serveWriter(): void {
  const send = (message: FromWriter) => process.send?.(message);
  let writer: AuditWriter | undefined;
  let batches = 0;
  let close: () => Promise<void> = async () => undefined;
  process.on('disconnect', () => void close().finally(() => process.exit(0)));
  process.on('message', (message: ToWriter) => {
    if ('stop' in message) {
      void close().finally(() => process.exit(0));
      return;
    }
    if ('databaseUrl' in message) {
      connect(message.databaseUrl).then((db) => {
        close = () => db.close();
        const key = randomBytes(32);
        writer = new AuditWriter(new AuditStore(db), (head) => {
          signCheckpoint(head, key);
          batches += 1;
        });
        send({ ready: true });
      }, (error: unknown) => send({ failed: (error as Error).message }));
      return;
    }
    const { seconds, load } = message.run;
    const started = performance.now();
    const until = started + seconds * 1000;
    const waits: number[] = [];
    let events = 0;
    let perRequest = 0;
    batches = 0;
    const request = async () => {
      perRequest = (perRequest % 2) + 1;
      const written = Array.from({ length: perRequest }, overviewEvent);
      const arrived = performance.now();
      await Promise.all(written.map((event) => writer!.write(event)));
      waits.push(performance.now() - arrived);
      events += written.length;
    };
    const running = load.kind === 'closed' ? closedLoop(request, load.inflight, until) : openLoop(request, load.eventsPerSecond / eventsPerRequest, until);
    running.then(() => {
      waits.sort((a, b) => a - b);
      const elapsed = (performance.now() - started) / 1000;
      send({ ran: { events, batches, seconds: elapsed, waitMs: { p50: round(percentile(waits, 50)), p99: round(percentile(waits, 99)) } } });
    }, (error: unknown) => send({ failed: (error as Error).message }));
  });
}

/** `inflight` requests at a time, each followed at once by the next, until the time is up. */
async function closedLoop(request: () => Promise<void>, inflight: number, until: number): Promise<void> {
  const loop = async () => {
    while (performance.now() < until) await request();
  };
  await Promise.all(Array.from({ length: inflight }, loop));
}

/** Requests arriving at a fixed rate whether or not the earlier ones are stored; ends when all are. */
async function openLoop(request: () => Promise<void>, requestsPerSecond: number, until: number): Promise<void> {
  const started = performance.now();
  const pending: Promise<void>[] = [];
  while (performance.now() < until) {
    const due = Math.floor(((performance.now() - started) / 1000) * requestsPerSecond) - pending.length;
    for (let each = 0; each < due; each += 1) pending.push(request());
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(pending);
}

/** A writer process seen from the parent: ask it to run, get its figures back. */
class Writer {
  private readonly child: ChildProcess;

  private constructor(child: ChildProcess) {
    this.child = child;
  }

  static async start(databaseUrl: string): Promise<Writer> {
    const writer = new Writer(fork(__filename, ['--writer'], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    await writer.ask({ databaseUrl });
    return writer;
  }

  ask(message: ToWriter): Promise<FromWriter> {
    return new Promise((resolve, reject) => {
      this.child.once('message', (answer: FromWriter) => ('failed' in answer ? reject(new Error(answer.failed)) : resolve(answer)));
      this.child.send(message);
    });
  }

  async run(seconds: number, load: Load): Promise<WriterRun> {
    const answer = await this.ask({ run: { seconds, load } });
    if (!('ran' in answer)) throw new Error('a writer answered a run with something else');
    return answer.ran;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ stop: true } satisfies ToWriter);
    });
  }
}

interface Measurement {
  eventsPerSecond: number;
  meanBatch: number;
  waitMsP50: number;
  waitMsP99: number;
}

async function measure(writers: Writer[], configuration: Configuration, seconds: number): Promise<Measurement> {
  const { writers: count, load } = configuration;
  const share: Load = load.kind === 'open' ? { kind: 'open', eventsPerSecond: load.eventsPerSecond / count } : load;
  const runs = await Promise.all(writers.slice(0, count).map((writer) => writer.run(seconds, share)));
  const events = runs.reduce((sum, run) => sum + run.events, 0);
  const batches = runs.reduce((sum, run) => sum + run.batches, 0);
  return {
    eventsPerSecond: round(events / Math.max(...runs.map((run) => run.seconds)), 0),
    meanBatch: round(events / Math.max(batches, 1)),
    waitMsP50: median(runs.map((run) => run.waitMs.p50)),
    waitMsP99: Math.max(...runs.map((run) => run.waitMs.p99)),
  };
}

async function main(args: string[]): Promise<void> {
  const options = benchOptions(args, { seconds: '4', rounds: '3', label: 'latest' });
  const seconds = Number(options.seconds);
  const rounds = Number(options.rounds);
  const { label } = options;
  if (!(seconds > 0) || !Number.isInteger(rounds) || rounds < 3) throw new Error('--seconds takes a positive number, --rounds a whole number of at least 3');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const loadAtStart = loadavg()[0];
  const databaseUrl = await freshAuditDatabase();
  const writers: Writer[] = [];
  try {
    const db = await connect(databaseUrl);
    await migrate(db);
    await db.close();
    for (let index = 0; index < 4; index += 1) writers.push(await Writer.start(databaseUrl));
    await measure(writers, { writers: 4, load: { kind: 'closed', inflight: 10 } }, 1);

    const measured = new Map<Configuration, Measurement[]>(configurations.map((configuration) => [configuration, []]));
    for (let turn = 0; turn < rounds; turn += 1) {
      const order = configurations.map((_, index) => configurations[(index + turn) % configurations.length]);
      for (const configuration of order) {
        const result = await measure(writers, configuration, seconds);
        measured.get(configuration)!.push(result);
        log(`round ${turn + 1}: ${named(configuration)}: ${result.eventsPerSecond} events/s, batch ${result.meanBatch}, wait p50 ${result.waitMsP50} ms`);
      }
    }

    const verifying = await connect(databaseUrl);
    const verification = await new AuditStore(verifying).verify().finally(() => verifying.close());
    const summary = configurations.map((configuration) => {
      const results = measured.get(configuration)!;
      const perSecond = results.map((result) => result.eventsPerSecond);
      return {
        ...configuration,
        eventsPerSecond: { median: median(perSecond), min: Math.min(...perSecond), max: Math.max(...perSecond), rounds: perSecond },
        meanBatch: median(results.map((result) => result.meanBatch)),
        waitMs: { p50: median(results.map((result) => result.waitMsP50)), p99: median(results.map((result) => result.waitMsP99)) },
      };
    });
    log('');
    log(`${'configuration'.padEnd(40)}  events/s (median, min–max)  batch  wait p50/p99 ms`);
    for (const row of summary) {
      log(`${named(row).padEnd(40)}  ${`${row.eventsPerSecond.median} (${row.eventsPerSecond.min}–${row.eventsPerSecond.max})`.padEnd(26)}  ${String(row.meanBatch).padStart(5)}  ${row.waitMs.p50}/${row.waitMs.p99}`);
    }
    log(verification.ok ? `chain verified whole: ${verification.checked} events` : `chain BROKEN at event ${verification.firstBrokenSeq}: ${verification.reason}`);

    const result = {
      generatedAt: new Date().toISOString(),
      environment: { node: process.version, cpus: cpus().length, loadAverage: { atStart: round(loadAtStart), atEnd: round(loadavg()[0]) } },
      settings: { seconds, rounds, eventsPerRequest },
      configurations: summary,
      verification,
    };
    const results = join(__dirname, 'results');
    const file = join(results, 'audit-throughput.json');
    await mkdir(results, { recursive: true });
    const earlier = await readFile(file, 'utf8').then((text) => JSON.parse(text) as Record<string, unknown>, () => ({}));
    await writeFile(file, `${JSON.stringify({ ...earlier, [label]: result }, null, 2)}\n`);
    log(`written to ${file} as "${label}"`);
    if (!verification.ok) process.exitCode = 1;
  } finally {
    await Promise.all(writers.map((writer) => writer.stop()));
    await dropAuditDatabase(databaseUrl);
  }
}

if (process.argv.includes('--writer')) serveWriter();
else {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
