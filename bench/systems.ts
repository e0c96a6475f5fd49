import { clients, personas } from '../mocks/fixtures/personas';
import { mintToken, type TokenSubject } from '../mocks/identity/dev-issuer';
import type { BackendInfo, SubgraphSet } from './backend-process';
import { benchCallerHeader, benchCprHeader } from './citizen-context';
import { hasFloorPlan } from './floor-client';
import { overviewQuery } from './operations';
import type { Caller, Scenario } from './scenarios';
import type { TargetKind, TargetOptions } from './target-process';

/**
 * Our gateway, its baselines, and variants of it whose difference from it is one thing each: Redis
 * as the cache, the audit trail, and the executor (Apollo's instead of the compiled plans).
 */
export type SystemName = 'gateway' | 'naive' | 'stock' | 'hive' | 'floor' | 'floor-recorded' | 'gateway-redis' | 'gateway-no-audit' | 'gateway-apollo-executor';

export interface System {
  name: SystemName;
  label: string;
  kind: TargetKind;
  subgraphs: SubgraphSet;
  /** Whether it runs this scenario one by one (a side-by-side scenario names its systems). */
  runs(scenario: Scenario): boolean;
  /** Our gateway uses the bench's Redis too (rate limits, reach, checkpoints), as deployed. */
  redis?: true;
  auditTrail?: false;
  /** The floor stores each answer's disclosures in the run's audit database before answering. */
  records?: true;
  /** More settings for our gateway. */
  env?: NodeJS.ProcessEnv;
  /**
   * Not the naive set: nothing in it is shared between citizens that could mix them up, and under a
   * loaded machine (CI) its unbatched calls keep its breakers opening, so even asking alone fails.
   */
  concurrentCheck?: false;
}

const every = () => true;
const floorRuns = (scenario: Scenario) => scenario.caller === 'citizen' && hasFloorPlan(scenario.query);

export const systems: System[] = [
  { name: 'gateway', label: 'our gateway (subgraphs cache in process, audit trail in PostgreSQL)', kind: 'gateway', subgraphs: 'optimised', runs: every },
  {
    name: 'naive',
    label: 'our gateway over naive subgraphs (no batching, no cache), overview only: what its targets read',
    kind: 'gateway',
    subgraphs: 'naive',
    // Not at the equal rate: it answers a fraction of it.
    runs: (scenario) => scenario.query === overviewQuery && scenario.ratePerSecond === undefined,
    concurrentCheck: false,
  },
  { name: 'stock', label: 'stock Apollo Gateway, no auth, no plugins', kind: 'stock', subgraphs: 'optimised', runs: every },
  { name: 'hive', label: "Hive Gateway with Hive Router's Rust query planner, no auth, no plugins", kind: 'hive', subgraphs: 'optimised', runs: every },
  {
    name: 'floor',
    label: "a hand-written client calling the subgraphs directly, in two rounds, with our gateway's HTTP client; citizen's overview only",
    kind: 'floor',
    subgraphs: 'optimised',
    runs: floorRuns,
  },
  {
    name: 'floor-recorded',
    label: "the floor storing each answer's disclosures in the audit trail before it answers, as our gateway must (decision 0010); citizen's overview only",
    kind: 'floor',
    subgraphs: 'optimised',
    runs: floorRuns,
    records: true,
  },
  {
    name: 'gateway-redis',
    label: 'our gateway as deployed with Redis: gateway and subgraphs on the bench\'s Redis database',
    kind: 'gateway',
    subgraphs: 'redis',
    runs: every,
    redis: true,
  },
  { name: 'gateway-no-audit', label: 'our gateway without its audit trail (audit plugin left out)', kind: 'gateway', subgraphs: 'optimised', runs: every, auditTrail: false },
  {
    name: 'gateway-apollo-executor',
    label: "our gateway with Apollo's gateway executor instead of the compiled plans (GATEWAY_COMPILED_PLANS=false)",
    kind: 'gateway',
    subgraphs: 'optimised',
    runs: every,
    env: { GATEWAY_COMPILED_PLANS: 'false' },
  },
];

/** Whether the system runs the scenario: those a side-by-side scenario names, or as the system says. */
export function runsScenario(system: System, scenario: Scenario): boolean {
  return scenario.sideBySide ? scenario.sideBySide.includes(system.name) : system.runs(scenario);
}

/**
 * The headers each request carries for its citizen and caller: a token from the dev issuer for our
 * gateway (minted here, before the run, so signing costs the run nothing), the bare CPR and the
 * caller for the others.
 */
export function credentialsFor(kind: TargetKind, cprs: string[], issuerUrl: string, caller: Caller = 'citizen'): Promise<Record<string, string>[]> {
  if (kind !== 'gateway') return Promise.resolve(cprs.map((cpr) => ({ [benchCprHeader]: cpr, [benchCallerHeader]: caller })));
  const subjectOf: Record<Caller, (cpr: string) => TokenSubject> = {
    citizen: (cpr) => ({ kind: 'citizen', cpr }),
    lawyer: (cpr) => ({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: cpr }),
    chatbot: (cpr) => ({ kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: cpr }),
    region: () => ({ kind: 'partner', clientId: `${clients.region.orgId}-hospital-system`, organisation: clients.region.orgId }),
  };
  return Promise.all(cprs.map(async (cpr) => ({ authorization: `Bearer ${await mintToken(subjectOf[caller](cpr), { issuer: issuerUrl })}` })));
}

/** What a system's process is told beside the backend's addresses: which target it runs, and the one thing that sets it apart. */
export function systemTarget(system: System): Pick<TargetOptions, 'kind' | 'auditTrail' | 'records' | 'env'> {
  return {
    kind: system.kind,
    ...(system.auditTrail === false ? { auditTrail: false } : {}),
    ...(system.records ? { records: true } : {}),
    ...(system.env ? { env: system.env } : {}),
  };
}

/** Our gateway over the default subgraphs, alone in its process: what the soak, export and profile runs start. */
export function ourGateway(info: BackendInfo, databaseUrl: string | undefined, more: Partial<TargetOptions> = {}): TargetOptions {
  return { kind: 'gateway', subgraphUrls: info.subgraphUrls.optimised, simulatorUrl: info.simulatorUrl, issuerUrl: info.issuerUrl, jwksUrl: info.jwksUrl, databaseUrl, ...more };
}
