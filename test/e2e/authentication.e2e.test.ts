import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

const query = '{ me { id cases { id } } }';

describe('the gateway refuses a request without a valid citizen token', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  /** The reasons are matched in English; that they read in Danish by default is test/e2e/language's to show. */
  async function expectRefused(token: string | undefined, reason: RegExp): Promise<void> {
    const response = await postGraphQL(stack.gatewayUrl, query, { token, headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(401);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(response.body.errors![0].message).toMatch(reason);
  }

  it('with no token', () => expectRefused(undefined, /Bearer/));

  it('and says, on the 401, how to authenticate', async () => {
    const response = await postGraphQL(stack.gatewayUrl, query);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="borger-graph"');
  });

  it('with a token that is not a JWT', () => expectRefused('not-a-token', /malformed/));

  it('with an expired token', async () => expectRefused(await tokenFor(stack, 'thomas', { expiresIn: -120 }), /expired/));

  it('with a token not valid yet', async () =>
    expectRefused(await tokenFor(stack, 'thomas', { notBefore: 600 }), /not valid yet/));

  it('with a token for another audience', async () =>
    expectRefused(await tokenFor(stack, 'thomas', { audience: 'another-service' }), /audience/));

  it('with a token from another issuer', async () =>
    expectRefused(await tokenFor(stack, 'thomas', { issuer: 'https://idp.example.invalid' }), /issuer/));

  it('with a token signed by a key the issuer does not publish', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const key = { jwk: await exportJWK(privateKey), kid: 'dev-2026-1', alg: 'ES256' };
    await expectRefused(await tokenFor(stack, 'thomas', { key }), /signature/);
  });

  it('with a token whose payload was changed after signing', async () => {
    const [header, payload, signature] = (await tokenFor(stack, 'thomas')).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims['https://data.gov.dk/model/core/eid/cprNumber'] = '0101010101';
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    await expectRefused(forged, /signature/);
  });

  it('with an unsigned token (alg "none")', async () => {
    const [, payload] = (await tokenFor(stack, 'thomas')).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expectRefused(`${header}.${payload}.`, /malformed|algorithm/);
  });

  it('with an HS256 token signed with the public key as the secret', async () => {
    const { devPublicJwks } = await import('../../mocks/identity/dev-issuer');
    const secret = new TextEncoder().encode(JSON.stringify(devPublicJwks.keys[0]));
    const [, payload] = (await tokenFor(stack, 'thomas')).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'dev-2026-1' }).sign(secret);
    await expectRefused(forged, /algorithm is not allowed/);
  });

  it('with a token naming a key id the issuer does not publish', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const key = { jwk: await exportJWK(privateKey), kid: 'no-such-key', alg: 'ES256' };
    await expectRefused(await tokenFor(stack, 'thomas', { key }), /unknown key/);
  });

  it('and answers the same request once the token is valid', async () => {
    const response = await postGraphQL(stack.gatewayUrl, query, { token: await tokenFor(stack, 'thomas') });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });
});
