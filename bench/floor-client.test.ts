import { join } from 'node:path';
import { connect } from '../gateway/audit/sql';
import type { RunningService } from '../lib/http-server';
import { personas } from '../mocks/fixtures/personas';
import { dropAuditDatabase, freshAuditDatabase } from '../test/support/stack';
import type { BackendInfo, BackendMethods, BackendOptions } from './backend-process';
import { forkChild, type Child } from './child-process';
import { benchCprHeader, citizenIdOf } from './citizen-context';
import { startFloorServer } from './floor-client';
import { overviewQuery } from './operations';

type Item = { id: string } & Record<string, unknown>;
const areas = ['cases', 'benefits', 'payments', 'appointments', 'proxies'] as const;
type Overview = { me: Record<(typeof areas)[number], Item[]> };

async function overviewOf(service: { url: string }, cpr: string): Promise<Overview> {
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [benchCprHeader]: cpr },
    body: JSON.stringify({ query: overviewQuery }),
  });
  return ((await response.json()) as { data: Overview }).data;
}

/** `<area>:<id>` of every record an overview shows, the references resolved beside their lists included. */
function recordsIn({ me }: Overview): string[] {
  const ids = areas.flatMap((area) => me[area].map((item) => `${area}:${item.id}`));
  const cases = me.benefits.flatMap((benefit) => ((benefit.case as Item | null) ? [`cases:${(benefit.case as Item).id}`] : []));
  const benefits = me.payments.flatMap((payment) => ((payment.benefit as Item | null) ? [`benefits:${(payment.benefit as Item).id}`] : []));
  return [...new Set([...ids, ...cases, ...benefits])].sort();
}

describe('the recording floor (floor-recorded in the benchmark)', () => {
  let backend: Child<BackendInfo, BackendMethods>;
  let databaseUrl: string;
  let floor: RunningService;

  beforeAll(async () => {
    backend = await forkChild<BackendOptions, BackendInfo, BackendMethods>(join(__dirname, 'backend-process.ts'), { syntheticCitizens: 0, upstreamLatencyMs: 0 });
    databaseUrl = await freshAuditDatabase();
    floor = await startFloorServer(backend.info.subgraphUrls.optimised, { databaseUrl });
  }, 60_000);

  afterAll(async () => {
    await floor?.close();
    await backend?.stop();
    if (databaseUrl) await dropAuditDatabase(databaseUrl);
  });

  it('stores, before answering, one event for the citizen naming every record the answer shows', async () => {
    const answer = await overviewOf(floor, personas.thomas.cpr);
    const db = await connect(databaseUrl);
    const { rows } = await db.query<{ subject_id: string; outcome: string; entity_ids: string[] }>('SELECT subject_id, outcome, entity_ids FROM audit_events');
    await db.close();
    expect(rows).toEqual([{ subject_id: citizenIdOf(personas.thomas.cpr), outcome: 'disclosed', entity_ids: recordsIn(answer) }]);
  });
});
