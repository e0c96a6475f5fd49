import { AMIR_BENEFIT_ID, SARA_YOUTH_CASE_ID, THOMAS_TRANSPORT_CASE_ID } from '../../mocks/fixtures/dataset';
import { clients, personas } from '../../mocks/fixtures/personas';
import { mintToken, type MintOptions, type TokenSubject } from '../../mocks/identity/dev-issuer';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

type Me = {
  me: {
    cases: { id: string }[] | null;
    benefits: { id: string; case: { id: string } | null }[] | null;
    payments: { id: string }[] | null;
    appointments: { id: string; case: { id: string } | null }[] | null;
    proxies: { id: string }[] | null;
  } | null;
};
const everything = '{ me { cases { id } benefits { id case { id } } payments { id } appointments { id case { id } } proxies { id } } }';

const errorFor = (response: GraphQLResponse<unknown>, area: string) =>
  response.body.errors?.find((error) => error.extensions?.area === area || error.path?.includes(area));

describe('who may see what', () => {
  let stack: Stack;
  const token = (subject: TokenSubject, options: MintOptions = {}) => mintToken(subject, { issuer: stack.issuer.url, ...options });
  const proxyToken = (holder: 'lawyer' | 'guardian', forWhom: keyof typeof personas) =>
    token({ kind: 'proxy', holderCpr: personas[holder].cpr, subjectCpr: personas[forWhom].cpr });
  const chatbotToken = () => token({ kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: personas.thomas.cpr });
  const regionToken = () => token({ kind: 'partner', clientId: 'rm-hospital', organisation: clients.region.orgId });

  beforeAll(async () => {
    stack = await startStack({ env: { PROXY_GRANT_CACHE_MS: '200' } });
  });
  afterAll(() => stack.close());

  describe("the lawyer's case-bound proxy for thomas", () => {
    let response: GraphQLResponse<Me>;
    beforeAll(async () => {
      response = await postGraphQL<Me>(stack.gatewayUrl, everything, { token: await proxyToken('lawyer', 'thomas') });
    });

    it('shows only the case it is bound to', () => {
      expect(response.body.data!.me!.cases!.map((kase) => kase.id)).toEqual([THOMAS_TRANSPORT_CASE_ID]);
    });

    it('shows only the benefits that belong to that case', () => {
      const benefits = response.body.data!.me!.benefits!;
      expect(benefits.length).toBeGreaterThan(0);
      for (const benefit of benefits) expect(benefit.case?.id).toBe(THOMAS_TRANSPORT_CASE_ID);
    });

    it.each(['payments', 'appointments', 'proxies'])('refuses %s, a card it was not granted, with FORBIDDEN_AREA', (area) => {
      expect(response.body.data!.me![area as 'payments']).toBeNull();
      expect(errorFor(response, area)?.extensions).toMatchObject({ code: 'FORBIDDEN_AREA', area });
    });
  });

  it("lets karen's guardian see all four cards", async () => {
    const response = await postGraphQL<Me>(stack.gatewayUrl, everything, { token: await proxyToken('guardian', 'karen') });
    const me = response.body.data!.me!;
    for (const area of ['cases', 'benefits', 'payments', 'appointments'] as const) expect(me[area]).not.toBeNull();
  });

  it('refuses a holder whose proxy has expired', async () => {
    const response = await postGraphQL(stack.gatewayUrl, everything, { token: await proxyToken('lawyer', 'ole') });
    expect(response.status).toBe(403);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors![0].extensions!.code).toBe('PROXY_NOT_VALID');
  });

  it('refuses someone who holds no proxy for the citizen', async () => {
    const response = await postGraphQL(stack.gatewayUrl, everything, { token: await proxyToken('lawyer', 'karen') });
    expect(response.status).toBe(403);
    expect(response.body.errors![0].extensions!.code).toBe('PROXY_NOT_VALID');
  });

  it('refuses personal data on a Low-assurance login', async () => {
    const response = await postGraphQL(stack.gatewayUrl, everything, { token: await tokenFor(stack, 'thomas', { assurance: 'Low' }) });
    expect(response.status).toBe(403);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors![0].extensions!.code).toBe('INSUFFICIENT_ASSURANCE');
  });

  describe('the age rule', () => {
    it('lets sara (16) see her 15.20.38 case, where her municipality allows it from 15', async () => {
      const response = await postGraphQL<Me>(stack.gatewayUrl, '{ me { cases { id } } }', { token: await tokenFor(stack, 'sara') });
      expect(response.body.data!.me!.cases!.map((kase) => kase.id)).toContain(SARA_YOUTH_CASE_ID);
    });

    it('withholds amir\'s (17) 32.24.04 benefit where the limit stays 18, and tells him why', async () => {
      const response = await postGraphQL<{ me: { benefits: { id: string }[]; benefitsWithheld: { reason: string; minimumAge: number; kle: { code: string }; message: string }[] } }>(
        stack.gatewayUrl,
        '{ me { benefits { id } benefitsWithheld { reason minimumAge kle { code } message } } }',
        { token: await tokenFor(stack, 'amir') },
      );
      const { benefits, benefitsWithheld } = response.body.data!.me;
      expect(benefits.map((benefit) => benefit.id)).not.toContain(AMIR_BENEFIT_ID);
      expect(benefitsWithheld).toEqual([expect.objectContaining({ reason: 'AGE_LIMIT', minimumAge: 18, kle: { code: '32.24.04' } })]);
      expect(benefitsWithheld[0].message).toMatch(/når du er fyldt 18 år/);
    });
  });

  it("does not show ole's payments, which his municipality has not activated, and says so", async () => {
    const response = await postGraphQL<{ me: { payments: unknown[]; paymentsWithheld: { reason: string; count: number }[] } }>(
      stack.gatewayUrl,
      '{ me { payments { id } paymentsWithheld { reason count } } }',
      { token: await tokenFor(stack, 'ole') },
    );
    expect(response.body.data!.me.payments).toEqual([]);
    expect(response.body.data!.me.paymentsWithheld).toEqual([{ reason: 'NOT_ACTIVATED', count: 4 }]);
  });

  describe('the chatbot', () => {
    it("gets thomas's citizen context: open cases, next appointments, next payment", async () => {
      const response = await postGraphQL<{ citizenContext: { openCases: { title: string; status: string }[]; nextAppointments: unknown[] } }>(
        stack.gatewayUrl,
        '{ citizenContext { openCases { title status contact { office phone } } nextAppointments { title startsAt place changeLink } nextPayment { amount { amount currency } date paidBy } } }',
        { token: await chatbotToken() },
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.citizenContext.openCases.length).toBeGreaterThan(0);
      expect(response.text).not.toMatch(/SAG-|YD-|BET-|AFT-|cit_/);
      expect(response.text).not.toContain(personas.thomas.cpr);
    });

    it('is refused the overview', async () => {
      const response = await postGraphQL<Me>(stack.gatewayUrl, '{ me { cases { id } } }', { token: await chatbotToken() });
      expect(response.body.data?.me ?? null).toBeNull();
      expect(response.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    });
  });

  describe('the region (partner authority)', () => {
    const shared = 'query ($cpr: String!) { sharedAppointments(cpr: $cpr) { title startsAt sourceSystem } }';

    it("gets thomas's appointments shared with it, none he objected to sharing", async () => {
      const response = await postGraphQL<{ sharedAppointments: { sourceSystem: string }[] }>(stack.gatewayUrl, shared, {
        token: await regionToken(),
        variables: { cpr: personas.thomas.cpr },
      });
      const appointments = response.body.data!.sharedAppointments;
      const thomasShareable = stack.simulator.dataset.appointments.filter(
        (a) => a.borger.cpr === personas.thomas.cpr && ['NSP', 'NOVAX'].includes(a.kildesystem) && !a.delingFrabedt,
      );
      expect(appointments).toHaveLength(thomasShareable.length);
      for (const appointment of appointments) expect(['NSP', 'NOVAX']).toContain(appointment.sourceSystem);
    });

    it("sees nothing of karen's, with whom it has no course (her hospital is in another region), and answers as for a CPR number nobody has", async () => {
      const ask = async (cpr: string) => postGraphQL(stack.gatewayUrl, shared, { token: await regionToken(), variables: { cpr } });
      const karen = await ask(personas.karen.cpr);
      const nobody = await ask('0101701234');
      expect(karen.body).toEqual({ data: { sharedAppointments: [] } });
      expect({ status: karen.status, body: karen.body }).toEqual({ status: nobody.status, body: nobody.body });
    });

    it('is refused the overview and with it payments', async () => {
      const response = await postGraphQL<Me>(stack.gatewayUrl, '{ me { payments { id } } }', { token: await regionToken() });
      expect(response.body.data?.me ?? null).toBeNull();
      expect(response.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    });

    it('is refused the citizen context', async () => {
      const response = await postGraphQL(stack.gatewayUrl, '{ citizenContext { openCases { title } } }', { token: await regionToken() });
      expect(response.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    });
  });

  it("never discloses karen's protected address to her guardian, a chatbot or a partner", async () => {
    const guardian = await postGraphQL(stack.gatewayUrl, everything, { token: await proxyToken('guardian', 'karen') });
    const chatbot = await postGraphQL(stack.gatewayUrl, '{ citizenContext { openCases { title } nextAppointments { title place } } }', {
      token: await token({ kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: personas.karen.cpr }),
    });
    const partner = await postGraphQL(stack.gatewayUrl, 'query ($cpr: String!) { sharedAppointments(cpr: $cpr) { title place } }', {
      token: await regionToken(),
      variables: { cpr: personas.karen.cpr },
    });
    const street = personas.karen.address.split(',')[0];
    for (const response of [guardian, chatbot, partner]) expect(response.text).not.toContain(street);
  });

  it('stops a proxy within seconds of its revocation, though its token is still valid', async () => {
    const guardianToken = await proxyToken('guardian', 'karen');
    expect((await postGraphQL(stack.gatewayUrl, '{ me { cases { id } } }', { token: guardianToken })).status).toBe(200);
    const revoked = await postGraphQL(stack.gatewayUrl, 'mutation { revokeProxy(id: "FM-0002") { revokedAt } }', {
      token: await tokenFor(stack, 'karen'),
    });
    expect(revoked.body.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await postGraphQL(stack.gatewayUrl, '{ me { cases { id } } }', { token: guardianToken });
    expect(after.status).toBe(403);
    expect(after.body.errors![0].extensions!.code).toBe('PROXY_NOT_VALID');
  });
});

describe("a municipality's verification staff", () => {
  let stack: Stack;
  const verify = `query ($cpr: String!) { verificationCitizen(cpr: $cpr, purpose: "VER-2026-0042") {
    payments { id paymentDate paymentDateMissingReason } paymentsNotActivated cases { id }
  } }`;
  type Verification = { verificationCitizen: { payments: { id: string }[]; paymentsNotActivated: string[]; cases: { id: string }[] } | null };
  const staffToken = (municipality: string) =>
    mintToken({ kind: 'staff', employeeId: `staff-${municipality}`, municipality }, { issuer: stack.issuer.url });

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it("see their municipality's payments that are not yet activated, marked as such, to verify them", async () => {
    const response = await postGraphQL<Verification>(stack.gatewayUrl, verify, { token: await staffToken('740'), variables: { cpr: personas.ole.cpr } });
    const citizen = response.body.data!.verificationCitizen!;
    expect(citizen.payments).toHaveLength(4);
    expect(citizen.paymentsNotActivated.sort()).toEqual(citizen.payments.map((payment) => payment.id).sort());
  });

  it("see nothing of another municipality's records", async () => {
    const response = await postGraphQL<Verification>(stack.gatewayUrl, verify, { token: await staffToken('751'), variables: { cpr: personas.ole.cpr } });
    const citizen = response.body.data!.verificationCitizen!;
    expect(citizen.payments).toEqual([]);
    expect(citizen.cases).toEqual([]);
  });

  it('cannot change anything', async () => {
    const response = await postGraphQL(stack.gatewayUrl, 'mutation { revokeProxy(id: "FM-0003") { id } }', { token: await staffToken('740') });
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
