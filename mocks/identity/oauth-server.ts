import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import clientsFile from '../../config/clients.json';
import type { Persona } from '../fixtures/personas';
import { checkAuthorizationRequest, codeLifetimeMs, errorPage, escapeHtml, json, page, pendingLifetimeMs, personaChoices, readForm, redeemCode, redirectBack, sendPage, single, takeAnswered } from './consent-flow';
import type { TokenSubject } from './dev-issuer';

/**
 * The development issuer's OAuth 2.0 endpoints for the platform's own clients (config/clients.json,
 * `oauthClients`), beside the consent flow for external services (consent-flow.ts):
 *
 * - authorization code with PKCE (RFC 6749 §4.1, RFC 7636, S256 only) for public clients such as
 *   the citizen page: a login page where a persona stands in for MitID, and for a proxy holder a
 *   choice of whom to act for; the code gives the same citizen (or proxy) token `npm run token` mints;
 * - client credentials (§4.4) for partners, authenticated by their development secret
 *   (client_secret_basic or client_secret_post): the partner token for their organisation;
 * - token exchange (RFC 8693) for chatbots: a citizen's own access token, verified with the
 *   issuer's key, for a short-lived token with which the chatbot acts for that citizen.
 *
 * Errors follow RFC 6749 §5.2 and never echo a secret, a code or a token.
 */

const grantTypes = {
  code: 'authorization_code',
  clientCredentials: 'client_credentials',
  tokenExchange: 'urn:ietf:params:oauth:grant-type:token-exchange',
} as const;
const accessTokenType = 'urn:ietf:params:oauth:token-type:access_token';
const jwtTokenType = 'urn:ietf:params:oauth:token-type:jwt';

const clientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('public'), name: z.string().min(1), redirectUris: z.array(z.string().url()).min(1) }),
  z.object({ kind: z.literal('partner'), name: z.string().min(1), organisation: z.string().min(1), devSecret: z.string().min(16) }),
  z.object({ kind: z.literal('chatbot'), name: z.string().min(1), devSecret: z.string().min(16) }),
]);
export type OAuthClient = z.infer<typeof clientSchema>;

const { $comment: _comment, ...registered } = clientsFile.oauthClients;
export const oauthClients: Readonly<Record<string, OAuthClient>> = z.record(z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/), clientSchema).parse(registered);

/** The registered client with this id, or undefined (never a prototype property). */
export function oauthClient(clientId: string | null | undefined): OAuthClient | undefined {
  return typeof clientId === 'string' && Object.hasOwn(oauthClients, clientId) ? oauthClients[clientId] : undefined;
}

export interface OAuthServerOptions {
  /** `iss` of every token the issuer signs. */
  issuer(): string;
  audience: string;
  cprClaim: string;
  /** The issuer's public keys, to verify the subject tokens it is shown. */
  publicJwks: JSONWebKeySet;
  mint(subject: TokenSubject, expiresIn: number): Promise<string>;
  /** The persona a page's hint (a pseudonymous citizen id) names, to preselect on the login page. */
  personaHint?(citizenId: string | null): Persona | undefined;
  now?(): number;
}

interface PendingLogin {
  clientId: string;
  redirectUri: string;
  state: string | null;
  challenge: string;
  expiresAt: number;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  subject: TokenSubject;
  expiresAt: number;
}

const citizenTokenSeconds = 3600;
const partnerTokenSeconds = 600;
/** A chatbot's token is short-lived, and never outlives the citizen's own. */
const chatbotTokenSeconds = 300;


/** Constant-time comparison of a presented secret with the registered one (hashed first, so lengths match). */
function secretMatches(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

type Refuse = (status: number, error: string, description: string, headers?: Record<string, string>) => void;

export function createOAuthServer(options: OAuthServerOptions) {
  const now = () => options.now?.() ?? Date.now();
  const pending = new Map<string, PendingLogin>();
  const codes = new Map<string, IssuedCode>();
  const usedCodes = new Map<string, number>();
  const newId = () => randomBytes(32).toString('base64url');
  const keys = createLocalJWKSet(options.publicJwks);

  function sweep(): void {
    const at = now();
    for (const [id, login] of pending) if (login.expiresAt <= at) pending.delete(id);
    for (const [code, issued] of codes) if (issued.expiresAt <= at) codes.delete(code);
    for (const [code, forgetAt] of usedCodes) if (forgetAt <= at) usedCodes.delete(code);
  }

  /** GET /authorize for a public client: checks the request, then shows the login page. */
  function authorize(url: URL, response: ServerResponse): void {
    sweep();
    const params = url.searchParams;
    const clientId = single(params, 'client_id');
    const client = clientId === 'repeated' ? undefined : oauthClient(clientId);
    if (!client || client.kind !== 'public' || typeof clientId !== 'string') {
      errorPage(response, 400, 'Tjenesten er ikke registreret til at logge dig ind.');
      return;
    }
    // Hints only (OIDC `login_hint`, and `act_for` for whom a holder acts): they preselect, never decide.
    const checked = checkAuthorizationRequest(params, response, client, options.issuer(), ['login_hint', 'act_for']);
    if (!checked) return;
    const { redirectUri, state, challenge, scope, extra, back } = checked;
    if (!(scope ?? '').split(' ').includes('openid') || (scope ?? '').split(' ').some((each) => each !== '' && each !== 'openid')) {
      back('invalid_scope', 'scope must be openid');
      return;
    }
    const id = newId();
    pending.set(id, { clientId, redirectUri, state, challenge, expiresAt: now() + pendingLifetimeMs });
    const hinted = { persona: options.personaHint?.(extra.login_hint ?? null), actFor: options.personaHint?.(extra.act_for ?? null) };
    sendPage(response, 200, loginPage(id, client.name, hinted), [new URL(redirectUri).origin]);
  }

  function loginPage(id: string, clientName: string, hinted: { persona?: Persona; actFor?: Persona }): string {
    const choices = (chosen?: Persona) =>
      personaChoices
        .map((persona) => `<option value="${escapeHtml(persona.key)}"${persona === chosen ? ' selected' : ''}>${escapeHtml(persona.name)}</option>`)
        .join('');
    return page(
      `Log ind på ${clientName}`,
      `<h1>Log ind på ${escapeHtml(clientName)}</h1>
<form method="post" action="/login">
<input type="hidden" name="request" value="${id}">
<fieldset><legend>Hvem er du?</legend>
<p class="note">I udviklingsmiljøet vælger du en testperson i stedet for at logge ind med MitID.</p>
<label for="persona">Testperson</label> <select id="persona" name="persona" required>${choices(hinted.persona)}</select>
</fieldset>
<fieldset><legend>Hvem handler du for?</legend>
<p class="note">Har du en fuldmagt eller forældremyndighed, kan du se en andens oplysninger. Fuldmagten kontrolleres, når du bruger den.</p>
<label for="actFor">Handler for</label> <select id="actFor" name="actFor"><option value=""${hinted.actFor ? '' : ' selected'}>Mig selv</option>${choices(hinted.actFor)}</select>
</fieldset>
<p><button type="submit" name="decision" value="login">Log ind</button><button type="submit" name="decision" value="cancel">Annullér</button></p>
</form>`,
    );
  }

  /** POST /login: the persona chosen; the browser goes back to the client with a code. */
  async function login(request: IncomingMessage, response: ServerResponse): Promise<void> {
    sweep();
    const answered = await takeAnswered(request, pending);
    if (!answered) {
      errorPage(response, 400, 'Forespørgslen om at logge ind er ukendt eller udløbet.');
      return;
    }
    const { form, asked } = answered;
    const back = (params: Record<string, string>) => redirectBack(response, asked, options.issuer(), params);
    if (single(form, 'decision') !== 'login') {
      back({ error: 'access_denied', error_description: 'the login was cancelled' });
      return;
    }
    const persona = personaChoices.find((each) => each.key === single(form, 'persona'));
    const actForKey = single(form, 'actFor');
    const actFor = actForKey ? personaChoices.find((each) => each.key === actForKey) : undefined;
    if (!persona || (actForKey && !actFor) || actFor?.key === persona.key) {
      errorPage(response, 400, 'Vælg en testperson, og eventuelt en anden, du handler for. Start forfra fra tjenesten.');
      return;
    }
    const subject: TokenSubject = actFor ? { kind: 'proxy', holderCpr: persona.cpr, subjectCpr: actFor.cpr } : { kind: 'citizen', cpr: persona.cpr };
    const code = newId();
    codes.set(code, { clientId: asked.clientId, redirectUri: asked.redirectUri, challenge: asked.challenge, subject, expiresAt: now() + codeLifetimeMs });
    back({ code });
  }

  async function codeGrant(field: (name: string) => string | null, refuse: Refuse, response: ServerResponse): Promise<void> {
    const clientId = field('client_id');
    const client = oauthClient(clientId);
    if (!client || client.kind !== 'public' || clientId === null) {
      refuse(401, 'invalid_client', 'unknown client');
      return;
    }
    const code = field('code');
    if (code !== null && usedCodes.has(code)) {
      refuse(400, 'invalid_grant', 'the code was used before');
      return;
    }
    const issued = redeemCode(codes, code, clientId, field, now(), (spent) => usedCodes.set(spent, now() + pendingLifetimeMs), refuse);
    if (!issued) return;
    const accessToken = await options.mint(issued.subject, citizenTokenSeconds);
    json(response, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: citizenTokenSeconds, scope: 'openid' });
  }

  /** A confidential client by its secret: HTTP Basic (client_secret_basic) or the form (client_secret_post), not both. */
  function authenticate(request: IncomingMessage, field: (name: string) => string | null): { clientId: string; client: OAuthClient } | 'invalid' | 'ambiguous' {
    const header = request.headers.authorization;
    let clientId = field('client_id');
    let secret = field('client_secret');
    if (header !== undefined) {
      const basic = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header);
      if (!basic || secret !== null) return 'ambiguous';
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return 'invalid';
      let headerId: string;
      try {
        headerId = decodeURIComponent(decoded.slice(0, colon));
        secret = decodeURIComponent(decoded.slice(colon + 1));
      } catch {
        return 'invalid';
      }
      if (clientId !== null && clientId !== headerId) return 'ambiguous';
      clientId = headerId;
    }
    const client = oauthClient(clientId);
    if (!client || client.kind === 'public' || clientId === null || secret === null || !secretMatches(secret, client.devSecret)) return 'invalid';
    return { clientId, client };
  }

  async function clientCredentials(client: { clientId: string; client: OAuthClient }, field: (name: string) => string | null, refuse: Refuse, response: ServerResponse) {
    if (client.client.kind !== 'partner') {
      refuse(400, 'unauthorized_client', 'this client may not use client_credentials');
      return;
    }
    const scope = field('scope');
    if (scope !== null && scope !== 'shared-appointments') {
      refuse(400, 'invalid_scope', 'scope must be shared-appointments');
      return;
    }
    const accessToken = await options.mint({ kind: 'partner', clientId: client.clientId, organisation: client.client.organisation }, partnerTokenSeconds);
    json(response, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: partnerTokenSeconds, scope: 'shared-appointments' });
  }

  async function tokenExchange(client: { clientId: string; client: OAuthClient }, field: (name: string) => string | null, refuse: Refuse, response: ServerResponse) {
    if (client.client.kind !== 'chatbot') {
      refuse(400, 'unauthorized_client', 'this client may not use token exchange');
      return;
    }
    const subjectToken = field('subject_token');
    const subjectTokenType = field('subject_token_type');
    if (subjectToken === null || (subjectTokenType !== accessTokenType && subjectTokenType !== jwtTokenType)) {
      refuse(400, 'invalid_request', `subject_token and subject_token_type (${accessTokenType}) are required`);
      return;
    }
    if (field('actor_token') !== null) {
      refuse(400, 'invalid_request', 'actor_token is not supported: the client authenticates itself');
      return;
    }
    const requested = field('requested_token_type');
    if (requested !== null && requested !== accessTokenType) {
      refuse(400, 'invalid_request', 'only access tokens are issued');
      return;
    }
    const scope = field('scope');
    if (scope !== null && scope !== 'citizen-context') {
      refuse(400, 'invalid_scope', 'scope must be citizen-context');
      return;
    }
    const audience = field('audience');
    if (audience !== null && audience !== options.audience) {
      refuse(400, 'invalid_target', 'unknown audience');
      return;
    }
    let subjectCpr: string;
    let expiresAt: number;
    try {
      const { payload } = await jwtVerify(subjectToken, keys, { issuer: options.issuer(), audience: options.audience });
      const cpr = payload[options.cprClaim];
      // Only a citizen's own login: no one acting for them, no client, no consent.
      const delegated = ['act', 'client_id', 'consent_id', 'org_id', 'municipality_code'].some((claim) => payload[claim] !== undefined);
      if (typeof cpr !== 'string' || !/^\d{10}$/.test(cpr) || delegated || payload.exp === undefined) throw new Error('not a citizen token');
      subjectCpr = cpr;
      expiresAt = payload.exp * 1000;
    } catch {
      refuse(400, 'invalid_grant', "subject_token is not a valid citizen's access token from this issuer");
      return;
    }
    const expiresIn = Math.min(chatbotTokenSeconds, Math.floor((expiresAt - now()) / 1000));
    if (expiresIn <= 0) {
      refuse(400, 'invalid_grant', 'subject_token has expired');
      return;
    }
    const accessToken = await options.mint({ kind: 'chatbot', clientId: client.clientId, subjectCpr }, expiresIn);
    json(response, 200, { access_token: accessToken, issued_token_type: accessTokenType, token_type: 'Bearer', expires_in: expiresIn, scope: 'citizen-context' });
  }

  /** POST /token for the platform's own clients; `delegate` takes the consent flow's code exchange. */
  async function token(request: IncomingMessage, response: ServerResponse, delegate: (form: URLSearchParams) => Promise<void>): Promise<void> {
    sweep();
    const form = await readForm(request);
    const refuse: Refuse = (status, error, description, headers = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache', ...headers });
      response.end(JSON.stringify({ error, error_description: description }));
    };
    if (!form) {
      refuse(400, 'invalid_request', 'send application/x-www-form-urlencoded');
      return;
    }
    const field = (name: string) => {
      const value = single(form, name);
      return value === 'repeated' ? null : value;
    };
    if (form.getAll('grant_type').length > 1 || form.getAll('client_secret').length > 1) {
      refuse(400, 'invalid_request', 'a parameter was given more than once');
      return;
    }
    const grantType = field('grant_type');
    if (grantType === grantTypes.code) {
      // An external service's code is the consent flow's.
      if (oauthClient(field('client_id'))) await codeGrant(field, refuse, response);
      else await delegate(form);
      return;
    }
    if (grantType !== grantTypes.clientCredentials && grantType !== grantTypes.tokenExchange) {
      refuse(400, 'unsupported_grant_type', `supported: ${Object.values(grantTypes).join(', ')}`);
      return;
    }
    const client = authenticate(request, field);
    if (client === 'ambiguous') {
      refuse(400, 'invalid_request', 'authenticate the client one way only');
      return;
    }
    if (client === 'invalid') {
      const basic = request.headers.authorization !== undefined;
      refuse(401, 'invalid_client', 'client authentication failed', basic ? { 'www-authenticate': 'Basic realm="dev-issuer"' } : {});
      return;
    }
    if (grantType === grantTypes.clientCredentials) await clientCredentials(client, field, refuse, response);
    else await tokenExchange(client, field, refuse, response);
  }

  return {
    /** Whether a GET /authorize is for one of the issuer's own public clients (else the consent flow's). */
    ownsAuthorize: (url: URL) => oauthClient(url.searchParams.get('client_id'))?.kind === 'public',
    authorize,
    login,
    token,
  };
}

/** What the discovery document says of the issuer's endpoints, with the consent flow's. */
export const oauthMetadata = (endpointBase: string, consentScopes: readonly string[]) => ({
  authorization_endpoint: `${endpointBase}/authorize`,
  token_endpoint: `${endpointBase}/token`,
  response_types_supported: ['code'],
  grant_types_supported: Object.values(grantTypes),
  code_challenge_methods_supported: ['S256'],
  token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
  scopes_supported: ['openid', 'citizen-context', 'shared-appointments', ...consentScopes],
  subject_types_supported: ['pairwise'],
  authorization_response_iss_parameter_supported: true,
});
