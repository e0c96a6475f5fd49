import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { request } from 'undici';
import { subgraphNames, type SubgraphName } from '../lib/config';
import { personas } from '../mocks/fixtures/personas';
import { dropAuditDatabase } from '../test/support/stack';
import type { BackendInfo, BackendMethods, BackendOptions } from './backend-process';
import { auditDatabase, rotated } from './benchmark';
import { forkChild, type Child } from './child-process';
import { compileBench, type Build } from './compiled';
import { drive, type LoadOptions, type LoadResult } from './load';
import { benchOptions } from './options';
import { scenarios, type Scenario } from './scenarios';
import { spreadOf } from './spread';
import { credentialsFor, ourGateway, systems, systemTarget, type SystemName } from './systems';
import type { TargetInfo, TargetMethods, TargetOptions } from './target-process';

/**
 * `npm run bench:ab -- --variants 'gateway,gateway+NAME=value,floor'`: CPU per request of a few
 * variants of our gateway (and its baselines), each alone in its process, in rotated rounds, with
 * each round's ratio to the first variant: for telling whether one change moved the gateway on a
 * machine too noisy for single runs. A variant is `gateway`, `gateway-no-audit`, `floor`,
 * `floor-recorded` (the floor storing each answer's disclosures as the gateway does), `stock` or
 * `hive`, with
 * `+NAME=value` settings for its process, and `base:` in front to run the code of `--base` (a
 * checkout of another commit, compiled as the bench compiles this one). `--stub` puts caching
 * stubs in front of the subgraphs (each answer the real one's, then replayed), so the backend costs
 * next to nothing and the machine is the gateway's. `--rate N` sends every variant N requests a
 * second instead of as many as ten connections get answered (CPU per request on this machine falls
 * as the rate rises, so variants of different speed are compared at the same pace); `--warmup S`
 * is the seconds of that load each process gets before it is measured. `--profile DIR` writes each
 * variant's CPU profile of the first round. `--scenario NAME` measures one of the bench's warm
 * scenarios instead of the overview (its caller, persona and operation).
 */
/** The bench's systems an A/B compares: each as `npm run bench` runs it (`systemTarget`), over one backend. */
const variantKinds = ['gateway', 'gateway-no-audit', 'floor', 'floor-recorded', 'stock', 'hive'] as const satisfies readonly SystemName[];

export interface Variant {
  label: string;
  kind: (typeof variantKinds)[number];
  fromBase: boolean;
  env: NodeJS.ProcessEnv;
  /** Given to node itself, before the module (Node refuses many, `--trace-gc` among them, in NODE_OPTIONS). */
  nodeFlags: string[];
}

/**
 * `gateway+NAME=value+--node-flag+…`, `base:` in front for the other commit's code; a value may
 * hold `=`, a setting starting with `--` is a flag for node.
 */
export function variantOf(text: string): Variant {
  const [name = '', ...settings] = text.split('+');
  const fromBase = name.startsWith('base:');
  const kind = variantKinds.find((known) => known === name.replace(/^base:/, ''));
  if (!kind) throw new Error(`unknown variant ${text}`);
  const nodeFlags = settings.filter((setting) => setting.startsWith('--'));
  const env = Object.fromEntries(
    settings.filter((setting) => !setting.startsWith('--')).map((setting) => [setting.slice(0, setting.indexOf('=')), setting.slice(setting.indexOf('=') + 1)]),
  );
  return { label: text, kind, fromBase, env, nodeFlags };
}

/** One caching stub per subgraph on loopback: the first answer to a body is the subgraph's, then it is replayed. */
async function stubSubgraphs(urls: Record<SubgraphName, string>): Promise<{ urls: Record<SubgraphName, string>; close(): void }> {
  const answers = new Map<string, { status: number; type: string; body: string }>();
  const servers: Server[] = [];
  const stubbed = {} as Record<SubgraphName, string>;
  for (const name of subgraphNames) {
    const server = createServer((incoming, response) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const key = `${name}\n${body}`;
        let answer = answers.get(key);
        if (!answer) {
          const real = await request(urls[name], { method: 'POST', headers: incoming.headers as Record<string, string>, body });
          answer = { status: real.statusCode, type: String(real.headers['content-type']), body: await real.body.text() };
          if (answer.status === 200 && !answer.body.includes('"errors"')) answers.set(key, answer);
        }
        response.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
      });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    servers.push(server);
    stubbed[name] = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  }
  return { urls: stubbed, close: () => servers.forEach((server) => server.close()) };
}

export interface AbSettings {
  variants: Variant[];
  /** A warm scenario of the bench's, the overview unless named. */
  scenario: Scenario;
  rounds: number;
  /** Measured seconds per variant and round, after `warmupSeconds` of the same load. */
  seconds: number;
  warmupSeconds: number;
  /** Requests a second sent to every variant; undefined closes the loop on ten connections. */
  ratePerSecond: number | undefined;
  /** The other commit's checkout, when a variant is `base:`. */
  base: string | undefined;
  stub: boolean;
  /** All variants measured at once in each round instead of one after the other. */
  paired: boolean;
  profile: string | undefined;
}

/** One variant's process, started for a round, and the load it is driven with. */
interface Running {
  variant: Variant;
  child: Child<TargetInfo, TargetMethods>;
  profilePath: string | undefined;
  load: Omit<LoadOptions, 'durationSeconds'>;
}

/** The command line read and checked before anything is compiled or started. */
export function abSettings(args: string[]): AbSettings {
  const options = benchOptions(args, { variants: 'gateway,floor', scenario: 'overview-warm', rounds: '6', seconds: '5', warmup: '3', rate: '', base: '', stub: 'false', paired: 'false', profile: '' });
  const variants = options.variants.split(',').map(variantOf);
  // One citizen asked again and again: a cold scenario would need a fresh one per request, and the side-by-side row is what paired A/B already does.
  const scenario = scenarios.find((each) => each.name === options.scenario && each.cache === 'warm' && !each.sideBySide);
  if (!scenario) throw new Error(`--scenario must name a warm scenario of the bench's, not ${options.scenario}`);
  const refused = variants.find((variant) => !systems.find((system) => system.name === variant.kind)!.runs(scenario));
  if (refused) throw new Error(`${refused.label} does not run ${scenario.name}`);
  // Without it a base: variant would quietly run this checkout's code.
  if (variants.some((variant) => variant.fromBase) && !options.base) throw new Error('a base: variant needs --base <checkout of the other commit>');
  const positive = (name: 'rounds' | 'seconds' | 'warmup' | 'rate'): number => {
    const value = Number(options[name]);
    if (!(value > 0)) throw new Error(`--${name} must be a positive number, not ${options[name]}`);
    return value;
  };
  return {
    variants,
    scenario,
    rounds: positive('rounds'),
    seconds: positive('seconds'),
    warmupSeconds: positive('warmup'),
    ratePerSecond: options.rate ? positive('rate') : undefined,
    base: variants.some((variant) => variant.fromBase) ? resolve(options.base) : undefined,
    stub: options.stub === 'true',
    paired: options.paired === 'true',
    profile: options.profile || undefined,
  };
}

async function main(args: string[]): Promise<void> {
  const settings = abSettings(args);
  const { variants } = settings;
  const log = (line: string) => process.stderr.write(`ab: ${line}\n`);
  const cpu: Record<string, number[]> = Object.fromEntries(variants.map((variant) => [variant.label, []]));
  const latency: Record<string, LoadResult['latencyMs'][]> = Object.fromEntries(variants.map((variant) => [variant.label, []]));
  if (settings.profile) await mkdir(settings.profile, { recursive: true });
  const build = await compileBench(log);
  // Whatever started before a failure is stopped and removed again, as in benchmark.ts.
  let base: Build | undefined;
  let backend: Child<BackendInfo, BackendMethods> | undefined;
  let databaseUrl: string | undefined;
  let stubs: Awaited<ReturnType<typeof stubSubgraphs>> | undefined;
  try {
    if (settings.base) base = await compileBench(log, settings.base);
    backend = await forkChild<BackendOptions, BackendInfo, BackendMethods>(build.modulePath('backend-process'), { syntheticCitizens: 10, upstreamLatencyMs: 20, redisUrl: undefined });
    databaseUrl = await auditDatabase(log);
    if (settings.stub) stubs = await stubSubgraphs(backend.info.subgraphUrls.optimised);
    const info: BackendInfo = stubs ? { ...backend.info, subgraphUrls: { ...backend.info.subgraphUrls, optimised: stubs.urls } } : backend.info;
    const start = async (variant: Variant, round: number): Promise<Running> => {
      const profilePath = settings.profile && round === 0 ? join(settings.profile, `${variant.label.replace(/[^a-z0-9]+/gi, '_')}.cpuprofile`) : undefined;
      const system = systems.find((each) => each.name === variant.kind)!;
      const target: TargetOptions = ourGateway(info, databaseUrl, {
        ...systemTarget(system),
        cpuProfilePath: profilePath,
        env: { ...system.env, ...variant.env },
      });
      const module = (variant.fromBase ? base! : build).modulePath('target-process');
      // As the bench runs its targets: libraries read NODE_ENV; the variant's settings reach the process too.
      const child: Child<TargetInfo, TargetMethods> = await forkChild(module, target, { NODE_ENV: 'production', ...variant.env }, variant.nodeFlags);
      const { scenario } = settings;
      const credentials = await credentialsFor(system.kind, [personas[scenario.persona].cpr], info.issuerUrl, scenario.caller).catch(async (error: unknown) => {
        await child.stop();
        throw error;
      });
      const load = { url: child.info.url, query: scenario.query, variables: scenario.variables, connections: 10, credentials, ratePerSecond: settings.ratePerSecond ?? scenario.ratePerSecond };
      return { variant, child, profilePath, load };
    };
    const warm = (running: Running) => drive({ ...running.load, durationSeconds: settings.warmupSeconds });
    const measure = async ({ variant, child, profilePath, load }: Running, round: number): Promise<void> => {
      if (profilePath) await child.call('startProfiling');
      const before = await child.call('usage');
      const run = await drive({ ...load, durationSeconds: settings.seconds });
      const after = await child.call('usage');
      if (profilePath) await child.call('stopProfiling');
      const perRequest = (after.cpuMicros - before.cpuMicros) / 1000 / Math.max(1, run.requests);
      cpu[variant.label]!.push(perRequest);
      latency[variant.label]!.push(run.latencyMs);
      log(`round ${round + 1} ${variant.label}: ${perRequest.toFixed(3)} ms/request, ${run.requests} requests, ${run.errors} errors, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms`);
    };
    for (let round = 0; round < settings.rounds; round += 1) {
      if (settings.paired) {
        // Every variant up at once and measured over the same seconds: what the machine does then, it does to all of them.
        const running: Running[] = [];
        try {
          for (const variant of rotated(variants, round)) running.push(await start(variant, round));
          await Promise.all(running.map(warm));
          await Promise.all(running.map((each) => measure(each, round)));
        } finally {
          await Promise.all(running.map(({ child }) => child.stop()));
        }
        continue;
      }
      for (const variant of rotated(variants, round)) {
        const running = await start(variant, round);
        try {
          await warm(running);
          await measure(running, round);
        } finally {
          await running.child.stop();
        }
      }
    }
  } finally {
    stubs?.close();
    await backend?.stop();
    await build.remove();
    await base?.remove();
    if (databaseUrl) await dropAuditDatabase(databaseUrl);
  }
  const first = cpu[variants[0]!.label]!;
  for (const variant of variants) {
    const own = spreadOf(cpu[variant.label]!, 3)!;
    const ratio = spreadOf(cpu[variant.label]!.map((value, round) => value / first[round]!))!;
    const [p50, p99] = (['p50', 'p99'] as const).map((at) => spreadOf(latency[variant.label]!.map((each) => each[at]), 1)!);
    process.stdout.write(
      `${variant.label}: ${own.median} ms (${own.min}–${own.max}), ÷ ${variants[0]!.label} ${ratio.median} (${ratio.min}–${ratio.max}); ` +
        `latency p50 ${p50.median} ms (${p50.min}–${p50.max}), p99 ${p99.median} ms (${p99.min}–${p99.max})\n`,
    );
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    // The stubs' and load generator's sockets would keep the process alive.
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`bench:ab failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
