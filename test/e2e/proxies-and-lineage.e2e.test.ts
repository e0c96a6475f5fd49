import { THOMAS_TRANSPORT_CASE_ID } from '../../mocks/fixtures/dataset';
import { organisations, personas } from '../../mocks/fixtures/personas';
import { simulatorControls } from '../../mocks/indexes/handlers';
import { mintToken, type TokenSubject } from '../../mocks/identity/dev-issuer';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

type Area = 'cases' | 'benefits' | 'payments' | 'appointments';
type Overview = { me: Record<Area, { id: string }[] | null> & { address: string | null } };
const overview = '{ me { address cases { id } benefits { id } payments { id } appointments { id } } }';

const codeOf = (response: GraphQLResponse<unknown>, area: string) =>
  response.body.errors?.find((error) => error.extensions?.area === area)?.extensions?.code;
const holderOf = (holder: 'lawyer' | 'guardian' | 'partialGuardian' | 'niece' | 'sister', forWhom: keyof typeof personas): TokenSubject => ({
  kind: 'proxy',
  holderCpr: personas[holder].cpr,
  subjectCpr: personas[forWhom].cpr,
});

describe('what each proxy grant shows', () => {
  let stack: Stack;
  const read = (subject: TokenSubject, query = overview) =>
    mintToken(subject, { issuer: stack.issuer.url }).then((token) => postGraphQL<Overview>(stack.gatewayUrl, query, { token }));

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it("lets the accountant, an organisation identified by CVR, read thomas's benefits and payments and nothing else", async () => {
    const response = await read({ kind: 'organisationProxy', cvr: organisations.accountant.cvr, subjectCpr: personas.thomas.cpr });
    const me = response.body.data!.me;
    expect(me.benefits!.length).toBeGreaterThan(0);
    expect(me.payments!.length).toBeGreaterThan(0);
    expect(me.cases).toBeNull();
    expect(codeOf(response, 'cases')).toBe('FORBIDDEN_AREA');
    expect(me.appointments).toBeNull();
  });

  it("merges the partial guardian's two grants for ole: benefits by the guardianship, cases by the power of attorney", async () => {
    const response = await read(holderOf('partialGuardian', 'ole'));
    const me = response.body.data!.me;
    expect(me.cases).not.toBeNull();
    expect(me.benefits).not.toBeNull();
    expect(codeOf(response, 'payments')).toBe('FORBIDDEN_AREA');
    expect(codeOf(response, 'appointments')).toBe('FORBIDDEN_AREA');
  });

  it("lets the niece act for ole under a future power of attorney that is in force, on every card", async () => {
    const me = (await read(holderOf('niece', 'ole'))).body.data!.me;
    for (const area of ['cases', 'benefits', 'payments', 'appointments'] as const) expect(me[area]).not.toBeNull();
  });

  it('refuses the sister, whose future power of attorney for thomas is not in force', async () => {
    const response = await read(holderOf('sister', 'thomas'));
    expect(response.status).toBe(403);
    expect(response.body.errors![0].extensions!.code).toBe('PROXY_NOT_VALID');
  });

  it("refuses a chatbot-looking token whose actor also names the lawyer, whose proxy for ole expired", async () => {
    const cprClaim = 'https://data.gov.dk/model/core/eid/cprNumber';
    const token = await mintToken(
      { kind: 'chatbot', clientId: 'aarhus-borgerbot', subjectCpr: personas.ole.cpr },
      { issuer: stack.issuer.url, extraClaims: { act: { sub: 'x', client_id: 'mit-overblik-web', [cprClaim]: personas.lawyer.cpr } } },
    );
    const response = await postGraphQL(stack.gatewayUrl, '{ citizenContext { openCases { title } } }', { token });
    expect(response.status).toBe(403);
    expect(response.body.errors![0].extensions!.code).toBe('PROXY_NOT_VALID');
  });

  it('gives the access log to a full guardian but not to a partial one', async () => {
    const query = '{ me { accessLog { entries { who } } } }';
    const full = await read(holderOf('guardian', 'karen'), query);
    const partial = await read(holderOf('partialGuardian', 'ole'), query);
    expect(full.body.errors).toBeUndefined();
    expect(partial.body.errors![0].extensions!.code).toBe('FORBIDDEN_AREA');
  });
});

describe('a holder choosing whom to act for', () => {
  let stack: Stack;
  type Listed = { myRepresentations: { name: string; cards: string[]; kinds: string[]; validTo: string | null; boundCaseIds: string[] }[] };
  const query = '{ myRepresentations { citizenId name cards kinds validTo boundCaseIds } }';
  const list = async (subject: TokenSubject) =>
    postGraphQL<Listed>(stack.gatewayUrl, query, { token: await mintToken(subject, { issuer: stack.issuer.url }) });

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('shows the lawyer, on her own login, thomas with the two cards of her case-bound proxy and nobody whose proxy expired', async () => {
    const response = await list({ kind: 'citizen', cpr: personas.lawyer.cpr });
    expect(response.body.data!.myRepresentations).toEqual([
      { citizenId: expect.stringMatching(/^cit_/), name: personas.thomas.name, cards: ['CASES', 'BENEFITS'], kinds: ['POWER_OF_ATTORNEY'], validTo: null, boundCaseIds: [THOMAS_TRANSPORT_CASE_ID] },
    ]);
    expect(response.text).not.toContain(personas.thomas.cpr);
  });

  it('shows the accountant, logged in as the organisation, thomas with benefits and payments', async () => {
    const response = await list({ kind: 'organisation', cvr: organisations.accountant.cvr });
    expect(response.body.data!.myRepresentations.map(({ name, cards }) => ({ name, cards }))).toEqual([
      { name: personas.thomas.name, cards: ['BENEFITS', 'PAYMENTS'] },
    ]);
  });

  it("joins the partial guardian's two proxies for ole into one entry", async () => {
    const [ole, ...others] = (await list({ kind: 'citizen', cpr: personas.partialGuardian.cpr })).body.data!.myRepresentations;
    expect(others).toEqual([]);
    expect(ole).toMatchObject({ name: personas.ole.name, cards: ['CASES', 'BENEFITS'], validTo: null });
  });

  it('leaves out a future power of attorney that is not in force', async () => {
    expect((await list({ kind: 'citizen', cpr: personas.sister.cpr })).body.data!.myRepresentations).toEqual([]);
  });

  it('is refused to someone acting for another, who must log in as themselves', async () => {
    const response = await list(holderOf('lawyer', 'thomas'));
    expect(response.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe("amir's (17) overview under the youth rule", () => {
  let stack: Stack;
  let response: GraphQLResponse<{
    me: Record<Area, { id: string }[]> & { paymentsWithheld: { reason: string; count: number; kle: { code: string } | null }[] };
  }>;

  beforeAll(async () => {
    stack = await startStack();
    response = await postGraphQL(
      stack.gatewayUrl,
      `{ me { cases { id } benefits { id case { id } } payments { id benefit { id name } } appointments { id case { id title } }
         paymentsWithheld { reason count kle { code } } } }`,
      { token: await tokenFor(stack, 'amir') },
    );
  });
  afterAll(() => stack.close());

  it('shows no payout of the benefit withheld from him', () => {
    expect(response.body.data!.me.payments).toEqual([]);
  });

  it('tells him why the payouts are withheld: the age limit of their benefit’s topic', () => {
    const amirPayments = stack.simulator.dataset.lookup.payments.byCpr.get(personas.amir.cpr)!;
    expect(response.body.data!.me.paymentsWithheld).toEqual([{ reason: 'AGE_LIMIT', count: amirPayments.length, kle: { code: '32.24.04' } }]);
  });

  it('shows no appointment, since records without a topic of their own fall under the default limit of 18', () => {
    expect(response.body.data!.me.appointments).toEqual([]);
  });

  it('answers without any error, so no link leads to a refusal', () => {
    expect(response.body.errors).toBeUndefined();
  });
});

describe("karen's protected address", () => {
  let stack: Stack;
  const query = '{ me { address appointments { location { name address } } } }';
  const street = personas.karen.address.split(',')[0];

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('is shown to karen herself, also as the place of her home visit', async () => {
    const response = await postGraphQL<{ me: { address: string; appointments: { location: { address: string | null } | null }[] } }>(
      stack.gatewayUrl,
      query,
      { token: await tokenFor(stack, 'karen') },
    );
    expect(response.body.data!.me.address).toBe(personas.karen.address);
    expect(response.body.data!.me.appointments.map((appointment) => appointment.location?.address)).toContain(personas.karen.address);
  });

  it('is never shown to her guardian, neither as her address nor as the place of her home visit', async () => {
    const token = await mintToken(holderOf('guardian', 'karen'), { issuer: stack.issuer.url });
    const response = await postGraphQL<{ me: { address: string | null } }>(stack.gatewayUrl, query, { token });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.me.address).toBeNull();
    expect(response.text).not.toContain(street);
  });

  it('does not hide an address that is not protected from whoever acts for the citizen', async () => {
    const token = await mintToken({ kind: 'organisationProxy', cvr: organisations.accountant.cvr, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
    const response = await postGraphQL<{ me: { address: string | null } }>(stack.gatewayUrl, '{ me { address } }', { token });
    expect(response.body.data!.me.address).toBe(personas.thomas.address);
  });
});

describe("the lawyer's proxy bound to thomas's transport-allowance case", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('ends within 5 seconds of the case closing, while the lawyer keeps reading', async () => {
    const token = await mintToken(holderOf('lawyer', 'thomas'), { issuer: stack.issuer.url });
    const readCases = () => postGraphQL(stack.gatewayUrl, '{ me { cases { id } } }', { token });
    expect((await readCases()).status).toBe(200);

    const closing = await fetch(`${stack.simulator.url}${simulatorControls.closeCase}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sagId: THOMAS_TRANSPORT_CASE_ID }),
    });
    expect(closing.ok).toBe(true);
    const closedAt = performance.now();
    let status = 200;
    while (status === 200 && performance.now() - closedAt < 6000) {
      status = (await readCases()).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(403);
    expect(performance.now() - closedAt).toBeLessThan(5000);
  });
});

describe("thomas's revocation of the lawyer's proxy", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('still works after a caller sent five malformed revocations, each refused before the index is asked', async () => {
    const token = await tokenFor(stack, 'thomas');
    const revoke = (id: string) => postGraphQL<{ revokeProxy: { revokedAt: string } | null }>(stack.gatewayUrl, `mutation { revokeProxy(id: "${id}") { revokedAt } }`, { token });
    stack.simulator.recorder.reset();
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await revoke('')).body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(stack.simulator.recorder.count('proxies', 'change')).toBe(0);
    const revoked = await revoke('FM-0001');
    expect(revoked.body.errors).toBeUndefined();
    expect(revoked.body.data!.revokeProxy!.revokedAt).toEqual(expect.any(String));
  });
});
