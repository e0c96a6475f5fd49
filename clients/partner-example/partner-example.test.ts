import { readFileSync } from 'node:fs';
import { personas } from '../../mocks/fixtures/personas';
import { postGraphQL } from '../../test/support/graphql-client';
import { citizenTokenByCode, exchangeForChatbot, postToken, regionClient } from '../../test/support/oauth';
import { startStack, type Stack } from '../../test/support/stack';
import { createPartnerClient, main, sharedAppointmentsDocumentId } from './fetch-shared-appointments';

/** The issuer's OAuth flows end to end: the tokens they give are the ones the gateway serves. */
describe('OAuth against the stack, and the partner example', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  }, 60_000);
  afterAll(() => stack.close());

  it("gives a token by authorization code with PKCE that the gateway accepts for thomas's me { id }", async () => {
    const token = await citizenTokenByCode(stack.issuer.url, 'thomas');
    const response = await postGraphQL<{ me: { id: string } }>(stack.gatewayUrl, '{ me { id } }', { token });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.me.id).toEqual(expect.any(String));
  });

  it("gives the chatbot, by token exchange, a token that reads thomas's citizenContext", async () => {
    const citizen = await citizenTokenByCode(stack.issuer.url, 'thomas');
    const exchanged = await exchangeForChatbot(stack.issuer.url, citizen);
    expect(exchanged.status).toBe(200);
    const response = await postGraphQL<{ citizenContext: { openCases: unknown[] } }>(stack.gatewayUrl, '{ citizenContext { openCases { title status } } }', {
      token: exchanged.body.access_token,
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.citizenContext.openCases.length).toBeGreaterThan(0);
    const invalid = await exchangeForChatbot(stack.issuer.url, `${citizen.slice(0, -4)}AAAA`);
    expect(invalid.body.error).toBe('invalid_grant');
  });

  it('refuses the region a token for a wrong secret', async () => {
    const refused = await postToken(stack.issuer.url, { grant_type: 'client_credentials', client_id: regionClient.clientId, client_secret: 'wrong-secret-000' });
    expect(refused.body.error).toBe('invalid_client');
  });

  it("prints thomas's shared appointments, the CPR only in the request body", async () => {
    const urls: string[] = [];
    const bodies: string[] = [];
    const spy: typeof fetch = (input, init) => {
      urls.push(String(input));
      bodies.push(String(init?.body ?? ''));
      return fetch(input, init);
    };
    const lines: string[] = [];
    const code = await main(
      { PARTNER_CPR: personas.thomas.cpr, PARTNER_TOKEN_URL: `${stack.issuer.url}/token`, PARTNER_GRAPHQL_URL: stack.gatewayUrl },
      [],
      (line) => lines.push(line),
      { fetch: spy },
    );
    expect(lines).not.toEqual(['Ingen delte aftaler.']);
    expect(code).toBe(0);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/Region Midtjylland|Aarhus/);
    expect(urls.some((url) => url.includes(personas.thomas.cpr))).toBe(false);
    expect(bodies.some((body) => body.includes(personas.thomas.cpr))).toBe(true);
  });

  it('reports a wrong secret by its code', async () => {
    const lines: string[] = [];
    const code = await main(
      { PARTNER_CPR: personas.thomas.cpr, PARTNER_TOKEN_URL: `${stack.issuer.url}/token`, PARTNER_GRAPHQL_URL: stack.gatewayUrl, PARTNER_CLIENT_SECRET: 'not-the-secret' },
      [],
      (line) => lines.push(line),
    );
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('refused (invalid_client)');
    expect(lines.join('\n')).not.toContain('not-the-secret');
  });

  it('waits out a 429 as Retry-After says, then succeeds', async () => {
    let graphqlCalls = 0;
    const waits: number[] = [];
    const flaky: typeof fetch = async (input, init) => {
      if (String(input) === stack.gatewayUrl && graphqlCalls++ === 0) {
        return new Response(JSON.stringify({ errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] }), { status: 429, headers: { 'retry-after': '2' } });
      }
      return fetch(input, init);
    };
    const client = createPartnerClient({
      tokenUrl: `${stack.issuer.url}/token`,
      graphqlUrl: stack.gatewayUrl,
      clientId: regionClient.clientId,
      clientSecret: regionClient.secret,
      fetch: flaky,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const appointments = await client.sharedAppointments(personas.thomas.cpr);
    expect(waits).toEqual([2000]);
    expect(appointments.length).toBeGreaterThan(0);
    expect(appointments[0]).toEqual(
      expect.objectContaining({ title: expect.any(String), startsAt: expect.any(String), sourceSystem: expect.any(String), responsibleAuthority: { name: expect.any(String) } }),
    );
  });
});

describe("the partner example's operation", () => {
  it('is registered in the published manifest', () => {
    const manifest = JSON.parse(readFileSync('clients/generated/persisted-documents.json', 'utf8')) as Record<string, string>;
    expect(manifest[sharedAppointmentsDocumentId]).toMatch(/^query PartnerSharedAppointments\b/);
  });
});
