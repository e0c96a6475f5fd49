import { Client } from 'pg';
import { citizenId } from '../../lib/pseudonym';
import { organisations, personas } from '../../mocks/fixtures/personas';
import { mintToken } from '../../mocks/identity/dev-issuer';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

/**
 * Where a record came from and who used it, end to end over HTTP: the citizen asks for one of their
 * records' history and sees its provenance and the access-log events that disclosed it (here their
 * accountant's read); another citizen's record is not found, as an unknown id is; no one acting
 * for the citizen may ask.
 */

interface ItemHistory {
  area: string;
  id: string;
  provenance: {
    sourceSystem: string;
    sourceSystemName: string;
    dataOwner: { code: string; name: string };
    retrievedAt: string;
    stale: boolean;
    lastUpdatedAtSource: string | null;
  };
  accessLog: { at: string; reader: string; who: string; purpose: string | null }[];
  nextCursor: string | null;
}

const history = `query ItemHistory($area: ItemArea!, $id: ID!, $first: Int! = 20) {
  me { itemHistory(area: $area, id: $id, first: $first) {
    area id
    provenance { sourceSystem sourceSystemName dataOwner { code name } retrievedAt stale lastUpdatedAtSource }
    accessLog { at reader who purpose }
    nextCursor
  } }
}`;
const payments = '{ me { payments { id payingAuthority { code name } } } }';

const codeOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.code;

describe("an item's provenance and who used it", () => {
  let stack: Stack;
  let audit: Client;
  const accountant = organisations.accountant;
  const accountantToken = () => mintToken({ kind: 'organisationProxy', cvr: accountant.cvr, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
  const historyAs = (token: string, area: string, id: string, first = 20) =>
    postGraphQL<{ me: { itemHistory: ItemHistory | null } }>(stack.gatewayUrl, history, { token, variables: { area, id, first } });
  const paymentsAs = async (token: string) =>
    (await postGraphQL<{ me: { payments: { id: string; payingAuthority: { code: string; name: string } }[] } }>(stack.gatewayUrl, payments, { token })).body.data!.me.payments;

  beforeAll(async () => {
    stack = await startStack();
    audit = new Client({ connectionString: stack.databaseUrl });
    await audit.connect();
  }, 60_000);
  afterAll(async () => {
    await audit?.end();
    await stack?.close();
  });

  it("shows thomas his payment's source system, data owner and retrieval time, and his accountant's read of it", async () => {
    const thomas = await tokenFor(stack, 'thomas');
    // The accountant (an organisation holding thomas's payments card) reads his payments.
    const seenByAccountant = await paymentsAs(await accountantToken());
    expect(seenByAccountant.length).toBeGreaterThan(0);
    const payment = (await paymentsAs(thomas)).find((each) => each.id === seenByAccountant[0].id)!;
    expect(payment).toBeDefined();

    const response = await historyAs(thomas, 'PAYMENTS', payment.id);
    expect(response.body.errors).toBeUndefined();
    const item = response.body.data!.me.itemHistory!;
    expect(item.area).toBe('PAYMENTS');
    expect(item.id).toBe(payment.id);
    expect(item.provenance).toMatchObject({
      sourceSystem: 'BETALINGER',
      sourceSystemName: 'Betalinger (kommunernes økonomisystemer)',
      dataOwner: payment.payingAuthority,
      lastUpdatedAtSource: null,
    });
    expect(Number.isNaN(Date.parse(item.provenance.retrievedAt))).toBe(false);
    const byAccountant = item.accessLog.filter((entry) => entry.reader === 'PROXY');
    expect(byAccountant).toHaveLength(1);
    expect(byAccountant[0].who).toContain(accountant.name);
    // Thomas's own reads of it are there too, newest first.
    expect(item.accessLog.some((entry) => entry.reader === 'YOU')).toBe(true);
    expect([...item.accessLog].sort((a, b) => b.at.localeCompare(a.at)).map((entry) => entry.at)).toEqual(item.accessLog.map((entry) => entry.at));

    // Paged: one event at a time.
    const first = (await historyAs(thomas, 'PAYMENTS', payment.id, 1)).body.data!.me.itemHistory!;
    expect(first.accessLog).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
  });

  it('lists no reader for a record no one else has read', async () => {
    const thomas = await tokenFor(stack, 'thomas');
    const cases = (await postGraphQL<{ me: { cases: { id: string }[] } }>(stack.gatewayUrl, '{ me { cases(first: 500) { id } } }', { token: thomas })).body.data!.me.cases;
    const item = (await historyAs(thomas, 'CASES', cases[cases.length - 1].id)).body.data!.me.itemHistory!;
    expect(item.provenance.sourceSystem).toBe('SF1470');
    expect(item.accessLog.every((entry) => entry.reader === 'YOU')).toBe(true);
  });

  it('records the read as a disclosure of that one record', async () => {
    const thomas = await tokenFor(stack, 'thomas');
    const [payment] = await paymentsAs(thomas);
    const requestId = 'item-history-audit-1';
    await postGraphQL(stack.gatewayUrl, history, { token: thomas, variables: { area: 'PAYMENTS', id: payment.id }, headers: { 'x-request-id': requestId } });
    const subject = citizenId(personas.thomas.cpr, Buffer.from(stack.keys.pseudonym, 'base64url'));
    const { rows } = await audit.query<{ subject_id: string; entity_ids: string[]; operation: string }>(
      "SELECT subject_id, entity_ids, operation FROM audit_events WHERE request_id = $1 AND outcome = 'disclosed'",
      [requestId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.subject_id).toBe(subject);
      expect(row.entity_ids).toEqual([`payments:${payment.id}`]);
    }
    expect(rows.map((row) => row.operation)).toContain('ItemHistory');
  });

  it("answers NOT_FOUND for another citizen's record and for an unknown id alike", async () => {
    const thomas = await tokenFor(stack, 'thomas');
    const [sarasPayment] = await paymentsAs(await tokenFor(stack, 'sara'));
    const other = await historyAs(thomas, 'PAYMENTS', sarasPayment.id);
    const unknown = await historyAs(thomas, 'PAYMENTS', 'BET-NO-SUCH-PAYMENT');
    expect(codeOf(other)).toBe('NOT_FOUND');
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(other.body.data?.me.itemHistory ?? null).toBeNull();
    expect(other.body.errors![0].message).toBe(unknown.body.errors![0].message);
  });

  it('refuses anyone acting for the citizen (FORBIDDEN), even on a record they may read', async () => {
    const token = await accountantToken();
    const [payment] = await paymentsAs(token);
    const response = await historyAs(token, 'PAYMENTS', payment.id);
    expect(codeOf(response)).toBe('FORBIDDEN');
    expect(response.body.data?.me.itemHistory ?? null).toBeNull();
  });
});
