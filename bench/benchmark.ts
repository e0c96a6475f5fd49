import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { personas, syntheticCpr } from '../mocks/fixtures/personas';
import { postGraphQL, type GraphQLResponse } from '../test/support/graphql-client';
import { dropAuditDatabase, freshAuditDatabase } from '../test/support/stack';
import type { BackendInfo, BackendMethods, BackendOptions } from './backend-process';
import { benchRedisUrl, clearBenchRedis } from './bench-redis';
import { assertDeployed, forkChild, type Child } from './child-process';
import { askPastBreakers, breakersClosed, checkConcurrentCitizens, concurrentCitizens } from './citizens-check';
import { compileBench, type Build } from './compiled';
import { createFloor, type Floor } from './floor-client';
import { drive } from './load';
import { measureTogether, type Measurement } from './measure';
import { freshCitizensFor, type Profile } from './profiles';
import { round } from './round';
import { scenarios, type Scenario } from './scenarios';
import { standings, summarise, type BenchResult, type RoundMeasurements } from './summary';
import { credentialsFor, runsScenario, systems, systemTarget, type System, type SystemName } from './systems';
import type { TargetInfo, TargetMethods, TargetOptions } from './target-process';

export type Backend = Child<BackendInfo, BackendMethods>;
export type Target = Child<TargetInfo, TargetMethods>;
type Credentials = Record<string, string>;

/** Hands out each synthetic citizen once, so a cold request never meets a cache its citizen filled. */
class FreshCitizens {
  private next = 0;
  constructor(private readonly total: number) {}

  take(count: number): string[] {
    if (this.next + count > this.total) throw new Error('the pool of fresh citizens is used up');
    const cprs = Array.from({ length: count }, (_, offset) => syntheticCpr(this.next + offset));
    this.next += count;
    return cprs;
  }
}

/** What every system's measurements share: the run, the backend, and the answers to compare with. */
interface RunContext {
  profile: Profile;
  build: Build;
  backend: Backend;
  fresh: FreshCitizens;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** The reference for the concurrent-citizens check, in this process. */
  floor: Floor;
  /** Each scenario's answer for its persona, as the first system gave it. */
  reference: Map<string, unknown>;
  log(line: string): void;
}

/** Only refused by breakers: the naive set's unbatched calls open them in one round, and a half-open breaker lets one probe through. */
const onlyBreakers = ({ body }: GraphQLResponse<unknown>) => (body.errors ?? []).length > 0 && body.errors!.every((error) => error.extensions?.code === 'UPSTREAM_UNAVAILABLE');

/** Every system must answer the persona exactly as the first did, or they would do different work. */
async function checkAnswer(system: System, target: Target, scenario: Scenario, persona: Credentials, run: RunContext): Promise<void> {
  const { status, body } = await askPastBreakers(
    () => postGraphQL<unknown>(target.info.url, scenario.query, { variables: scenario.variables, headers: persona }),
    (answer) => {
      const refused = onlyBreakers(answer);
      if (refused) run.log(`${system.name}: ${scenario.name} refused by a breaker its last run left open; asking again once it lets calls through`);
      return refused;
    },
  );
  if (status !== 200 || body.errors) throw new Error(`${system.name} failed ${scenario.name}: HTTP ${status} ${body.errors?.map((error) => error.extensions?.code).join(', ') ?? ''}`);
  if (!run.reference.has(scenario.name)) run.reference.set(scenario.name, body.data);
  else if (!isDeepStrictEqual(body.data, run.reference.get(scenario.name))) throw new Error(`${system.name} answers ${scenario.name} differently`);
}

async function startSystem(system: System, run: RunContext): Promise<Target> {
  const { info } = run.backend;
  const subgraphUrls = info.subgraphUrls[system.subgraphs];
  if (!subgraphUrls) throw new Error(`${system.name}: the backend has no ${system.subgraphs} subgraphs`);
  const target = await forkChild<TargetOptions, TargetInfo, TargetMethods>(
    run.build.modulePath('target-process'),
    {
      ...systemTarget(system),
      subgraphUrls,
      simulatorUrl: info.simulatorUrl,
      issuerUrl: info.issuerUrl,
      jwksUrl: info.jwksUrl,
      databaseUrl: run.databaseUrl,
      ...(system.redis ? { redisUrl: run.redisUrl } : {}),
    },
    // Libraries (Apollo Server's defaults among them) read it; our gateway's settings are its own.
    { NODE_ENV: 'production' },
  );
  try {
    assertDeployed(system.name, target.runtime);
  } catch (error) {
    await target.stop();
    throw error;
  }
  return target;
}

/** Starts the system in its own process, checks it, measures every scenario it runs, and stops it. */
async function measureSystem(system: System, run: RunContext): Promise<Map<string, Measurement>> {
  const target = await startSystem(system, run);
  try {
    if (system.concurrentCheck !== false) {
      const cprs = run.fresh.take(concurrentCitizens);
      const complete = await checkConcurrentCitizens(system.name, target.info.url, await credentialsFor(system.kind, cprs, run.backend.info.issuerUrl), cprs, run.floor);
      run.log(`${system.name}: ${cprs.length} citizens at once got only their own data; ${complete} complete at once, the rest complete alone`);
    }
    return await measureScenarios(system, target, run);
  } finally {
    await target.stop();
  }
}

/** More errors than this share of a scenario's requests, and the run stops rather than report it. */
const maxErrorShare = 0.01;

/**
 * The systems' measurements of a scenario, taken again once (after the breakers let calls through)
 * when a warm one's answers carried errors after a stall past the deadlines; a cold one would need
 * citizens the run has not set aside. CPU per request of refusals or timeouts says nothing of a
 * system: still failing, the run stops rather than report it. The naive baseline's failures under
 * load are what its targets count (answers without errors).
 */
export async function measuredWithoutErrors(
  scenario: Scenario,
  systems: System[],
  measureOnce: () => Promise<Measurement[]>,
  log: (line: string) => void,
): Promise<Measurement[]> {
  const failures = (measurements: Measurement[]) =>
    systems.flatMap((system, index) => {
      const { errors, requests, errorCodes } = measurements[index]!;
      const tooMany = system.subgraphs !== 'naive' && errors > requests * maxErrorShare;
      return tooMany ? [`${system.name}: ${scenario.name} answered ${errors} of ${requests} requests with errors (${JSON.stringify(errorCodes)})`] : [];
    });
  let measured = await measureOnce();
  let failed = failures(measured);
  if (failed.length > 0 && scenario.cache === 'warm') {
    log(`${failed.join('; ')}; measuring again once the breakers let calls through`);
    await breakersClosed();
    measured = await measureOnce();
    failed = failures(measured);
  }
  if (failed.length > 0) throw new Error(failed.join('; '));
  return measured;
}

async function measureScenarios(system: System, target: Target, run: RunContext): Promise<Map<string, Measurement>> {
  const { profile, backend, fresh } = run;
  const runnable = scenarios.filter((scenario) => !scenario.sideBySide && system.runs(scenario));
  const credentials = (cprs: string[], caller: Scenario['caller'] = 'citizen') => credentialsFor(system.kind, cprs, backend.info.issuerUrl, caller);
  const personaOf = new Map<string, Credentials>();
  for (const scenario of runnable) {
    const [persona] = await credentials([personas[scenario.persona].cpr], scenario.caller);
    personaOf.set(scenario.name, persona);
    await checkAnswer(system, target, scenario, persona, run);
  }
  // A fresh process runs unoptimised code at first: warm it up on every operation before measuring
  // any, so the first scenario measured does not pay for the rest. One synthetic citizen does,
  // whose few records cannot overload the naive baseline (which would open its circuit breakers
  // for the next ten seconds) before anything is measured.
  const [warmupCitizen] = await credentials(fresh.take(1));
  for (const { query, variables } of new Map(runnable.map((scenario) => [scenario.query, scenario])).values()) {
    await drive({ url: target.info.url, query, variables, connections: profile.connections, durationSeconds: profile.warmupSeconds, credentials: [warmupCitizen] });
  }
  const results = new Map<string, Measurement>();
  for (const scenario of runnable) {
    const persona = personaOf.get(scenario.name)!;
    const cold = scenario.cache === 'cold';
    const warmup = cold ? await credentials(fresh.take(freshCitizensFor(profile, profile.warmupSeconds)), scenario.caller) : [persona];
    const measured = cold ? await credentials(fresh.take(freshCitizensFor(profile, profile.durationSeconds)), scenario.caller) : [persona];
    // The naive subgraphs' unbatched calls can trip their breakers in one scenario and fail the next
    // at once: each scenario starts with them closed.
    if (system.subgraphs === 'naive') await breakersClosed();
    run.log(`${system.name}: ${scenario.name}`);
    const measureOnce = () => measureTogether([{ target, backend, profile, query: scenario.query, variables: scenario.variables, ratePerSecond: scenario.ratePerSecond, warmup, measured }]);
    const [measurement] = await measuredWithoutErrors(scenario, [system], measureOnce, run.log);
    results.set(scenario.name, measurement!);
  }
  return results;
}

/**
 * The side-by-side scenario: the systems that run it started afresh, each checked on it, then driven
 * at once (`measureTogether`), so the ratio of our gateway to the floors is taken over the same seconds.
 */
async function measureSideBySide(scenario: Scenario, together: System[], run: RunContext): Promise<Map<SystemName, Measurement>> {
  const { profile, backend, fresh } = run;
  const targets: Target[] = [];
  try {
    for (const system of together) targets.push(await startSystem(system, run));
    const personaOf = await Promise.all(together.map(async (system, index) => {
      const [persona] = await credentialsFor(system.kind, [personas[scenario.persona].cpr], backend.info.issuerUrl, scenario.caller);
      await checkAnswer(system, targets[index]!, scenario, persona, run);
      return persona!;
    }));
    // Cold, each system asks for citizens of its own, whom no other system has brought into the shared cache.
    const citizens = (system: System, persona: Credentials, seconds: number) =>
      scenario.cache === 'cold' ? credentialsFor(system.kind, fresh.take(freshCitizensFor(profile, seconds, scenario.ratePerSecond)), backend.info.issuerUrl, scenario.caller) : [persona];
    const warmup = await Promise.all(together.map((system, index) => citizens(system, personaOf[index]!, profile.warmupSeconds)));
    const measuredCitizens = await Promise.all(together.map((system, index) => citizens(system, personaOf[index]!, profile.sideBySideSeconds)));
    run.log(`${together.map((system) => system.name).join(', ')} side by side: ${scenario.name}`);
    // Fresh processes: warmed up as the one-by-one runs warm theirs before any scenario (on the persona, whose answers are cached).
    await Promise.all(targets.map((target, index) =>
      drive({ url: target.info.url, query: scenario.query, variables: scenario.variables, connections: profile.connections, durationSeconds: profile.warmupSeconds, credentials: [personaOf[index]!] }),
    ));
    const measureOnce = () => measureTogether(
      targets.map((target, index) => ({ target, backend, profile, query: scenario.query, variables: scenario.variables, ratePerSecond: scenario.ratePerSecond, warmup: warmup[index]!, measured: measuredCitizens[index]! })),
      profile.sideBySideSeconds,
    );
    const measured = await measuredWithoutErrors(scenario, together, measureOnce, run.log);
    return new Map(together.map((system, index) => [system.name, measured[index]!]));
  } finally {
    await Promise.all(targets.map((target) => target.stop()));
  }
}

/** Round r measures the systems in their order rotated by r, so no system always follows the same one. */
export const rotated = <T>(list: T[], by: number): T[] => list.map((_, index) => list[(index + by) % list.length]);

/**
 * The audit trail's database, as the tests have it: a schema of its own in the local PostgreSQL,
 * a process apart like in deployment. Without a PostgreSQL the gateways embed PGlite, and its
 * work then counts as theirs (the results say which).
 */
export async function auditDatabase(log: (line: string) => void): Promise<string | undefined> {
  try {
    return await freshAuditDatabase();
  } catch (error) {
    log(`no PostgreSQL for the audit trail (${(error as Error).message}): the gateways embed PGlite`);
    return undefined;
  }
}

async function benchRedis(log: (line: string) => void): Promise<string | undefined> {
  const url = benchRedisUrl();
  try {
    await clearBenchRedis(url);
    return url;
  } catch (error) {
    log(`no Redis (${(error as Error).message}): the Redis rows are left out`);
    return undefined;
  }
}

/** The synthetic citizens a run needs: per system and round, the concurrent check, a warm-up citizen and its cold runs. */
function citizensNeeded(profile: Profile, measured: System[]): number {
  const coldRun = (scenario: Scenario, seconds: number) => freshCitizensFor(profile, profile.warmupSeconds, scenario.ratePerSecond) + freshCitizensFor(profile, seconds, scenario.ratePerSecond);
  const perRound = measured.reduce((sum, system) => {
    const cold = scenarios.filter((scenario) => scenario.cache === 'cold' && runsScenario(system, scenario));
    const seconds = (scenario: Scenario) => (scenario.sideBySide ? profile.sideBySideSeconds : profile.durationSeconds);
    return sum + concurrentCitizens + 1 + cold.reduce((citizens, scenario) => citizens + coldRun(scenario, seconds(scenario)), 0);
  }, 0);
  return profile.rounds * perRound;
}

/** One whole run: its own simulator, issuer and subgraphs, then the rounds, each system in turn. */
export async function runBenchmark(profile: Profile, log: (line: string) => void = () => undefined): Promise<BenchResult> {
  const loadAtStart = loadavg()[0];
  const build = await compileBench(log);
  const redisUrl = await benchRedis(log);
  const measuredSystems = systems.filter((system) => system.subgraphs !== 'redis' || redisUrl);
  const syntheticCitizens = citizensNeeded(profile, measuredSystems);
  const rounds: RoundMeasurements[] = [];
  let backend: Backend | undefined;
  let databaseUrl: string | undefined;
  let floor: Floor | undefined;
  try {
    log(`starting the backend with ${syntheticCitizens} synthetic citizens`);
    backend = await forkChild<BackendOptions, BackendInfo, BackendMethods>(build.modulePath('backend-process'), {
      syntheticCitizens,
      upstreamLatencyMs: profile.upstreamLatencyMs,
      redisUrl,
    });
    assertDeployed('backend', backend.runtime);
    databaseUrl = await auditDatabase(log);
    floor = createFloor(backend.info.subgraphUrls.optimised);
    const run: RunContext = { profile, build, backend, fresh: new FreshCitizens(syntheticCitizens), databaseUrl, redisUrl, floor, reference: new Map(), log };
    for (let index = 0; index < profile.rounds; index += 1) {
      const order = rotated(measuredSystems, index);
      log(`round ${index + 1} of ${profile.rounds}: ${order.map((system) => system.name).join(', ')}`);
      const bySystem: RoundMeasurements['bySystem'] = {};
      for (const system of order) bySystem[system.name] = Object.fromEntries(await measureSystem(system, run));
      for (const scenario of scenarios.filter((each) => each.sideBySide)) {
        const together = order.filter((system) => runsScenario(system, scenario));
        for (const [name, measurement] of await measureSideBySide(scenario, together, run)) bySystem[name]![scenario.name] = measurement;
      }
      rounds.push({ order: order.map((system) => system.name), bySystem });
    }
  } finally {
    await floor?.close();
    await backend?.stop();
    await build.remove();
    if (databaseUrl) await dropAuditDatabase(databaseUrl);
    if (redisUrl) await clearBenchRedis(redisUrl).catch(() => undefined);
  }

  const results = summarise(scenarios, measuredSystems, rounds);
  const { name, ...settings } = profile;
  return {
    generatedAt: new Date().toISOString(),
    mode: name,
    environment: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      platform: `${process.platform}-${process.arch}`,
      loadAverage: { atStart: round(loadAtStart), atEnd: round(loadavg()[0]) },
      auditStore: databaseUrl ? 'postgresql' : 'embedded PGlite',
      redis: redisUrl ? 'local Redis, the bench\'s own database and key prefix' : 'none: the Redis rows were left out',
      processes: { how: build.description, ...backend.runtime },
    },
    settings,
    concurrentCitizensChecked: concurrentCitizens,
    systems: measuredSystems.map((system) => ({ name: system.name, label: system.label })),
    rounds: rounds.map((each) => each.order),
    scenarios: results,
    targets: standings(results),
  };
}
