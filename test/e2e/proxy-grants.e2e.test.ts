import { Client } from 'pg';
import { citizenId } from '../../lib/pseudonym';
import { LAWYER_PROXY_ID, THOMAS_TRANSPORT_CASE_ID } from '../../mocks/fixtures/dataset';
import { clients, organisations, personas } from '../../mocks/fixtures/personas';
import { mintToken, type TokenSubject } from '../../mocks/identity/dev-issuer';
import { postGraphQL, type GraphQLResponse, type Operation } from '../support/graphql-client';
import { registeredOperations } from '../support/persisted';
import { startStack, type Stack } from '../support/stack';

/**
 * Proxies granted through the graph (issue #15, item 1): thomas grants, the holder accepts on
 * their own login, thomas revokes; every write goes to Digital Fuldmagt (the simulator's write
 * API), and the gateway's grant check on every request follows it. The client's operations are
 * the registered ones (clients/generated/persisted-documents.json), so they stay valid for production.
 */

const operations = registeredOperations;

interface ShownProxy {
  id: string;
  holder: { name: string; kind: string };
  cards: string[];
  boundCase: { id: string; title: string } | null;
  status: string;
  statusText: string;
  endReason: string | null;
  endReasonText: string | null;
  acceptedAt: string | null;
  revokedAt: string | null;
}
interface HeldProxy {
  id: string;
  grantor: { citizenId: string; name: string };
  cards: string[];
  boundCaseId: string | null;
  status: string;
  statusText: string;
  endReason: string | null;
  endReasonText: string | null;
  acceptedAt: string | null;
}

const own = (who: keyof typeof personas): TokenSubject => ({ kind: 'citizen', cpr: personas[who].cpr });
const acting = (holder: keyof typeof personas, forWhom: keyof typeof personas): TokenSubject => ({
  kind: 'proxy',
  holderCpr: personas[holder].cpr,
  subjectCpr: personas[forWhom].cpr,
});
const codeOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.code;
const messageOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.message;

/** Polls until `done` holds or `withinMs` passes; the time it took. */
async function pollUntil(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > withinMs) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return performance.now() - started;
}

function stackClient(stack: () => Stack) {
  const tokens = new Map<string, string>();
  const tokenOf = async (subject: TokenSubject) => {
    const key = JSON.stringify(subject);
    if (!tokens.has(key)) tokens.set(key, await mintToken(subject, { issuer: stack().issuer.url }));
    return tokens.get(key)!;
  };
  return async <T = Record<string, unknown>>(subject: TokenSubject, operation: Operation, variables?: Record<string, unknown>, language?: 'da' | 'en') =>
    postGraphQL<T>(stack().gatewayUrl, operation, { token: await tokenOf(subject), variables, headers: language ? { 'accept-language': language } : {} });
}

describe('thomas grants his lawyer a proxy for one case, she accepts, he revokes', () => {
  let stack: Stack;
  let audit: Client;
  const ask = stackClient(() => stack);
  const lawyerReads = () => ask<{ me: { cases: { id: string }[] | null; benefits: { id: string }[] | null } }>(acting('lawyer', 'thomas'), '{ me { cases { id } benefits { id } } }');
  const thomasProxies = async (language?: 'da' | 'en') =>
    (await ask<{ me: { proxies: ShownProxy[] } }>(own('thomas'), operations.CitizenProxies, undefined, language)).body.data!.me.proxies;
  const lawyerHolds = async (status?: string) =>
    (await ask<{ myHeldProxies: HeldProxy[] }>(own('lawyer'), operations.MyHeldProxies, status ? { status } : {})).body.data!.myHeldProxies;
  const grant = {
    holderCpr: personas.lawyer.cpr,
    cards: ['CASES'],
    caseId: THOMAS_TRANSPORT_CASE_ID,
    validTo: '2027-06-30',
    idempotencyKey: 'thomas-lawyer-transport-1',
  };
  let granted: ShownProxy;

  beforeAll(async () => {
    stack = await startStack();
    audit = new Client({ connectionString: stack.databaseUrl });
    await audit.connect();
  });
  afterAll(async () => {
    await audit?.end();
    await stack?.close();
  });

  it("starts from nothing: thomas revokes the lawyer's old proxy for the case, and she no longer represents him", async () => {
    const revoked = await ask(own('thomas'), operations.RevokeProxy, { id: LAWYER_PROXY_ID });
    expect(revoked.body.errors).toBeUndefined();
    // Asked on her own login, not by acting for him: the gateway's grant check is first made below.
    const listed = await ask<{ myRepresentations: unknown[] }>(own('lawyer'), '{ myRepresentations { name } }');
    expect(listed.body.data!.myRepresentations).toEqual([]);
  });

  it('writes the grant to Digital Fuldmagt, pending, bound to his transport-allowance case, without echoing her CPR number', async () => {
    stack.simulator.recorder.reset();
    const response = await ask<{ grantProxy: ShownProxy }>(own('thomas'), operations.GrantProxy, { input: grant });
    expect(response.body.errors).toBeUndefined();
    granted = response.body.data!.grantProxy;
    expect(granted).toMatchObject({
      holder: { name: personas.lawyer.name, kind: 'PERSON' },
      cards: ['CASES'],
      boundCase: { id: THOMAS_TRANSPORT_CASE_ID, title: expect.any(String) },
      status: 'PENDING',
      statusText: 'Venter på, at fuldmagtshaveren accepterer',
    });
    expect(response.text).not.toContain(personas.lawyer.cpr);
    expect(stack.simulator.recorder.count('proxies', 'change')).toBe(1);
    // Kept in Digital Fuldmagt, not in the gateway: the registry holds it, not yet accepted.
    expect(stack.simulator.dataset.lookup.proxies.byId.get(granted.id)).toMatchObject({
      fuldmagtsgiver: { cpr: personas.thomas.cpr },
      fuldmagtshaver: { type: 'PERSON', id: personas.lawyer.cpr },
      sagId: THOMAS_TRANSPORT_CASE_ID,
      gyldigTil: '2027-06-30',
      accepteret: null,
    });
  });

  it('answers the same grant sent again (a network retry) with the same proxy, and registers no second one', async () => {
    const again = await ask<{ grantProxy: ShownProxy }>(own('thomas'), operations.GrantProxy, { input: grant });
    expect(again.body.data!.grantProxy.id).toBe(granted.id);
    expect(stack.simulator.dataset.proxies.filter((proxy) => proxy.fuldmagtshaver.id === personas.lawyer.cpr && proxy.accepteret === null)).toHaveLength(1);
  });

  it('refuses the same idempotency key for a different grant', async () => {
    const reused = await ask(own('thomas'), operations.GrantProxy, { input: { ...grant, cards: ['CASES', 'BENEFITS'] } });
    expect([codeOf(reused), messageOf(reused)]).toEqual(['BAD_USER_INPUT', 'Denne idempotensnøgle er allerede brugt til en anden fuldmagt.']);
  });

  it('shows thomas the grant as pending among his proxies', async () => {
    expect((await thomasProxies()).find((proxy) => proxy.id === granted.id)).toMatchObject({ status: 'PENDING', acceptedAt: null, endReason: null });
  });

  it('shows the lawyer, on her own login, the pending grant from thomas, and lets her act for him with it only once she accepts', async () => {
    expect(await lawyerHolds('PENDING')).toEqual([
      expect.objectContaining({ id: granted.id, grantor: { citizenId: expect.stringMatching(/^cit_/), name: personas.thomas.name }, cards: ['CASES'], boundCaseId: THOMAS_TRANSPORT_CASE_ID }),
    ]);
    const refused = await lawyerReads();
    expect([refused.status, codeOf(refused)]).toEqual([403, 'PROXY_NOT_VALID']);
  });

  it('refuses her acceptance when she acts for thomas rather than on her own login, and anyone who does not hold it', async () => {
    const actingForHim = await ask(acting('lawyer', 'thomas'), operations.AcceptProxy, { id: granted.id });
    expect(actingForHim.status).toBe(403);
    const notTheHolder = await ask(own('sister'), operations.AcceptProxy, { id: granted.id });
    expect(codeOf(notTheHolder)).toBe('NOT_FOUND');
    expect(stack.simulator.dataset.lookup.proxies.byId.get(granted.id)!.accepteret).toBeNull();
  });

  it('lets the lawyer accept it, after which she reads exactly that case and nothing else', async () => {
    const accepted = await ask<{ acceptProxy: HeldProxy }>(own('lawyer'), operations.AcceptProxy, { id: granted.id });
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data!.acceptProxy).toMatchObject({ id: granted.id, status: 'IN_FORCE', acceptedAt: expect.any(String) });
    // The gateway keeps a refusal for at most PROXY_GRANT_CACHE_MS (2 s).
    let reading = await lawyerReads();
    await pollUntil(async () => (reading = await lawyerReads()).status === 200, 5000);
    expect(reading.status).toBe(200);
    expect(reading.body.data!.me.cases!.map((each) => each.id)).toEqual([THOMAS_TRANSPORT_CASE_ID]);
    expect(reading.body.data!.me.benefits).toBeNull();
    expect(codeOf(reading)).toBe('FORBIDDEN_AREA');
    // Thomas sees the acceptance at once: the subgraph dropped his cached proxies.
    expect((await thomasProxies()).find((proxy) => proxy.id === granted.id)).toMatchObject({ status: 'IN_FORCE', acceptedAt: expect.any(String) });
  });

  it('refuses the lawyer within 5 seconds of thomas revoking it', async () => {
    expect((await lawyerReads()).status).toBe(200);
    const revoked = await ask<{ revokeProxy: { status: string; endReason: string } }>(own('thomas'), operations.RevokeProxy, { id: granted.id });
    expect(revoked.body.data!.revokeProxy).toMatchObject({ status: 'ENDED', endReason: 'REVOKED' });
    let reading = await lawyerReads();
    const tookMs = await pollUntil(async () => (reading = await lawyerReads()).status === 403, 6000);
    expect([reading.status, codeOf(reading)]).toEqual([403, 'PROXY_NOT_VALID']);
    expect(tookMs).toBeLessThan(5000);
  });

  it('tells both of them it ended because thomas revoked it, in Danish and in English', async () => {
    expect((await thomasProxies()).find((proxy) => proxy.id === granted.id)).toMatchObject({
      status: 'ENDED',
      endReason: 'REVOKED',
      endReasonText: 'Tilbagekaldt af fuldmagtsgiveren',
      revokedAt: expect.any(String),
    });
    expect((await thomasProxies('en')).find((proxy) => proxy.id === granted.id)).toMatchObject({ statusText: 'Ended', endReasonText: 'Revoked by the citizen who granted it' });
    expect((await lawyerHolds()).find((proxy) => proxy.id === granted.id)).toMatchObject({
      status: 'ENDED',
      endReason: 'REVOKED',
      endReasonText: 'Tilbagekaldt af fuldmagtsgiveren',
    });
  });

  it("keeps the grant, the acceptance and the revocation in thomas's audit trail, each naming the proxy", async () => {
    const pseudonym = (cpr: string) => citizenId(cpr, Buffer.from(stack.keys.pseudonym, 'base64url'));
    const { rows } = await audit.query<{ operation: string; caller_kind: string; actor_id: string; entity_ids: string[] }>(
      "SELECT operation, caller_kind, actor_id, entity_ids FROM audit_events WHERE subject_id = $1 AND outcome = 'disclosed' AND operation IN ('GrantProxy', 'AcceptProxy', 'RevokeProxy') ORDER BY seq",
      [pseudonym(personas.thomas.cpr)],
    );
    const naming = rows.filter((row) => row.entity_ids.includes(`proxies:${granted.id}`));
    expect(naming.map(({ operation, caller_kind, actor_id }) => [operation, caller_kind, actor_id])).toEqual([
      ['GrantProxy', 'citizen', pseudonym(personas.thomas.cpr)],
      ['GrantProxy', 'citizen', pseudonym(personas.thomas.cpr)],
      ['AcceptProxy', 'citizen', pseudonym(personas.lawyer.cpr)],
      ['RevokeProxy', 'citizen', pseudonym(personas.thomas.cpr)],
    ]);
  });
});

describe('a grant that cannot be right', () => {
  let stack: Stack;
  const ask = stackClient(() => stack);
  const valid = { holderCpr: personas.sister.cpr, cards: ['CASES'] };
  const grantAs = (subject: TokenSubject, input: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ask(subject, operations.GrantProxy, { input, ...extra });

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());
  beforeEach(() => stack.simulator.recorder.reset());

  const closedCaseOfThomas = () => stack.simulator.dataset.cases.find((record) => record.primaerPart.cpr === personas.thomas.cpr && record.afsluttet !== null)!.sagId;
  const refusals: [string, () => Record<string, unknown>, string][] = [
    ['names the holder by both CPR and CVR', () => ({ ...valid, holderCvr: organisations.accountant.cvr }), 'error.proxyHolderOne'],
    ['names no holder', () => ({ cards: ['CASES'] }), 'error.proxyHolderOne'],
    ['covers no card', () => ({ ...valid, cards: [] }), 'error.proxyCards'],
    ['names a CPR number that is not one', () => ({ ...valid, holderCpr: '0803701838x' }), 'error.proxyHolderShape'],
    ['is to thomas himself (written with a dash)', () => ({ ...valid, holderCpr: '150372-1233' }), 'error.proxyToYourself'],
    ['starts before today', () => ({ ...valid, validFrom: '2026-01-01' }), 'error.proxyStartsInPast'],
    ['ends before it starts', () => ({ ...valid, validFrom: '2026-12-10', validTo: '2026-12-09' }), 'error.proxyEndsBeforeStart'],
    ["is bound to someone else's case", () => ({ ...valid, caseId: 'SAG-K101-0001' }), 'error.proxyCaseNotYours'],
    ['is bound to a case of his that is closed', () => ({ ...valid, caseId: closedCaseOfThomas() }), 'error.proxyCaseNotYours'],
    ['is bound to a case that does not exist', () => ({ ...valid, caseId: 'SAG-NOPE-0001' }), 'error.proxyCaseNotYours'],
    ['names a person the CPR register does not know', () => ({ ...valid, holderCpr: '0101804441' }), 'error.proxyHolderUnknown'],
    ['names an organisation nobody knows', () => ({ cards: ['CASES'], holderCvr: '99999999' }), 'error.proxyHolderUnknown'],
    ['has an idempotency key too short to be one', () => ({ ...valid, idempotencyKey: 'x' }), 'error.idempotencyKeyShape'],
  ];

  it.each(refusals)('is refused before Digital Fuldmagt is asked when it %s, never repeating a CPR number', async (_, input, detail) => {
    const { messages } = await import('../../lib/i18n/messages');
    const response = await grantAs(own('thomas'), input());
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(messageOf(response)).toBe(messages[detail as keyof typeof messages].da);
    expect(response.body.data ?? null).toBeNull();
    expect(stack.simulator.recorder.count('proxies')).toBe(0);
    expect(response.text).not.toMatch(/0803701838|1503721233|150372-1233|0101804441/);
  });

  it('is refused as a validation error, without the CPR number, when the CPR is written as a number', async () => {
    const response = await ask(own('thomas'), `mutation { grantProxy(input: { holderCpr: ${personas.lawyer.cpr}, cards: [CASES] }) { id } }`);
    expect(codeOf(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(messageOf(response)).toBe('String cannot represent a non string value: [cpr]');
    expect(response.text).not.toContain(personas.lawyer.cpr);
  });

  it('is refused over GET whenever it sets a holder’s CPR number, whatever the value', async () => {
    const query = 'mutation ($someone: String) { grantProxy(input: { holderCpr: $someone, cards: [CASES] }) { id } }';
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent(query)}`, { headers: { authorization: `Bearer ${await mintToken(own('thomas'), { issuer: stack.issuer.url })}` } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('CPR_IN_URL');
  });

  // Partners and staff name the citizen in the variable `cpr`, as they do for their own queries.
  const others: [string, TokenSubject, Record<string, unknown>][] = [
    ['the lawyer acting for thomas under her proxy', acting('lawyer', 'thomas'), {}],
    ['the chatbot on his delegation', { kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: personas.thomas.cpr }, {}],
    ['a partner naming him', { kind: 'partner', clientId: 'rm-hospital', organisation: clients.region.orgId }, { cpr: personas.thomas.cpr }],
    ['verification staff naming him', { kind: 'staff', employeeId: 'staff-751', municipality: '751' }, { cpr: personas.thomas.cpr }],
    ['the accountant on its own login', { kind: 'organisation', cvr: organisations.accountant.cvr }, {}],
  ];

  it.each(others)('cannot be made by %s', async (_, subject, extra) => {
    const response = await grantAs(subject, valid, extra);
    expect(['FORBIDDEN', 'FORBIDDEN_AREA']).toContain(codeOf(response));
    expect(response.body.data ?? null).toBeNull();
    expect(stack.simulator.recorder.count('proxies', 'change')).toBe(0);
  });
});

describe('a grant the holder declines, and one to an organisation', () => {
  let stack: Stack;
  const ask = stackClient(() => stack);

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('ends, declined, for both parties, and never lets the holder act', async () => {
    const { grantProxy } = (await ask<{ grantProxy: ShownProxy }>(own('thomas'), operations.GrantProxy, { input: { holderCpr: personas.sister.cpr, cards: ['CASES', 'PAYMENTS'] } })).body.data!;
    const declined = await ask<{ declineProxy: HeldProxy }>(own('sister'), operations.DeclineProxy, { id: grantProxy.id });
    expect(declined.body.data!.declineProxy).toMatchObject({ status: 'ENDED', endReason: 'DECLINED', endReasonText: 'Afvist af fuldmagtshaveren' });
    const accepting = await ask(own('sister'), operations.AcceptProxy, { id: grantProxy.id });
    expect([codeOf(accepting), messageOf(accepting)]).toEqual(['BAD_USER_INPUT', 'Fuldmagten er ophørt og kan ikke længere accepteres.']);
    const shown = (await ask<{ me: { proxies: ShownProxy[] } }>(own('thomas'), operations.CitizenProxies)).body.data!.me.proxies;
    expect(shown.find((proxy) => proxy.id === grantProxy.id)).toMatchObject({ status: 'ENDED', endReason: 'DECLINED' });
    expect((await ask(acting('sister', 'thomas'), '{ me { cases { id } } }')).status).toBe(403);
  });

  it('names an organisation holder by its CVR number from configuration, and lets it accept on its own login', async () => {
    const { grantProxy } = (await ask<{ grantProxy: ShownProxy }>(own('thomas'), operations.GrantProxy, { input: { holderCvr: organisations.accountant.cvr, cards: ['APPOINTMENTS'] } })).body.data!;
    expect(grantProxy.holder).toEqual({ name: organisations.accountant.name, kind: 'ORGANISATION' });
    const firm = { kind: 'organisation', cvr: organisations.accountant.cvr } as const;
    const pending = (await ask<{ myHeldProxies: HeldProxy[] }>(firm, operations.MyHeldProxies, { status: 'PENDING' })).body.data!.myHeldProxies;
    expect(pending.map((proxy) => [proxy.id, proxy.grantor.name])).toEqual([[grantProxy.id, personas.thomas.name]]);
    const accepted = await ask<{ acceptProxy: HeldProxy }>(firm, operations.AcceptProxy, { id: grantProxy.id });
    expect(accepted.body.data!.acceptProxy.status).toBe('IN_FORCE');
  });
});
