import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { Client } from 'pg';
import { citizenId } from '../../lib/pseudonym';
import { personas } from '../../mocks/fixtures/personas';
import { mintToken } from '../../mocks/identity/dev-issuer';
import { s256Challenge } from '../../mocks/identity/pkce';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { persistedDocumentsPath, registeredOperations } from '../support/persisted';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

/**
 * Consent for external services, end to end over HTTP: the budgeting service (`budget-app` in
 * config/clients.json) sends thomas through the development issuer's authorization-code flow with
 * PKCE, reads what he consented to and nothing else, and is refused once he withdraws.
 */

const service = { clientId: 'budget-app', name: 'Budgetberegneren (eksempel)', redirectUri: 'http://127.0.0.1:4500/callback' };
type Persona = keyof typeof personas;

interface Consent {
  id: string;
  serviceId: string;
  service: string;
  areas: string[];
  purpose: string;
  validUntil: string;
  withdrawnAt: string | null;
  inForce: boolean;
}

const everything = `{ me { id payments { id } paymentsWithheld { reason count } benefits { id } benefitsWithheld { reason count } cases { id } appointments { id } proxies { id }
  address accessLog { entries { who } } calendarLinks { id } consents { id } } }`;
/** The citizen's operations are the registered ones (clients/generated/persisted-documents.json), so they stay valid for production. */
const operations = registeredOperations;
const listConsents = operations.CitizenConsents;
const withdraw = operations.WithdrawConsent;

const codeOf = (response: GraphQLResponse<unknown>, field: string) =>
  response.body.errors?.find((error) => error.path?.includes(field) || error.extensions?.area === field)?.extensions?.code;

/** What a service (and the issuer) needs to drive the flow against one stack. */
function flowAgainst(stack: () => Stack) {
  const authorizeUrl = (params: Record<string, string>) => {
    const url = new URL('/authorize', stack().issuer.url);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url;
  };
  const postForm = (path: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) for (const each of [value].flat()) body.append(name, each);
    return fetch(new URL(path, stack().issuer.url), { method: 'POST', body, redirect: 'manual' });
  };
  return { authorizeUrl, postForm };
}

describe('consent for an external service, where only registered operations run (production)', () => {
  let stack: Stack;
  const { authorizeUrl, postForm } = flowAgainst(() => stack);
  beforeAll(async () => {
    stack = await startStack({ env: { NODE_ENV: 'production', PERSISTED_OPERATIONS_PATH: persistedDocumentsPath } });
  });
  afterAll(() => stack?.close());

  it('records the consent, lets the service run its registered query, and lets the citizen list and withdraw', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const page = await (
      await fetch(
        authorizeUrl({
          response_type: 'code',
          client_id: service.clientId,
          redirect_uri: service.redirectUri,
          scope: 'payments',
          state: 's',
          code_challenge: s256Challenge(verifier),
          code_challenge_method: 'S256',
        }),
      )
    ).text();
    const requestId = /name="request" value="([A-Za-z0-9_-]+)"/.exec(page)![1];
    const answered = await postForm('/authorize', { request: requestId, persona: 'thomas', areas: 'payments', days: '30', decision: 'approve' });
    const code = new URL(answered.headers.get('location')!).searchParams.get('code')!;
    const exchanged = await postForm('/token', { grant_type: 'authorization_code', code, redirect_uri: service.redirectUri, client_id: service.clientId, code_verifier: verifier });
    const { access_token: token } = (await exchanged.json()) as { access_token: string };
    const read = await postGraphQL<{ me: { payments: unknown[] } }>(stack.gatewayUrl, operations.ServicePayments, { token });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.me.payments.length).toBeGreaterThan(0);
    const thomas = await tokenFor(stack, 'thomas');
    const listed = await postGraphQL<{ me: { consents: Consent[] } }>(stack.gatewayUrl, listConsents, { token: thomas });
    const [consent] = listed.body.data!.me.consents;
    expect(consent).toMatchObject({ service: service.name, areas: ['payments'], inForce: true });
    const withdrawn = await postGraphQL<{ withdrawConsent: boolean }>(stack.gatewayUrl, withdraw, { token: thomas, variables: { id: consent.id } });
    expect(withdrawn.body.data!.withdrawConsent).toBe(true);
    const refused = await postGraphQL(stack.gatewayUrl, operations.ServicePayments, { token });
    expect(refused.status).toBe(403);
  });
});

describe('consent for an external service', () => {
  let stack: Stack;
  let db: Client;
  const thomasId = () => citizenId(personas.thomas.cpr, Buffer.from(stack.keys.pseudonym, 'base64url'));

  /** The service's first step: a fresh verifier, and the citizen's browser sent to the issuer. */
  const { authorizeUrl, postForm } = flowAgainst(() => stack);
  const newVerifier = () => randomBytes(32).toString('base64url');
  const flowParams = (verifier: string, overrides: Record<string, string> = {}) => ({
    response_type: 'code',
    client_id: service.clientId,
    redirect_uri: service.redirectUri,
    scope: 'payments',
    state: randomBytes(8).toString('hex'),
    code_challenge: s256Challenge(verifier),
    code_challenge_method: 'S256',
    ...overrides,
  });
  const get = (url: URL) => fetch(url, { redirect: 'manual' });

  /** The citizen answers the consent page; the issuer sends the browser back to the service. */
  async function consentThrough(page: string, answer: { persona: Persona; areas?: string[]; days?: string; decision?: string }): Promise<URL> {
    const requestId = /name="request" value="([A-Za-z0-9_-]+)"/.exec(page)![1];
    const response = await postForm('/authorize', {
      request: requestId,
      persona: answer.persona,
      areas: answer.areas ?? ['payments'],
      days: answer.days ?? '30',
      decision: answer.decision ?? 'approve',
    });
    expect(response.status).toBe(303);
    return new URL(response.headers.get('location')!);
  }

  /** The whole flow for a persona: a code at the service's redirect URI, with its verifier. */
  async function codeFor(persona: Persona, scope = 'payments', areas = ['payments']) {
    const verifier = newVerifier();
    const params = flowParams(verifier, { scope });
    const page = await (await get(authorizeUrl(params))).text();
    const back = await consentThrough(page, { persona, areas });
    expect(back.searchParams.get('state')).toBe(params.state);
    return { code: back.searchParams.get('code')!, verifier };
  }

  const exchange = (code: string, verifier: string, overrides: Record<string, string> = {}) =>
    postForm('/token', { grant_type: 'authorization_code', code, redirect_uri: service.redirectUri, client_id: service.clientId, code_verifier: verifier, ...overrides });

  async function serviceToken(persona: Persona = 'thomas', scope = 'payments', areas = ['payments']): Promise<string> {
    const { code, verifier } = await codeFor(persona, scope, areas);
    const response = await exchange(code, verifier);
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  const consentsOf = async (persona: Persona) =>
    (await postGraphQL<{ me: { consents: Consent[] } }>(stack.gatewayUrl, listConsents, { token: await tokenFor(stack, persona as 'thomas') })).body.data!.me.consents;

  /** Asks as the service until it is refused; how long that took. */
  async function refusedWithin(token: string, limitMs: number): Promise<{ elapsed: number; response: GraphQLResponse<unknown> }> {
    const started = Date.now();
    for (;;) {
      const response = await postGraphQL(stack.gatewayUrl, '{ me { payments { id } } }', { token });
      if (response.status !== 200 || Date.now() - started > limitMs) return { elapsed: Date.now() - started, response };
      await new Promise((done) => setTimeout(done, 200));
    }
  }

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.close();
  });

  describe("thomas lets the budgeting service read his payments", () => {
    let page: string;
    let pageResponse: Response;
    let back: URL;
    let params: ReturnType<typeof flowParams>;
    let verifier: string;
    let token: string;

    beforeAll(async () => {
      verifier = newVerifier();
      params = flowParams(verifier, { scope: 'payments benefits' });
      pageResponse = await get(authorizeUrl(params));
      page = await pageResponse.text();
      // He keeps payments only.
      back = await consentThrough(page, { persona: 'thomas', areas: ['payments'], days: '30' });
      const response = await exchange(back.searchParams.get('code')!, verifier);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { access_token: string; token_type: string; scope: string; expires_in: number };
      expect(body).toMatchObject({ token_type: 'Bearer', scope: 'payments' });
      token = body.access_token;
    });

    it('shows a consent page in Danish naming the service, the areas asked for, for how long and why', () => {
      expect(pageResponse.status).toBe(200);
      expect(pageResponse.headers.get('content-type')).toMatch(/^text\/html/);
      expect(pageResponse.headers.get('x-frame-options')).toBe('DENY');
      expect(page).toContain('lang="da"');
      expect(page).toContain(service.name);
      expect(page).toContain('Udbetalinger');
      expect(page).toContain('Ydelser');
      expect(page).not.toContain('Sager</strong>');
      expect(page).toContain('højst 90 dage');
      expect(page).toContain('rådighedsbeløb');
      expect(page).toContain('Thomas Testesen');
    });

    it("sends thomas back to the service's registered address with a code, its state and the issuer", () => {
      expect(`${back.origin}${back.pathname}`).toBe(service.redirectUri);
      expect(back.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(back.searchParams.get('state')).toBe(params.state);
      expect(back.searchParams.get('iss')).toBe(stack.issuer.url);
    });

    it('gives the service a token naming the consent and the consented area, for the gateway, without his CPR', () => {
      const claims = decodeJwt(token);
      expect(claims).toMatchObject({ client_id: service.clientId, scope: 'payments', aud: 'borger-graph', iss: stack.issuer.url });
      expect(claims.consent_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(claims)).not.toContain(personas.thomas.cpr);
      expect(claims.act).toBeUndefined();
    });

    it('lets the service read his payments and nothing else: other areas FORBIDDEN_AREA, no access log, no address, no consents', async () => {
      const own = await postGraphQL<{ me: { payments: { id: string }[] } }>(stack.gatewayUrl, '{ me { payments { id } } }', { token: await tokenFor(stack, 'thomas') });
      const response = await postGraphQL<{ me: Record<string, unknown> }>(stack.gatewayUrl, everything, { token });
      expect(response.status).toBe(200);
      const me = response.body.data!.me;
      expect(me.id).toBe(thomasId());
      expect((me.payments as { id: string }[]).map((payment) => payment.id).sort()).toEqual(own.body.data!.me.payments.map((payment) => payment.id).sort());
      expect((me.payments as unknown[]).length).toBeGreaterThan(0);
      for (const area of ['benefits', 'cases', 'appointments', 'proxies']) {
        expect(me[area]).toBeNull();
        expect(codeOf(response, area)).toBe('FORBIDDEN_AREA');
      }
      expect(me.accessLog).toBeNull();
      expect(codeOf(response, 'accessLog')).toBe('FORBIDDEN_AREA');
      expect(me.address).toBeNull();
      expect(me.calendarLinks).toBeNull();
      expect(me.consents).toBeNull();
      expect(codeOf(response, 'consents')).toBe('FORBIDDEN');
      expect(response.text).not.toContain(personas.thomas.cpr);
    });

    it("refuses the service the chatbot's and partners' queries", async () => {
      for (const query of ['{ citizenContext { openCases { title } } }', '{ myRepresentations { citizenId } }']) {
        const response = await postGraphQL(stack.gatewayUrl, query, { token });
        expect(response.body.errors?.[0].extensions?.code).toMatch(/^FORBIDDEN/);
      }
    });

    it('does not let the service give, withdraw or widen consents itself', async () => {
      const grant = await postGraphQL(stack.gatewayUrl, 'mutation { grantConsent(clientId: "budget-app", areas: ["benefits"], days: 90, purpose: "mere") { id } }', { token });
      expect(grant.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const [consent] = await consentsOf('thomas');
      const withdrawn = await postGraphQL(stack.gatewayUrl, withdraw, { token, variables: { id: consent.id } });
      expect(withdrawn.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('shows thomas the consent in his list: the service by name, the area, the purpose and until when', async () => {
      const consentId = decodeJwt(token).consent_id;
      const consent = (await consentsOf('thomas')).find((each) => each.id === consentId)!;
      expect(consent).toMatchObject({ serviceId: service.clientId, service: service.name, areas: ['payments'], withdrawnAt: null, inForce: true });
      expect(consent.purpose).toContain('rådighedsbeløb');
      const days = (Date.parse(consent.validUntil) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);
    });

    it("names the service in thomas's access log", async () => {
      const response = await postGraphQL<{ me: { accessLog: { entries: { reader: string; who: string; areas: string[] }[] } } }>(
        stack.gatewayUrl,
        '{ me { accessLog(first: 50) { entries { reader who areas } } } }',
        { token: await tokenFor(stack, 'thomas') },
      );
      const entries = response.body.data!.me.accessLog.entries.filter((each) => each.reader === 'SERVICE');
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) expect(entry.who).toBe(`Tjenesten ${service.name}, med dit samtykke`);
      expect(entries.find((entry) => entry.areas.length > 0)?.areas).toEqual(['payments']);
    });

    it("records the service's reads against thomas in the audit trail", async () => {
      const { rows } = await db.query<{ caller_kind: string; areas: string[]; outcome: string }>(
        "SELECT caller_kind, areas, outcome FROM audit_events WHERE actor_id = 'service:budget-app' AND subject_id = $1",
        [thomasId()],
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.caller_kind === 'service')).toBe(true);
      expect(rows.some((row) => row.outcome === 'disclosed' && row.areas.includes('payments'))).toBe(true);
      expect(rows.flatMap((row) => row.areas).filter((area) => area !== 'payments')).toEqual([]);
    });

    it('refuses the service within 5 s once thomas withdraws, and records the refusal against him', async () => {
      const consentId = String(decodeJwt(token).consent_id);
      const withdrawn = await postGraphQL<{ withdrawConsent: boolean }>(stack.gatewayUrl, withdraw, { token: await tokenFor(stack, 'thomas'), variables: { id: consentId } });
      expect(withdrawn.body.data!.withdrawConsent).toBe(true);
      const { elapsed, response } = await refusedWithin(token, 5_000);
      expect(response.status).toBe(403);
      expect(response.body.errors![0].extensions!.code).toBe('CONSENT_NOT_VALID');
      expect(response.body.data ?? null).toBeNull();
      expect(elapsed).toBeLessThan(5_000);
      const { rows } = await db.query("SELECT 1 FROM audit_events WHERE actor_id = 'service:budget-app' AND subject_id = $1 AND outcome = 'refused'", [thomasId()]);
      expect(rows.length).toBeGreaterThan(0);
      const listed = (await consentsOf('thomas')).find((each) => each.id === consentId)!;
      expect(listed.inForce).toBe(false);
      expect(listed.withdrawnAt).not.toBeNull();
      // A second withdrawal changes nothing.
      const again = await postGraphQL<{ withdrawConsent: boolean }>(stack.gatewayUrl, withdraw, { token: await tokenFor(stack, 'thomas'), variables: { id: consentId } });
      expect(again.body.data!.withdrawConsent).toBe(false);
    });
  });

  describe('the authorization-code exchange', () => {
    it('refuses a wrong code_verifier, and the code is spent by it', async () => {
      const { code, verifier } = await codeFor('thomas');
      const wrong = await exchange(code, newVerifier());
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
      const right = await exchange(code, verifier);
      expect(right.status).toBe(400);
    });

    it('refuses a code without a verifier, or sent for another redirect_uri', async () => {
      const first = await codeFor('thomas');
      expect((await exchange(first.code, '', { code_verifier: '' })).status).toBe(400);
      const second = await codeFor('thomas');
      expect((await exchange(second.code, second.verifier, { redirect_uri: 'http://127.0.0.1:4500/other' })).status).toBe(400);
    });

    it('refuses a code used twice, and withdraws the consent it gave', async () => {
      const { code, verifier } = await codeFor('thomas');
      const first = await exchange(code, verifier);
      expect(first.status).toBe(200);
      const { access_token: token } = (await first.json()) as { access_token: string };
      expect((await postGraphQL(stack.gatewayUrl, '{ me { payments { id } } }', { token })).status).toBe(200);
      const second = await exchange(code, verifier);
      expect(second.status).toBe(400);
      expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
      const { response } = await refusedWithin(token, 5_000);
      expect(response.body.errors?.[0].extensions?.code).toBe('CONSENT_NOT_VALID');
    });

    it('refuses an unknown code and an unknown client', async () => {
      expect((await exchange(randomBytes(32).toString('base64url'), newVerifier())).status).toBe(400);
      const { code, verifier } = await codeFor('thomas');
      expect((await exchange(code, verifier, { client_id: 'other-app' })).status).toBe(401);
    });
  });

  describe('the authorization request', () => {
    it('answers an unregistered redirect_uri with an error page, never a redirect', async () => {
      for (const redirectUri of ['https://evil.example/callback', 'http://127.0.0.1:4500/callback/../steal', 'http://127.0.0.1:4500/callback?x=1']) {
        const response = await get(authorizeUrl(flowParams(newVerifier(), { redirect_uri: redirectUri })));
        expect(response.status).toBe(400);
        expect(response.headers.get('location')).toBeNull();
        expect(await response.text()).toContain('ikke er registreret');
      }
    });

    it('answers an unknown client with an error page, never a redirect', async () => {
      const response = await get(authorizeUrl(flowParams(newVerifier(), { client_id: 'evil-app' })));
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    });

    it('sends a scope beyond what the service is registered for back as invalid_scope, with no page', async () => {
      const params = flowParams(newVerifier(), { scope: 'payments cases' });
      const response = await get(authorizeUrl(params));
      expect(response.status).toBe(303);
      const back = new URL(response.headers.get('location')!);
      expect(back.searchParams.get('error')).toBe('invalid_scope');
      expect(back.searchParams.get('state')).toBe(params.state);
    });

    it('refuses a state given twice as invalid_request, sending no state back', async () => {
      const url = authorizeUrl(flowParams(newVerifier()));
      url.searchParams.append('state', 'another-state');
      const back = new URL((await get(url)).headers.get('location')!);
      expect(back.searchParams.get('error')).toBe('invalid_request');
      expect(back.searchParams.getAll('state')).toEqual([]);
      expect(back.searchParams.get('code')).toBeNull();
    });

    it('requires PKCE with S256', async () => {
      for (const overrides of [{ code_challenge_method: 'plain' }, { code_challenge: 'too-short' }] as Record<string, string>[]) {
        const response = await get(authorizeUrl(flowParams(newVerifier(), overrides)));
        expect(new URL(response.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
      }
    });

    it('sends a refusal back as access_denied and records no consent', async () => {
      const before = (await consentsOf('karen')).length;
      const page = await (await get(authorizeUrl(flowParams(newVerifier())))).text();
      const back = await consentThrough(page, { persona: 'karen', decision: 'deny' });
      expect(back.searchParams.get('error')).toBe('access_denied');
      expect(back.searchParams.get('code')).toBeNull();
      expect(await consentsOf('karen')).toHaveLength(before);
    });

    it('takes one answer per consent page', async () => {
      const page = await (await get(authorizeUrl(flowParams(newVerifier())))).text();
      await consentThrough(page, { persona: 'karen', decision: 'deny' });
      const requestId = /name="request" value="([A-Za-z0-9_-]+)"/.exec(page)![1];
      const again = await postForm('/authorize', { request: requestId, persona: 'karen', areas: 'payments', days: '30', decision: 'approve' });
      expect(again.status).toBe(400);
      expect(again.headers.get('location')).toBeNull();
    });
  });

  describe('granting in the graph', () => {
    const grant = (clientId: string, areas: string[], days: number) =>
      `mutation { grantConsent(clientId: "${clientId}", areas: ${JSON.stringify(areas)}, days: ${days}, purpose: "Budget") { id } }`;

    it('stays within what the service is registered for', async () => {
      const thomas = await tokenFor(stack, 'thomas');
      for (const [clientId, areas, days] of [
        ['budget-app', ['cases'], 30],
        ['budget-app', ['payments'], 91],
        ['budget-app', ['payments'], 0],
        ['budget-app', [], 30],
        ['unknown-app', ['payments'], 30],
      ] as const) {
        const response = await postGraphQL(stack.gatewayUrl, grant(clientId, [...areas], days), { token: thomas });
        expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it("is the citizen's own: a proxy holder cannot give or list consents for them", async () => {
      const lawyer = await mintToken({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
      const given = await postGraphQL(stack.gatewayUrl, grant('budget-app', ['payments'], 30), { token: lawyer });
      expect(given.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('keeps one consent per service in force: a new one replaces the last', async () => {
      await serviceToken('ole');
      const replaced = await serviceToken('ole');
      const inForce = (await consentsOf('ole')).filter((consent) => consent.inForce);
      expect(inForce.map((consent) => consent.id)).toEqual([String(decodeJwt(replaced).consent_id)]);
    });
  });

  it('lets a service on a 17-year-old\'s consent see no more than he does himself (the youth rule)', async () => {
    const query = '{ me { payments { id } benefits { id } benefitsWithheld { reason } } }';
    type Seen = { me: { payments: { id: string }[]; benefits: { id: string }[]; benefitsWithheld: { reason: string }[] } };
    const own = await postGraphQL<Seen>(stack.gatewayUrl, query, { token: await tokenFor(stack, 'amir') });
    const token = await serviceToken('amir', 'payments benefits', ['payments', 'benefits']);
    const seen = await postGraphQL<Seen>(stack.gatewayUrl, query, { token });
    expect(own.body.data!.me.benefitsWithheld.map((notice) => notice.reason)).toContain('AGE_LIMIT');
    expect(seen.body.data!.me.benefits).toEqual(own.body.data!.me.benefits);
    expect(seen.body.data!.me.payments).toEqual(own.body.data!.me.payments);
  });
});
