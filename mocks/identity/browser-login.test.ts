import { developmentKeys } from '../../lib/config';
import { citizenId } from '../../lib/pseudonym';
import { citizenClient, loginForCode } from '../../test/support/oauth';
import { personas } from '../fixtures/personas';
import { startDevIssuer, type RunningIssuer } from './dev-issuer';
import { s256Challenge } from './pkce';

/** What a browser page (the citizen page, a public client) needs of the development issuer: CORS on /token, and hints on the login page. */
describe('the development issuer for a page in the browser', () => {
  let issuer: RunningIssuer;
  const pageOrigin = 'http://127.0.0.1:5173';

  beforeAll(async () => {
    issuer = await startDevIssuer();
  });
  afterAll(() => issuer.close());

  const preflight = (origin: string) =>
    fetch(new URL('/token', issuer.url), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it("answers a preflight for /token from a registered public client's origin with that origin, never *", async () => {
    for (const origin of [pageOrigin, 'http://localhost:5173']) {
      const response = await preflight(origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-methods')).toBe('POST');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toBe('Origin');
    }
  });

  it('refuses a preflight from any other origin, without CORS headers', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:4500', 'null']) {
      const response = await preflight(origin);
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it("lets the page read the code exchange's answer, and no other origin", async () => {
    const exchange = async (origin: string) => {
      const { code, verifier } = await loginForCode(issuer.url, 'thomas');
      return fetch(new URL('/token', issuer.url), {
        method: 'POST',
        headers: { origin },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: citizenClient.redirectUri, client_id: citizenClient.clientId }),
      });
    };
    const allowed = await exchange(pageOrigin);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(pageOrigin);
    const other = await exchange('https://evil.example');
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  describe('hints', () => {
    const key = Buffer.from(developmentKeys.pseudonym, 'base64url');
    const loginPage = async (hints: Record<string, string>) => {
      const url = new URL('/authorize', issuer.url);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: citizenClient.clientId,
        redirect_uri: citizenClient.redirectUri,
        scope: 'openid',
        state: 's',
        code_challenge: s256Challenge('v'.repeat(43)),
        code_challenge_method: 'S256',
        ...hints,
      }).toString();
      const response = await fetch(url, { redirect: 'manual' });
      return { status: response.status, html: await response.text() };
    };
    const selected = (html: string, select: string) => /<option value="([^"]*)" selected>/.exec(new RegExp(`<select id="${select}"[^>]*>(.*?)</select>`).exec(html)?.[1] ?? '')?.[1];

    it('preselects whom the holder acts for (act_for) and the holder themself (login_hint), by their citizen ids', async () => {
      const { status, html } = await loginPage({ login_hint: citizenId(personas.guardian.cpr, key), act_for: citizenId(personas.karen.cpr, key) });
      expect(status).toBe(200);
      expect(selected(html, 'persona')).toBe('guardian');
      expect(selected(html, 'actFor')).toBe('karen');
    });

    it('preselects "Mig selv" for an unknown or absent hint, and never puts a CPR number on the page', async () => {
      for (const hints of [{}, { act_for: 'cit_unknown' }, { act_for: personas.karen.cpr }] as Record<string, string>[]) {
        const { html } = await loginPage(hints);
        expect(selected(html, 'actFor')).toBe('');
        expect(html).not.toMatch(/\d{10}/);
      }
    });
  });
});
