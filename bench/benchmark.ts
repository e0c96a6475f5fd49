import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { personas, syntheticCpr } from '../mocks/fixtures/personas';
import { dropAuditDatabase, freshAuditDatabase } from '../test/support/stack';
import type { BackendInfo, BackendMethods, BackendOptions } from './backend-process';
import { forkChild, type Child } from './child-process';
import { hasFloorPlan } from './floor-client';
import { drive } from './load';
import { measure, type Measurement } from './measure';
import { freshCitizensFor, type Profile } from './profiles';
import { scenarioResult, standings, type BenchResult } from './report';
import { round } from './round';
import { scenarios, type Scenario } from './scenarios';
import { credentialsFor, systems, type System, type SystemName } from './systems';
import type { TargetInfo, TargetMethods, TargetOptions } from './target-process';

type Backend = Child<BackendInfo, BackendMethods>;
type Target = Child<TargetInfo, TargetMethods>;
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

/** What one system's measurements share: the run, the backend, and the answers to compare with. */
interface RunContext {
  profile: Profile;
  backend: Backend;
  fresh: FreshCitizens;
  databaseUrl: string | undefined;
  /** Each scenario's answer for its persona, as the first system gave it. */
  reference: Map<string, unknown>;
  log(line: string): void;
}

/** Every system must answer the persona exactly as the first did, or they would do different work. */
async function checkAnswer(system: System, target: Target, scenario: Scenario, persona: Credentials, run: RunContext): Promise<void> {
  const response = await fetch(target.info.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...persona },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`${system.name} failed ${scenario.name}: HTTP ${response.status} ${JSON.stringify(body.errors)}`);
  if (!run.reference.has(scenario.name)) run.reference.set(scenario.name, body.data);
  else if (!isDeepStrictEqual(body.data, run.reference.get(scenario.name))) throw new Error(`${system.name} answers ${scenario.name} differently`);
}

/** Starts the system in its own process, measures every scenario it can run, and stops it. */
async function measureSystem(system: System, run: RunContext): Promise<Map<string, Measurement>> {
  const { info } = run.backend;
  const target = await forkChild<TargetOptions, TargetInfo, TargetMethods>(join(__dirname, 'target-process.ts'), {
    kind: system.kind,
    subgraphUrls: info.subgraphUrls[system.subgraphs],
    simulatorUrl: info.simulatorUrl,
    issuerUrl: info.issuerUrl,
    jwksUrl: info.jwksUrl,
    databaseUrl: run.databaseUrl,
  });
  try {
    return await measureScenarios(system, target, run);
  } finally {
    await target.stop();
  }
}

async function measureScenarios(system: System, target: Target, run: RunContext): Promise<Map<string, Measurement>> {
  const { profile, backend, fresh } = run;
  // The floor has hand-written plans for a citizen's own operations only.
  const runnable = scenarios.filter((scenario) => system.kind !== 'floor' || (scenario.caller === 'citizen' && hasFloorPlan(scenario.query)));
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
    run.log(`${system.name}: ${scenario.name}`);
    results.set(scenario.name, await measure({ target, backend, profile, query: scenario.query, variables: scenario.variables, warmup, measured }));
  }
  return results;
}

/**
 * The audit trail's database, as the tests have it: a schema of its own in the local PostgreSQL,
 * a process apart like in deployment. Without a PostgreSQL the gateways embed PGlite, and its
 * work then counts as theirs (the results say which).
 */
async function auditDatabase(log: (line: string) => void): Promise<string | undefined> {
  try {
    return await freshAuditDatabase();
  } catch (error) {
    log(`no PostgreSQL for the audit trail (${(error as Error).message}): the gateways embed PGlite`);
    return undefined;
  }
}

/** One whole run: its own simulator, issuer and subgraphs, then each system in turn. */
export async function runBenchmark(profile: Profile, log: (line: string) => void = () => undefined): Promise<BenchResult> {
  const coldScenarios = scenarios.filter((scenario) => scenario.cache === 'cold').length;
  const perColdScenario = freshCitizensFor(profile, profile.warmupSeconds) + freshCitizensFor(profile, profile.durationSeconds);
  const syntheticCitizens = systems.length * (1 + coldScenarios * perColdScenario);
  const loadAtStart = loadavg()[0];
  log(`starting the backend with ${syntheticCitizens} synthetic citizens`);
  const backend = await forkChild<BackendOptions, BackendInfo, BackendMethods>(join(__dirname, 'backend-process.ts'), {
    syntheticCitizens,
    upstreamLatencyMs: profile.upstreamLatencyMs,
  });
  const databaseUrl = await auditDatabase(log);
  const bySystem = new Map<SystemName, Map<string, Measurement>>();
  try {
    const run: RunContext = { profile, backend, fresh: new FreshCitizens(syntheticCitizens), databaseUrl, reference: new Map(), log };
    for (const system of systems) bySystem.set(system.name, await measureSystem(system, run));
  } finally {
    await backend.stop();
    if (databaseUrl) await dropAuditDatabase(databaseUrl);
  }

  const results = scenarios.map((scenario) => {
    const measured = systems.flatMap((system) => {
      const measurement = bySystem.get(system.name)?.get(scenario.name);
      return measurement ? [[system.name, measurement] as const] : [];
    });
    return scenarioResult(scenario, Object.fromEntries(measured));
  });
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
    },
    settings,
    systems: systems.map((system) => ({ name: system.name, label: system.label })),
    scenarios: results,
    targets: standings(results),
  };
}
