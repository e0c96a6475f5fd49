import { Client } from 'pg';
import { chainHash } from '../../gateway/audit/chain';
import { RedisCheckpoints } from '../../gateway/audit/checkpoints';
import { connect } from '../../gateway/audit/sql';
import { RedisStore } from '../../lib/cache/redis-store';
import { citizenId } from '../../lib/pseudonym';
import { AuditStore } from '../../gateway/audit/store';
import { THOMAS_TRANSPORT_CASE_ID } from '../../mocks/fixtures/dataset';
import { clients, personas } from '../../mocks/fixtures/personas';
import { mintToken, type TokenSubject } from '../../mocks/identity/dev-issuer';
import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { flushRedis, testRedisUrl } from '../support/redis';
import { breakAuditStore, startStack, type Stack, type StackOptions } from '../support/stack';
import { waitUntil } from '../support/wait';

interface Row {
  seq: string;
  caller_kind: string;
  actor_id: string;
  subject_id: string | null;
  areas: string[];
  entity_ids: string[];
  refused_areas: string[];
  outcome: string;
}

/** A stack of the test's own, and a connection to its audit database. */
async function openAuditStack(options?: StackOptions): Promise<{ stack: Stack; db: Client }> {
  const stack = await startStack(options);
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  return { stack, db };
}

async function closeAuditStack(stack: Stack, db: Client): Promise<void> {
  await db.end();
  await stack.close();
}

describe('the audit trail', () => {
  let stack: Stack;
  let db: Client;
  const token = (subject: TokenSubject) => mintToken(subject, { issuer: stack.issuer.url });
  const rows = async () => (await db.query<Row>('SELECT * FROM audit_events ORDER BY seq')).rows;
  const withSql = async <T>(work: (store: AuditStore) => Promise<T>) => {
    const sql = await connect(stack.databaseUrl);
    try {
      return await work(new AuditStore(sql));
    } finally {
      await sql.close();
    }
  };

  beforeAll(async () => {
    ({ stack, db } = await openAuditStack());
  });
  afterAll(() => closeAuditStack(stack, db));

  it("records what a citizen's overview actually returned", async () => {
    await postGraphQL(stack.gatewayUrl, '{ me { cases { id } payments { id } } }', { token: await tokenFor(stack, 'thomas') });
    const [event] = (await rows()).slice(-1);
    expect(event).toMatchObject({ caller_kind: 'citizen', outcome: 'disclosed' });
    expect(event.areas.sort()).toEqual(['cases', 'payments']);
    expect(event.entity_ids).toContain(`cases:${THOMAS_TRANSPORT_CASE_ID}`);
  });

  it("records a linked record read by its id alone, and the link's record only when the link is read", async () => {
    const thomas = await tokenFor(stack, 'thomas');
    await postGraphQL(stack.gatewayUrl, '{ me { payments { id } } }', { token: thomas });
    const [unlinked] = (await rows()).slice(-1);
    expect(unlinked.areas).toEqual(['payments']);
    const answer = await postGraphQL<{ me: { payments: { benefit: { id: string } | null }[] } }>(stack.gatewayUrl, '{ me { payments { id benefit { id } } } }', {
      token: thomas,
    });
    const benefitIds = answer.body.data?.me.payments.flatMap((payment) => payment.benefit?.id ?? []) ?? [];
    const [linked] = (await rows()).slice(-1);
    expect(benefitIds.length).toBeGreaterThan(0);
    expect(linked.areas.sort()).toEqual(['benefits', 'payments']);
    expect(linked.entity_ids).toEqual(expect.arrayContaining(benefitIds.map((id) => `benefits:${id}`)));
  });

  it("records a proxy's read, what it was refused, and who acted", async () => {
    await postGraphQL(stack.gatewayUrl, '{ me { cases { id } payments { id } } }', {
      token: await token({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.thomas.cpr }),
    });
    const [event] = (await rows()).slice(-1);
    expect(event).toMatchObject({ caller_kind: 'proxy', areas: ['cases'], refused_areas: ['payments'], outcome: 'disclosed' });
    expect(event.entity_ids).toEqual([`cases:${THOMAS_TRANSPORT_CASE_ID}`]);
    expect(event.actor_id).not.toBe(event.subject_id);
  });

  it("records a chatbot's read of the citizen context", async () => {
    await postGraphQL(stack.gatewayUrl, '{ citizenContext { openCases { title } } }', {
      token: await token({ kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: personas.thomas.cpr }),
    });
    const [event] = (await rows()).slice(-1);
    expect(event).toMatchObject({ caller_kind: 'chatbot', actor_id: `client:${clients.chatbot.clientId}`, areas: ['cases'] });
  });

  it("records a partner's read of shared appointments, for the citizen named in the query", async () => {
    const before = (await rows()).find((row) => row.caller_kind === 'citizen')!;
    await postGraphQL(stack.gatewayUrl, 'query ($cpr: String!) { sharedAppointments(cpr: $cpr) { title } }', {
      token: await token({ kind: 'partner', clientId: 'rm', organisation: clients.region.orgId }),
      variables: { cpr: personas.thomas.cpr },
    });
    const [event] = (await rows()).slice(-1);
    expect(event).toMatchObject({ caller_kind: 'partner', actor_id: `org:${clients.region.orgId}`, areas: ['appointments'] });
    expect(event.subject_id).toBe(before.subject_id);
  });

  it('records a refused proxy', async () => {
    await postGraphQL(stack.gatewayUrl, '{ me { cases { id } } }', {
      token: await token({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.karen.cpr }),
    });
    const [event] = (await rows()).slice(-1);
    expect(event).toMatchObject({ caller_kind: 'proxy', outcome: 'refused', areas: [] });
  });

  it('cannot be hidden from by aliasing a field', async () => {
    await postGraphQL(stack.gatewayUrl, '{ who: me { secret: cases { id } } }', { token: await tokenFor(stack, 'karen') });
    const [event] = (await rows()).slice(-1);
    expect(event.areas).toEqual(['cases']);
  });

  it('holds no CPR number in any event', async () => {
    const everything = JSON.stringify(await rows());
    for (const persona of Object.values(personas)) expect(everything).not.toContain(persona.cpr);
  });

  it("shows thomas that his lawyer read his cases, in his access log", async () => {
    const response = await postGraphQL<{ me: { accessLog: { entries: { who: string; areas: string[] }[] } } }>(
      stack.gatewayUrl,
      '{ me { accessLog(first: 50) { entries { at reader who areas refusedAreas } nextCursor } } }',
      { token: await tokenFor(stack, 'thomas') },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.me.accessLog.entries).toContainEqual(
      expect.objectContaining({ reader: 'PROXY', who: `Din fuldmagtshaver ${personas.lawyer.name}`, areas: ['cases'] }),
    );
  });

  it('names his lawyer also when she listed, on her own login, whom she may act for', async () => {
    await postGraphQL(stack.gatewayUrl, '{ myRepresentations { citizenId name } }', { token: await tokenFor(stack, 'lawyer') });
    const response = await postGraphQL<{ me: { accessLog: { entries: { reader: string; who: string }[] } } }>(
      stack.gatewayUrl,
      '{ me { accessLog(first: 50) { entries { reader who } } } }',
      { token: await tokenFor(stack, 'thomas') },
    );
    const lines = response.body.data!.me.accessLog.entries;
    expect(lines.filter((line) => line.reader === 'UNKNOWN')).toEqual([]);
    expect(lines).toContainEqual({ reader: 'PROXY', who: `Din fuldmagtshaver ${personas.lawyer.name}` });
  });

  it('answers a cursor it never gave out with BAD_USER_INPUT, not a server error', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { accessLog(before: "abc") { nextCursor } } }', { token: await tokenFor(stack, 'thomas') });
    expect(response.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('does not show the access log to a chatbot', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { accessLog { entries { who } } } }', {
      token: await token({ kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: personas.thomas.cpr }),
    });
    expect(response.body.data?.me ?? null).toBeNull();
  });

  it('forms a chain that verifies', async () => {
    const result = await withSql((store) => store.verify());
    expect(result).toMatchObject({ ok: true });
    expect(result.checked).toBe((await rows()).length);
  });

  it('refuses to change or delete an event', async () => {
    await expect(db.query("UPDATE audit_events SET outcome = 'refused'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
  });

  it('detects a tampered event and names the first one broken', async () => {
    const [, second] = await rows();
    await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await db.query("UPDATE audit_events SET areas = '{}' WHERE seq = $1", [second.seq]);
    await db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    expect(await withSql((store) => store.verify())).toMatchObject({ ok: false, firstBrokenSeq: Number(second.seq) });
  });
});

describe('audit retention', () => {
  it('removes old events and leaves a chain that still verifies', async () => {
    const stack = await startStack();
    try {
      const thomas = await tokenFor(stack, 'thomas');
      for (let request = 0; request < 3; request += 1) await postGraphQL(stack.gatewayUrl, '{ me { cases { id } } }', { token: thomas });
      const sql = await connect(stack.databaseUrl);
      const store = new AuditStore(sql);
      try {
        expect(await store.removeOlderThan(new Date(Date.now() + 1000))).toBe(3);
        await postGraphQL(stack.gatewayUrl, '{ me { cases { id } } }', { token: thomas });
        expect(await store.verify()).toEqual({ ok: true, checked: 1 });
      } finally {
        await sql.close();
      }
    } finally {
      await stack.close();
    }
  });
});

describe('an audit store that is down', () => {
  it('lets no personal data out, answers AUDIT_UNAVAILABLE, and reports not ready', async () => {
    const stack = await startStack();
    try {
      await breakAuditStore(stack);
      const response = await postGraphQL(stack.gatewayUrl, '{ me { cases { id title } } }', { token: await tokenFor(stack, 'thomas') });
      expect(response.status).toBe(503);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors![0].extensions!.code).toBe('AUDIT_UNAVAILABLE');
      expect(response.text).not.toContain('SAG-');
      expect((await fetch(stack.gatewayUrl.replace('/graphql', '/readyz'))).status).toBe(503);
    } finally {
      await stack.close();
    }
  });
});

describe('disclosures recorded against the citizen whose data was shown', () => {
  let stack: Stack;
  let db: Client;
  const subjectOf = (persona: keyof typeof personas) => citizenId(personas[persona].cpr, Buffer.from(stack.keys.pseudonym, 'base64url'));
  const eventsFor = async (persona: keyof typeof personas) =>
    (await db.query<Row>('SELECT * FROM audit_events WHERE subject_id = $1 ORDER BY seq', [subjectOf(persona)])).rows;
  const region = () => mintToken({ kind: 'partner', clientId: 'rm', organisation: clients.region.orgId }, { issuer: stack.issuer.url });

  beforeAll(async () => {
    ({ stack, db } = await openAuditStack());
  });
  afterAll(() => closeAuditStack(stack, db));

  it('refuses a partner naming citizens in literals, so no read goes unnamed, and records none', async () => {
    const response = await postGraphQL(
      stack.gatewayUrl,
      `{ a: sharedAppointments(cpr: "${personas.karen.cpr}") { title } b: sharedAppointments(cpr: "${personas.amir.cpr}") { title } }`,
      { token: await region() },
    );
    expect(response.body.data ?? null).toBeNull();
    expect(new Set(response.body.errors!.map((error) => error.extensions!.code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect([...(await eventsFor('karen')), ...(await eventsFor('amir'))]).toEqual([]);
  });

  it("records a partner's aliased read against the citizen in the variable", async () => {
    const query = 'query ($cpr: String!) { a: sharedAppointments(cpr: $cpr) { title } b: sharedAppointments(cpr: $cpr) { startsAt } }';
    await postGraphQL(stack.gatewayUrl, query, { token: await region(), variables: { cpr: personas.ole.cpr } });
    expect((await eventsFor('ole')).map((event) => event.areas)).toEqual([['appointments']]);
  });

  it('records nothing against a decoy citizen in the variable while a literal names another', async () => {
    await postGraphQL(stack.gatewayUrl, `query ($cpr: String!) { sharedAppointments(cpr: "${personas.sara.cpr}") { title } }`, {
      token: await region(),
      variables: { cpr: personas.guardian.cpr },
    });
    expect(await eventsFor('guardian')).toEqual([]);
    expect(await eventsFor('sara')).toEqual([]);
  });

  const staffRead = async (purpose: string) =>
    postGraphQL(stack.gatewayUrl, 'query ($cpr: String!, $purpose: String!) { verificationCitizen(cpr: $cpr, purpose: $purpose) { cases { id } payments { id } } }', {
      token: await mintToken({ kind: 'staff', employeeId: 'staff-740-jens', municipality: '740' }, { issuer: stack.issuer.url }),
      variables: { cpr: personas.ole.cpr, purpose },
    });

  it("shows ole that his municipality's verification staff read his records, and why, in his access log", async () => {
    expect((await staffRead('VER-2026-0042')).body.errors).toBeUndefined();
    const log = await postGraphQL<{ me: { accessLog: { entries: { reader: string; areas: string[]; purpose: string | null }[] } } }>(
      stack.gatewayUrl,
      '{ me { accessLog { entries { reader areas purpose } } } }',
      { token: await tokenFor(stack, 'ole') },
    );
    expect(log.body.data!.me.accessLog.entries).toContainEqual({ reader: 'STAFF', areas: ['cases', 'payments'], purpose: 'VER-2026-0042' });
  });

  it('records none of the records fetched beside a `me` that was refused', async () => {
    // Staff may read a named citizen's cases, but never as `me`: the cases the gateway asked for
    // together with `me` (speculation.ts) came back, and must be thrown away unrecorded.
    const before = (await eventsFor('ole')).length;
    const read = await postGraphQL(stack.gatewayUrl, '{ me { cases { id } } }', {
      token: await mintToken({ kind: 'staff', employeeId: 'staff-740-jens', municipality: '740' }, { issuer: stack.issuer.url }),
      variables: { cpr: personas.ole.cpr },
    });
    expect(read.body.data ?? null).toBeNull();
    expect(read.body.errors!.map((error) => error.extensions!.code)).toEqual(['FORBIDDEN']);
    expect((await eventsFor('ole')).slice(before).flatMap((event) => event.areas)).toEqual([]);
  });

  it('refuses a staff read whose purpose is prose rather than a case reference', async () => {
    const read = await staffRead('checking on Ole Opdigtsen');
    expect(read.body.data?.verificationCitizen ?? null).toBeNull();
    expect(read.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('the number of citizens a partner may read in an hour', () => {
  let stack: Stack;
  const shared = 'query ($cpr: String!) { sharedAppointments(cpr: $cpr) { title } }';

  beforeAll(async () => {
    stack = await startStack({ env: { PARTNER_CITIZENS_PER_HOUR: '2' } });
  });
  afterAll(() => stack.close());

  it('is capped: a third citizen is refused with 429, the first two may still be read', async () => {
    const token = await mintToken({ kind: 'partner', clientId: 'rm', organisation: clients.region.orgId }, { issuer: stack.issuer.url });
    const read = (who: keyof typeof personas) => postGraphQL(stack.gatewayUrl, shared, { token, variables: { cpr: personas[who].cpr } });
    expect((await read('thomas')).status).toBe(200);
    expect((await read('karen')).status).toBe(200);
    const third = await read('amir');
    expect(third.status).toBe(429);
    expect(third.body.errors![0].extensions!.code).toBe('CITIZEN_LIMIT_REACHED');
    expect((await read('thomas')).status).toBe(200);
    const metrics = await (await fetch(stack.gatewayUrl.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/citizen_reach_refusals_total\{caller_kind="partner"\} 1/);
  });
});

describe('the checkpoints kept outside the audit database', () => {
  const redisUrl = testRedisUrl(13);
  let stack: Stack;
  let db: Client;
  let redis: RedisStore;
  const checkpointKey = Buffer.from('a-checkpoint-key-for-this-test-!!').toString('base64url');
  let newestSeq = 0;

  beforeAll(async () => {
    await flushRedis(redisUrl);
    stack = await startStack({ env: { REDIS_URL: redisUrl, AUDIT_CHECKPOINT_KEY: checkpointKey } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    redis = new RedisStore({ location: { url: redisUrl }, commandTimeoutMs: 2_000 });
    for (const persona of ['thomas', 'karen'] as const) {
      await postGraphQL(stack.gatewayUrl, '{ me { cases { id } } }', { token: await tokenFor(stack, persona) });
    }
    // Karen's batch came within the interval of thomas's: its head is signed at the interval's end.
    const { rows } = await db.query<{ seq: string }>('SELECT max(seq) AS seq FROM audit_events');
    newestSeq = Number(rows[0].seq);
    await waitUntil(async () => (await new RedisCheckpoints(redis.client).all()).some(({ seq }) => seq === newestSeq), 3_000, 50);
  });
  afterAll(async () => {
    await redis.close();
    await db.end();
    await stack.close();
  });

  const verifyCheckpoints = async () => {
    const sql = await connect(stack.databaseUrl);
    try {
      return await new AuditStore(sql).verifyCheckpoints(await new RedisCheckpoints(redis.client).all(), Buffer.from(checkpointKey, 'base64url'));
    } finally {
      await sql.close();
    }
  };

  it("sign the chain's newest head within the interval, and agree with the chain", async () => {
    const signed = (await new RedisCheckpoints(redis.client).all()).map(({ seq }) => seq);
    expect(signed).toContain(newestSeq);
    expect(await verifyCheckpoints()).toEqual({ ok: true, checked: signed.length });
  });

  it("notice history a database owner rewrote so well that the chain itself still verifies", async () => {
    const { rows } = await db.query<Row & { prev_hash: string; at: Date; request_id: string; operation: string | null; purpose: string | null }>(
      'SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1',
    );
    const last = rows[0];
    const forged = { ...last, areas: [] as string[], entity_ids: [] as string[] };
    const hash = chainHash(last.prev_hash, {
      at: new Date(forged.at).toISOString(), requestId: forged.request_id, callerKind: forged.caller_kind, actorId: forged.actor_id,
      subjectId: forged.subject_id, operation: forged.operation, areas: forged.areas, entityIds: forged.entity_ids,
      refusedAreas: forged.refused_areas, outcome: forged.outcome as 'disclosed', purpose: forged.purpose,
    });
    await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await db.query('UPDATE audit_events SET areas = $1, entity_ids = $2, hash = $3 WHERE seq = $4', [[], [], hash, last.seq]);
    await db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');

    const sql = await connect(stack.databaseUrl);
    expect(await new AuditStore(sql).verify()).toMatchObject({ ok: true });
    await sql.close();
    expect(await verifyCheckpoints()).toMatchObject({ ok: false, firstBrokenSeq: Number(last.seq) });
  });
});
