import { randomBytes } from 'node:crypto';
import { s256Challenge } from '../../mocks/identity/pkce';

/**
 * The development issuer's OAuth flows as a client drives them, for tests: the citizen page's
 * authorization code with PKCE (a persona picked on the login page), and the token endpoint.
 */
export const citizenClient = { clientId: 'mit-overblik-web', redirectUri: 'http://127.0.0.1:4000/callback' };
export const regionClient = { clientId: 'region-midtjylland-hospital-system', secret: 'dev-only-region-midtjylland-secret' };
export const chatbotClient = { clientId: 'aarhus-borgerbot', secret: 'dev-only-aarhus-borgerbot-secret' };

export interface TokenResponse {
  status: number;
  body: { access_token?: string; token_type?: string; expires_in?: number; scope?: string; issued_token_type?: string; error?: string; error_description?: string };
  text: string;
}

export async function postToken(issuerUrl: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<TokenResponse> {
  const response = await fetch(new URL('/token', issuerUrl), { method: 'POST', headers, body: new URLSearchParams(form) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
}

/** Login page to code: the browser's part. Returns the code and the verifier the client kept. */
export async function loginForCode(issuerUrl: string, persona: string, options: { actFor?: string; state?: string } = {}) {
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL('/authorize', issuerUrl);
  const params = {
    response_type: 'code',
    client_id: citizenClient.clientId,
    redirect_uri: citizenClient.redirectUri,
    scope: 'openid',
    state: options.state ?? 'st-1',
    code_challenge: s256Challenge(verifier),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const page = await fetch(url, { redirect: 'manual' });
  const html = await page.text();
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !request) throw new Error(`no login page (${page.status})`);
  const answer = await fetch(new URL('/login', issuerUrl), {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ request, persona, actFor: options.actFor ?? '', decision: 'login' }),
  });
  const back = new URL(answer.headers.get('location') ?? 'about:blank');
  const code = back.searchParams.get('code');
  if (answer.status !== 303 || !code) throw new Error(`no code (${answer.status})`);
  return { code, verifier, back, html };
}

/** The whole code flow: a citizen's (or, with actFor, a holder's) access token. */
export async function citizenTokenByCode(issuerUrl: string, persona: string, options: { actFor?: string } = {}): Promise<string> {
  const { code, verifier } = await loginForCode(issuerUrl, persona, options);
  const exchanged = await postToken(issuerUrl, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: citizenClient.redirectUri,
    client_id: citizenClient.clientId,
    code_verifier: verifier,
  });
  if (exchanged.status !== 200 || !exchanged.body.access_token) throw new Error(`no token (${exchanged.status} ${exchanged.body.error})`);
  return exchanged.body.access_token;
}

/** RFC 8693: the chatbot exchanges a citizen's token for its own, acting for them. */
export function exchangeForChatbot(issuerUrl: string, subjectToken: string, secret = chatbotClient.secret): Promise<TokenResponse> {
  return postToken(issuerUrl, {
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    client_id: chatbotClient.clientId,
    client_secret: secret,
    subject_token: subjectToken,
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
  });
}
