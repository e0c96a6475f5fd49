import { decodeJwt } from 'jose';
import { createTokenVerifier } from '../../gateway/auth/token-verifier';
import { gatewayConfig } from '../../lib/config';
import { chatbotClient, citizenClient, citizenTokenByCode, exchangeForChatbot, loginForCode, postToken, regionClient } from '../../test/support/oauth';
import { personas } from '../fixtures/personas';
import { mintCitizenToken, mintToken, startDevIssuer, type RunningIssuer } from './dev-issuer';

/** The development issuer's OAuth 2.0 endpoints over real HTTP, its tokens checked by the gateway's own verifier. */
describe('the development issuer speaks OAuth 2.0', () => {
  let issuer: RunningIssuer;
  let verify: ReturnType<typeof createTokenVerifier>;

  beforeAll(async () => {
    issuer = await startDevIssuer();
    verify = createTokenVerifier(gatewayConfig({ AUTH_ISSUER: issuer.url, AUTH_JWKS_URL: issuer.jwksUrl }).auth);
  });
  afterAll(() => issuer.close());

  it('publishes a discovery document with its endpoints, grants and PKCE method', async () => {
    const response = await fetch(new URL('/.well-known/openid-configuration', issuer.url));
    expect(response.status).toBe(200);
    const document = (await response.json()) as Record<string, unknown> & { jwks_uri: string };
    expect(document).toMatchObject({
      issuer: issuer.url,
      authorization_endpoint: `${issuer.url}/authorize`,
      token_endpoint: `${issuer.url}/token`,
      jwks_uri: `${issuer.url}/.well-known/jwks.json`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(document.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'client_credentials', 'urn:ietf:params:oauth:grant-type:token-exchange']),
    );
    expect(document.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(['none', 'client_secret_basic', 'client_secret_post']));
    const jwks = (await (await fetch(document.jwks_uri)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  describe('authorization code with PKCE', () => {
    it("shows a login page with the personas, and gives thomas's citizen token for the code and its verifier", async () => {
      const { html, back } = await loginForCode(issuer.url, 'thomas', { state: 'abc' });
      expect(html).toContain('Thomas Testesen');
      expect(html).toContain('MitID');
      expect(back.origin + back.pathname).toBe(citizenClient.redirectUri);
      expect(back.searchParams.get('state')).toBe('abc');
      expect(back.searchParams.get('iss')).toBe(issuer.url);
      const token = await citizenTokenByCode(issuer.url, 'thomas');
      await expect(verify(`Bearer ${token}`)).resolves.toEqual({ kind: 'citizen', subjectCpr: personas.thomas.cpr, assurance: 'Substantial' });
    });

    it('gives a holder a token acting for whom they chose', async () => {
      const token = await citizenTokenByCode(issuer.url, 'lawyer', { actFor: 'thomas' });
      await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({
        kind: 'proxy',
        holder: { type: 'PERSON', cpr: personas.lawyer.cpr },
        subjectCpr: personas.thomas.cpr,
      });
    });

    it('refuses a wrong verifier, and the code is spent after it', async () => {
      const { code, verifier } = await loginForCode(issuer.url, 'thomas');
      const form = { grant_type: 'authorization_code', code, redirect_uri: citizenClient.redirectUri, client_id: citizenClient.clientId };
      const wrong = await postToken(issuer.url, { ...form, code_verifier: `${verifier.slice(1)}x` });
      expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      expect(wrong.text).not.toContain(code);
      expect((await postToken(issuer.url, { ...form, code_verifier: verifier })).body.error).toBe('invalid_grant');
    });

    it('answers an unregistered redirect URI with an error page, never a redirect', async () => {
      const url = new URL('/authorize', issuer.url);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: citizenClient.clientId,
        redirect_uri: 'https://evil.example/callback',
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }).toString();
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    });
  });

  describe('client credentials', () => {
    it("gives the region's system a partner token for its organisation (secret in the form or by HTTP Basic)", async () => {
      const posted = await postToken(issuer.url, { grant_type: 'client_credentials', client_id: regionClient.clientId, client_secret: regionClient.secret });
      expect(posted).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'shared-appointments' } });
      await expect(verify(`Bearer ${posted.body.access_token}`)).resolves.toEqual({
        kind: 'partner',
        clientId: regionClient.clientId,
        organisation: 'region-midtjylland',
      });
      const basic = Buffer.from(`${regionClient.clientId}:${regionClient.secret}`).toString('base64');
      const byBasic = await postToken(issuer.url, { grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
      expect(byBasic.status).toBe(200);
    });

    it('refuses a wrong secret as invalid_client, without echoing it', async () => {
      const refused = await postToken(issuer.url, { grant_type: 'client_credentials', client_id: regionClient.clientId, client_secret: 'not-the-secret-42' });
      expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(refused.text).not.toContain('not-the-secret-42');
      const chatbot = await postToken(issuer.url, { grant_type: 'client_credentials', client_id: chatbotClient.clientId, client_secret: chatbotClient.secret });
      expect(chatbot.body.error).toBe('unauthorized_client');
    });

    it('answers an unknown grant type with unsupported_grant_type', async () => {
      const refused = await postToken(issuer.url, { grant_type: 'password', client_id: regionClient.clientId, client_secret: regionClient.secret });
      expect(refused).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    });
  });

  describe('token exchange (RFC 8693)', () => {
    it("gives the chatbot a short-lived token acting for thomas, for the citizen's own token", async () => {
      const citizen = await citizenTokenByCode(issuer.url, 'thomas');
      const exchanged = await exchangeForChatbot(issuer.url, citizen);
      expect(exchanged).toMatchObject({
        status: 200,
        body: { token_type: 'Bearer', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', scope: 'citizen-context' },
      });
      expect(exchanged.body.expires_in).toBeLessThanOrEqual(300);
      const token = exchanged.body.access_token!;
      expect(decodeJwt(token)).toMatchObject({ act: { sub: chatbotClient.clientId, client_id: chatbotClient.clientId }, scope: 'citizen-context' });
      await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({ kind: 'chatbot', clientId: chatbotClient.clientId, subjectCpr: personas.thomas.cpr });
    });

    it('refuses an invalid subject token as invalid_grant, without echoing it', async () => {
      const forged = await mintCitizenToken(personas.thomas.cpr, { issuer: 'https://someone-else.example' });
      const expired = await mintCitizenToken(personas.thomas.cpr, { issuer: issuer.url, expiresIn: -60 });
      const delegated = await mintToken({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.thomas.cpr }, { issuer: issuer.url });
      for (const subject of ['not-a-token', forged, expired, delegated]) {
        const refused = await exchangeForChatbot(issuer.url, subject);
        expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
        expect(refused.text).not.toContain(subject);
      }
    });

    it('refuses a chatbot with a wrong secret as invalid_client', async () => {
      const citizen = await citizenTokenByCode(issuer.url, 'thomas');
      const refused = await exchangeForChatbot(issuer.url, citizen, 'wrong-secret-123456');
      expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    });
  });
});
