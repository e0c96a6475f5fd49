import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { citizenId } from '../../lib/pseudonym';
import { THOMAS_CASH_BENEFIT_CASE_ID, THOMAS_TRANSPORT_CASE_ID } from '../../mocks/fixtures/dataset';
import { clients, personas } from '../../mocks/fixtures/personas';
import { mintToken } from '../../mocks/identity/dev-issuer';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { persistedDocumentsPath, registeredOperations } from '../support/persisted';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

/**
 * Flagging wrong or incomplete data, end to end over HTTP: the request is checked against what the
 * caller may see (through the graph), stored, sent to the data owners' intake (the simulator), and
 * its status follows the owner's answer as the citizen lists their requests.
 */

interface Correction {
  id: string;
  area: string;
  itemId: string;
  text: string;
  status: string;
  statusText: string;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

const flag = `mutation Flag($input: FlagCorrectionInput!) {
  flagCorrection(input: $input) { id area itemId text status statusText reason createdAt updatedAt }
}`;
const list = '{ me { corrections { id area itemId text status statusText reason } } }';

const codeOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.code;

describe('flagging wrong or incomplete data', () => {
  let stack: Stack;
  let audit: Client;
  const token = (persona: 'thomas') => tokenFor(stack, persona);
  const lawyerToken = () => mintToken({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
  const chatbotToken = () => mintToken({ kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
  const flagAs = (bearer: string, input: Record<string, unknown>) =>
    postGraphQL<{ flagCorrection: Correction }>(stack.gatewayUrl, flag, { token: bearer, variables: { input } });
  const listAs = async (bearer: string) => postGraphQL<{ me: { corrections: Correction[] | null } }>(stack.gatewayUrl, list, { token: bearer });
  const paymentsOf = async (persona: 'thomas') =>
    (await postGraphQL<{ me: { payments: { id: string }[] } }>(stack.gatewayUrl, '{ me { payments { id } } }', { token: await token(persona) })).body.data!.me
      .payments;
  const input = (itemId: string, text = 'Beløbet er forkert: jeg fik 1.200 kr. for lidt.') => ({
    area: 'PAYMENTS',
    itemId,
    text,
    idempotencyKey: randomUUID(),
  });

  beforeAll(async () => {
    stack = await startStack();
    stack.simulator.corrections.answerAfterMs = 300;
    audit = new Client({ connectionString: stack.databaseUrl });
    await audit.connect();
  });
  afterAll(async () => {
    await audit?.end();
    await stack?.close();
  });

  it('forwards thomas\'s flag on one of his payments and shows it ANSWERED once the owner answers; the same key makes nothing new', async () => {
    const [payment] = await paymentsOf('thomas');
    const request = input(payment.id);
    const before = stack.simulator.corrections.received().length;

    const first = await flagAs(await token('thomas'), request);
    expect(first.body.errors).toBeUndefined();
    const made = first.body.data!.flagCorrection;
    expect(made).toMatchObject({ area: 'PAYMENTS', itemId: payment.id, text: request.text, status: 'FORWARDED', reason: null });
    expect(made.statusText).toBe('Sendt til myndigheden, der ejer oplysningen');
    expect(stack.simulator.corrections.received()).toHaveLength(before + 1);
    expect(stack.simulator.corrections.received().at(-1)).toMatchObject({ reference: made.id, area: 'payments', itemId: payment.id });

    // Sent again (a retry after a lost answer): the same request, nothing new here or at the owner.
    const again = await flagAs(await token('thomas'), request);
    expect(again.body.data!.flagCorrection.id).toBe(made.id);
    expect(stack.simulator.corrections.received()).toHaveLength(before + 1);
    const { rows } = await audit.query('SELECT count(*)::int AS n FROM corrections WHERE idempotency_key = $1', [request.idempotencyKey]);
    expect(rows[0].n).toBe(1);

    // The same key for something else is a mistake, not a repeat.
    const reused = await flagAs(await token('thomas'), { ...request, text: 'Noget helt andet.' });
    expect(codeOf(reused)).toBe('BAD_USER_INPUT');

    let status = '';
    let listed: Correction | undefined;
    for (let attempt = 0; attempt < 40 && status !== 'ANSWERED'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const response = await listAs(await token('thomas'));
      expect(response.body.errors).toBeUndefined();
      listed = response.body.data!.me.corrections!.find((each) => each.id === made.id);
      status = listed?.status ?? '';
      expect(['FORWARDED', 'ANSWERED']).toContain(status);
    }
    expect(listed).toMatchObject({ status: 'ANSWERED', statusText: 'Besvaret af myndigheden' });
    expect(listed!.reason).toEqual(expect.any(String));

    // Audited: the flag and the listing as disclosures of the citizen's corrections.
    const events = await audit.query<{ areas: string[]; entity_ids: string[]; caller_kind: string }>(
      'SELECT areas, entity_ids, caller_kind FROM audit_events WHERE subject_id = $1 AND $2 = ANY(entity_ids)',
      [citizenId(personas.thomas.cpr, Buffer.from(stack.keys.pseudonym, 'base64url')), `corrections:${made.id}`],
    );
    expect(events.rows.length).toBeGreaterThanOrEqual(2);
    expect(events.rows.every((row) => row.areas.includes('corrections') && row.caller_kind === 'citizen')).toBe(true);
  });

  it('finds no other citizen\'s payment, nor an unknown id, and sends nothing', async () => {
    // A payment the payment index holds, of another citizen.
    const [karens] = stack.simulator.dataset.lookup.payments.byCpr.get(personas.karen.cpr) ?? [];
    expect(karens).toBeDefined();
    const before = stack.simulator.corrections.received().length;
    for (const itemId of [karens.betalingId, 'BET-FINDES-IKKE']) {
      const response = await flagAs(await token('thomas'), input(itemId));
      expect(response.body.data).toBeNull();
      expect(codeOf(response)).toBe('NOT_FOUND');
    }
    expect(stack.simulator.corrections.received()).toHaveLength(before);
  });

  it('lets a proxy flag only within its cards, and never a chatbot', async () => {
    const [payment] = await paymentsOf('thomas');
    // The lawyer holds thomas's cases and benefits, not his payments.
    const lawyer = await flagAs(await lawyerToken(), input(payment.id));
    expect(codeOf(lawyer)).toBe('FORBIDDEN_AREA');
    const chatbot = await flagAs(await chatbotToken(), input(payment.id));
    expect(codeOf(chatbot)).toBe('FORBIDDEN');
    const chatbotList = await listAs(await chatbotToken());
    expect(chatbotList.body.errors?.some((error) => error.extensions?.code === 'FORBIDDEN' || error.extensions?.code === 'FORBIDDEN_AREA')).toBe(true);
  });

  it("lets the lawyer flag thomas's case it is bound to, not another, and list only what it made", async () => {
    const lawyer = await lawyerToken();
    const other = await flagAs(lawyer, { ...input(THOMAS_CASH_BENEFIT_CASE_ID), area: 'CASES' });
    expect(codeOf(other)).toBe('NOT_FOUND');
    const made = await flagAs(lawyer, { ...input(THOMAS_TRANSPORT_CASE_ID, 'Sagen mangler min klage fra marts.'), area: 'CASES' });
    expect(made.body.errors).toBeUndefined();
    expect(made.body.data!.flagCorrection).toMatchObject({ area: 'CASES', itemId: THOMAS_TRANSPORT_CASE_ID, status: 'FORWARDED' });
    const lawyersList = (await listAs(lawyer)).body.data!.me.corrections!;
    expect(lawyersList.map((each) => each.id)).toEqual([made.body.data!.flagCorrection.id]);
    const thomasList = (await listAs(await token('thomas'))).body.data!.me.corrections!;
    expect(thomasList.map((each) => each.id)).toContain(made.body.data!.flagCorrection.id);
    expect(thomasList.length).toBeGreaterThan(1);
  });

  it('records the look at the flagged record as a read of that one record, for a correction', async () => {
    const [payment] = await paymentsOf('thomas');
    const requestId = `corr-${randomUUID()}`;
    const response = await postGraphQL<{ flagCorrection: Correction }>(stack.gatewayUrl, flag, {
      token: await token('thomas'),
      variables: { input: input(payment.id) },
      headers: { 'x-request-id': requestId },
    });
    expect(response.body.errors).toBeUndefined();
    const { rows } = await audit.query<{ operation: string; entity_ids: string[]; purpose: string | null }>(
      'SELECT operation, entity_ids, purpose FROM audit_events WHERE request_id = $1 ORDER BY seq',
      [requestId],
    );
    expect(rows).toEqual([
      { operation: 'CorrectionItemCheck', entity_ids: [`payments:${payment.id}`], purpose: 'correction' },
      { operation: 'Flag', entity_ids: [`corrections:${response.body.data!.flagCorrection.id}`], purpose: null },
    ]);
  });

  it('bounds the text and strips control characters', async () => {
    const [payment] = await paymentsOf('thomas');
    const tooLong = await flagAs(await token('thomas'), input(payment.id, 'x'.repeat(2001)));
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
    const empty = await flagAs(await token('thomas'), input(payment.id, ' \u0007 '));
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    const cleaned = await flagAs(await token('thomas'), input(payment.id, '  Forkert\u0000 beløb\u001b[31m\r\nSe brev  '));
    expect(cleaned.body.errors).toBeUndefined();
    expect(cleaned.body.data!.flagCorrection.text).toBe('Forkert beløb[31m\nSe brev');
  });

  it('keeps a request RECEIVED while the owner is down and sends it on the next listing', async () => {
    const [payment] = await paymentsOf('thomas');
    stack.simulator.corrections.down = true;
    let made: Correction;
    try {
      const response = await flagAs(await token('thomas'), input(payment.id, 'Datoen er forkert.'));
      expect(response.body.errors).toBeUndefined();
      made = response.body.data!.flagCorrection;
      expect(made.status).toBe('RECEIVED');
    } finally {
      stack.simulator.corrections.down = false;
    }
    const listed = (await listAs(await token('thomas'))).body.data!.me.corrections!.find((each) => each.id === made.id);
    expect(listed?.status).toBe('FORWARDED');
    expect(stack.simulator.corrections.received().some((each) => each.reference === made.id)).toBe(true);
  });
});

/** The citizen's operations are the registered ones (clients/generated/persisted-documents.json), so they stay valid for production. */
const operations = registeredOperations;

describe('correction requests where only registered operations run (production), with a limit of 2 a minute', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { NODE_ENV: 'production', PERSISTED_OPERATIONS_PATH: persistedDocumentsPath, CORRECTIONS_PER_MINUTE: '2' } });
  });
  afterAll(() => stack?.close());

  it('runs the registered operations (and the gateway\'s own item check), and refuses a citizen past the limit, but not a repeat', async () => {
    const bearer = await tokenFor(stack, 'thomas');
    const overview = await postGraphQL<{ me: { payments: { id: string }[] } }>(stack.gatewayUrl, operations.CitizenOverview, { token: bearer });
    const [payment] = overview.body.data!.me.payments;
    const request = (key: string) => ({ area: 'PAYMENTS', itemId: payment.id, text: `Forkert (${key})`, idempotencyKey: key });
    const send = (key: string) =>
      postGraphQL<{ flagCorrection: { id: string; status: string } }>(stack.gatewayUrl, operations.FlagCorrection, { token: bearer, variables: { input: request(key) } });
    const first = await send('k1');
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.flagCorrection.status).toBe('FORWARDED');
    expect((await send('k2')).body.errors).toBeUndefined();
    expect((await send('k1')).body.data!.flagCorrection.id).toBe(first.body.data!.flagCorrection.id);
    const third = await send('k3');
    expect(third.status).toBe(429);
    expect(codeOf(third)).toBe('RATE_LIMITED');
    const listed = await postGraphQL<{ me: { corrections: { id: string }[] } }>(stack.gatewayUrl, operations.CitizenCorrections, { token: bearer });
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data!.me.corrections).toHaveLength(2);
  });
});
