import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import manifest from '../../clients/generated/persisted-documents.json';
import { persistedOperationsByName } from '../../gateway/plugins/persisted-operations';
import { consentAreas, externalService, withinService, type ConsentArea, type ExternalService } from '../../lib/external-services';
import { personas, type Persona } from '../fixtures/personas';
import { challengePattern, verifierMatches } from './pkce';

/**
 * The development issuer's authorization server for external services: the authorization-code
 * flow with PKCE (RFC 6749 §4.1, RFC 7636, S256 only) for the clients registered in
 * config/clients.json (`services`). The citizen sees a consent page (which service, which areas,
 * for how long, why); on approval the issuer records the consent in the graph as that citizen
 * (`grantConsent`, with a short token it mints for them, as the broker's login would give) and
 * sends the service back with a code, which the service exchanges, with its code verifier, for an
 * access token naming the consent, never the citizen's CPR. In development a choice of persona
 * stands in for MitID.
 *
 * Strictness, as RFC 6749 §4.1.2.1 asks: an unknown client or a redirect URI that is not exactly
 * one of the client's is answered with an error page here, never a redirect; other faults in the
 * request go back to the service as `error=`. Codes are single-use and live a minute; a code used
 * twice is refused and the consent it gave is withdrawn (§4.1.2).
 */

export interface ConsentFlowOptions {
  /** The issuer's own URL: `iss` of every token it signs. */
  issuer(): string;
  /** The gateway's GraphQL URL, where consents are recorded; null until known. */
  gatewayUrl(): string | null;
  /** A short-lived token of the citizen's own, as the login would give it. */
  citizenToken(cpr: string): Promise<string>;
  /** The access token a service gets for a consent. */
  serviceToken(grant: { clientId: string; consentId: string; scopes: ConsentArea[]; subjectCpr: string; expiresIn: number }): Promise<string>;
  now?(): number;
}

/** What the consent page was shown for, kept until the citizen answers it. */
interface PendingRequest {
  clientId: string;
  service: ExternalService;
  redirectUri: string;
  state: string | null;
  challenge: string;
  areas: ConsentArea[];
  expiresAt: number;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  consentId: string;
  areas: ConsentArea[];
  validUntil: number;
  subjectCpr: string;
  expiresAt: number;
}

/** How long a shown page may be answered, and an issued code exchanged. */
export const pendingLifetimeMs = 10 * 60_000;
export const codeLifetimeMs = 60_000;
/** Kept this long after first use, to notice a second one. */
const usedCodeMemoryMs = 10 * 60_000;
/** An access token lives an hour at most, and never past its consent. */
const accessTokenSeconds = 3600;
const maxFormBytes = 16_384;

const areaNamesDa: Record<ConsentArea, { name: string; what: string }> = {
  cases: { name: 'Sager', what: 'dine sager hos kommunen og andre myndigheder: emne, status og kontakt' },
  benefits: { name: 'Ydelser', what: 'de ydelser, du får eller har søgt: navn, status og periode' },
  payments: { name: 'Udbetalinger', what: 'dine udbetalinger og eventuel gæld til det offentlige: beløb og dato' },
  appointments: { name: 'Aftaler', what: 'dine aftaler og frister hos det offentlige: tid, sted og emne' },
};
/** The personas a development page offers in place of MitID. */
export const personaChoices: Persona[] = Object.values(personas);

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/** A day count in plain Danish. */
const daysDa = (days: number) => (days === 1 ? '1 dag' : `${days} dage`);

export const page = (title: string, body: string) => `<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}fieldset{border:1px solid #999;margin:1rem 0}.note{color:#555;font-size:.9rem}button{font-size:1rem;margin-right:1rem;padding:.4rem 1rem}</style>
</head>
<body>
${body}
</body>
</html>
`;

/** A page, never framed (the consent must not be clicked through someone else's page), never cached. */
export function sendPage(response: ServerResponse, status: number, html: string, formTargets: string[] = []): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'self' ${formTargets.join(' ')}`.trim(),
  });
  response.end(html);
}

export function errorPage(response: ServerResponse, status: number, message: string): void {
  sendPage(response, status, page('Fejl', `<h1>Det kan vi ikke</h1>\n<p>${escapeHtml(message)}</p>\n<p class="note">Du er ikke sendt videre. Luk siden, og prøv igen fra tjenesten.</p>`));
}

export function redirect(response: ServerResponse, to: URL): void {
  response.writeHead(303, { location: to.toString(), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  response.end();
}

export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' });
  response.end(JSON.stringify(body));
}

/** Each parameter at most once (RFC 6749 §3.1); a repeated one makes the request invalid. */
export function single(params: URLSearchParams, name: string): string | null | 'repeated' {
  const values = params.getAll(name);
  if (values.length > 1) return 'repeated';
  return values[0] ?? null;
}

/** The pending request a posted page answers, taken out at once: a second submission (or a replayed form) finds nothing. */
export async function takeAnswered<T>(request: IncomingMessage, pending: Map<string, T>): Promise<{ form: URLSearchParams; asked: T } | null> {
  const form = await readForm(request);
  const id = form ? single(form, 'request') : null;
  const asked = id && id !== 'repeated' ? pending.get(id) : undefined;
  if (!form || !id || asked === undefined) return null;
  pending.delete(id);
  return { form, asked };
}

/** Sends the browser back to the client with the answer, the client's own state, and who answered (RFC 9207 `iss`). */
export function redirectBack(
  response: ServerResponse,
  asked: { redirectUri: string; state: string | null },
  issuer: string,
  params: Record<string, string>,
): void {
  const to = new URL(asked.redirectUri);
  for (const [name, value] of Object.entries(params)) to.searchParams.set(name, value);
  if (asked.state !== null) to.searchParams.set('state', asked.state);
  to.searchParams.set('iss', issuer);
  redirect(response, to);
}

/** An authorization request that passed the checks every client's gets, with what its caller reads next. */
export interface AuthorizationRequest {
  redirectUri: string;
  state: string | null;
  challenge: string;
  scope: string | null;
  /** The further parameters the caller named, each given at most once. */
  extra: Record<string, string | null>;
  /** Sends the browser back to the client with an error (RFC 6749 §4.1.2.1). */
  back(error: string, description: string): void;
}

/**
 * GET /authorize's checks once the client is known (RFC 6749 §4.1.1, RFC 7636): a registered
 * redirect URI, else an error page and nothing sent anywhere; then every parameter at most once,
 * response_type=code, and PKCE with S256, else the browser goes back with the error. Null when refused.
 */
export function checkAuthorizationRequest(
  params: URLSearchParams,
  response: ServerResponse,
  client: { name: string; redirectUris: string[] },
  issuer: string,
  extraNames: string[] = [],
): AuthorizationRequest | null {
  const redirectUri = single(params, 'redirect_uri');
  if (redirectUri === null || redirectUri === 'repeated' || !client.redirectUris.includes(redirectUri)) {
    errorPage(response, 400, `${client.name} bad om at sende dig tilbage til en adresse, der ikke er registreret for tjenesten.`);
    return null;
  }
  // A repeated state is refused (below) and none is sent back: which of them is the client's own?
  const given = single(params, 'state');
  const state = given === 'repeated' ? null : given;
  const back = (error: string, description: string) => redirectBack(response, { redirectUri, state }, issuer, { error, error_description: description });
  const responseType = single(params, 'response_type');
  const challenge = single(params, 'code_challenge');
  const method = single(params, 'code_challenge_method');
  const scope = single(params, 'scope');
  const extra = Object.fromEntries(extraNames.map((name) => [name, single(params, name)]));
  if ([given, responseType, challenge, method, scope, ...Object.values(extra)].includes('repeated')) {
    back('invalid_request', 'a parameter was given more than once');
    return null;
  }
  if (responseType !== 'code') {
    back('unsupported_response_type', 'only response_type=code');
    return null;
  }
  if (challenge === null || method !== 'S256' || !challengePattern.test(challenge)) {
    back('invalid_request', 'PKCE is required: code_challenge (43 characters) with code_challenge_method=S256');
    return null;
  }
  return { redirectUri, state, challenge, scope, extra, back };
}

/**
 * A code's redemption at /token (RFC 6749 §4.1.3, RFC 7636 §4.6), once the client and a reused code
 * are dealt with: the code must be known and unexpired; it is used up whatever follows (`used`
 * remembers it), so a wrong verifier costs it too; then the same client and redirect URI, and the
 * verifier. Null when refused.
 */
export function redeemCode<T extends { clientId: string; redirectUri: string; challenge: string; expiresAt: number }>(
  codes: Map<string, T>,
  code: string | null,
  clientId: string,
  field: (name: string) => string | null,
  at: number,
  used: (code: string, issued: T) => void,
  refuse: (status: number, error: string, description: string) => void,
): T | null {
  const issued = code === null ? undefined : codes.get(code);
  if (!issued || code === null || issued.expiresAt <= at) {
    refuse(400, 'invalid_grant', 'unknown or expired code');
    return null;
  }
  codes.delete(code);
  used(code, issued);
  if (issued.clientId !== clientId || issued.redirectUri !== field('redirect_uri')) {
    refuse(400, 'invalid_grant', 'the code was issued to another client or redirect_uri');
    return null;
  }
  if (!verifierMatches(field('code_verifier'), issued.challenge)) {
    refuse(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
    return null;
  }
  return issued;
}

export async function readForm(request: IncomingMessage): Promise<URLSearchParams | null> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxFormBytes) return null;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Day counts the citizen may choose from, up to the service's longest. */
const dayChoices = (maxDays: number) => [...new Set([1, 7, 30, 90, 180, 365].filter((days) => days < maxDays).concat(maxDays))];

async function graphql<T>(url: string, token: string, documentId: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ documentId, variables }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as { data?: T | null; errors?: { extensions?: { code?: string } }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`the gateway refused (${response.status} ${body.errors?.map((error) => error.extensions?.code).join(',') ?? ''})`);
  }
  return body.data;
}

/** The registered operations (clients/generated/persisted-documents.json), sent by id, as production takes them. */
const registered = persistedOperationsByName(new Map(Object.entries(manifest)));
const grantConsent = registered.GrantConsent!.id;
const withdrawConsent = registered.WithdrawConsent!.id;

export function createConsentFlow(options: ConsentFlowOptions) {
  const now = () => options.now?.() ?? Date.now();
  const pending = new Map<string, PendingRequest>();
  const codes = new Map<string, IssuedCode>();
  const usedCodes = new Map<string, IssuedCode & { forgetAt: number }>();
  const newId = () => randomBytes(32).toString('base64url');

  /** Drops what has expired, so the maps stay small. */
  function sweep(): void {
    const at = now();
    for (const [id, request] of pending) if (request.expiresAt <= at) pending.delete(id);
    for (const [code, issued] of codes) if (issued.expiresAt <= at) codes.delete(code);
    for (const [code, used] of usedCodes) if (used.forgetAt <= at) usedCodes.delete(code);
  }

  /** GET /authorize: checks the request, then shows the consent page. */
  function authorize(url: URL, response: ServerResponse): void {
    sweep();
    const params = url.searchParams;
    const clientId = single(params, 'client_id');
    const service = typeof clientId === 'string' && clientId !== 'repeated' ? externalService(clientId) : undefined;
    // Until client and redirect URI are known good, nothing is sent anywhere.
    if (!service || clientId === null || clientId === 'repeated') {
      errorPage(response, 400, 'Tjenesten er ikke registreret til at bede om dit samtykke.');
      return;
    }
    const checked = checkAuthorizationRequest(params, response, service, options.issuer());
    if (!checked) return;
    const { redirectUri, state, challenge, scope, back } = checked;
    const asked = (scope ?? '').split(' ').filter(Boolean);
    const areas = asked.length === 0 ? null : withinService(service, asked);
    if (!areas) {
      back('invalid_scope', `scope must be one or more of the areas the service is registered for: ${service.areas.join(' ')}`);
      return;
    }
    const id = newId();
    pending.set(id, { clientId, service, redirectUri, state, challenge, areas, expiresAt: now() + pendingLifetimeMs });
    sendPage(response, 200, consentPage(id, service, areas), [new URL(redirectUri).origin]);
  }

  function consentPage(id: string, service: ExternalService, areas: ConsentArea[]): string {
    const name = escapeHtml(service.name);
    const areaItems = areas
      .map(
        (area) =>
          `<label><input type="checkbox" name="areas" value="${area}" checked> <strong>${areaNamesDa[area].name}</strong>: ${escapeHtml(areaNamesDa[area].what)}</label><br>`,
      )
      .join('\n');
    const days = dayChoices(service.maxDays)
      .map((count) => `<option value="${count}"${count === service.maxDays ? ' selected' : ''}>${daysDa(count)}</option>`)
      .join('');
    const people = personaChoices.map((persona) => `<option value="${escapeHtml(persona.key)}">${escapeHtml(persona.name)}</option>`).join('');
    return page(
      `Samtykke til ${service.name}`,
      `<h1>Vil du give ${name} adgang til dine oplysninger?</h1>
<form method="post" action="/authorize">
<input type="hidden" name="request" value="${id}">
<fieldset><legend>Hvem er du?</legend>
<p class="note">I udviklingsmiljøet vælger du en testperson i stedet for at logge ind med MitID.</p>
<select name="persona" required>${people}</select>
</fieldset>
<fieldset><legend>Hvilke oplysninger</legend>
<p>${name} beder om at måtte læse:</p>
${areaItems}
<p class="note">Fjern fluebenet ved det, du ikke vil dele. Tjenesten får ikke dit CPR-nummer, din adresse eller listen over, hvem der har set dine oplysninger.</p>
</fieldset>
<fieldset><legend>Hvorfor</legend>
<p>${escapeHtml(service.purpose)}</p>
</fieldset>
<fieldset><legend>Hvor længe</legend>
<p><select name="days">${days}</select> (højst ${daysDa(service.maxDays)}). Du kan altid trække samtykket tilbage under dine samtykker, og så stopper adgangen inden for få sekunder.</p>
</fieldset>
<p><button type="submit" name="decision" value="approve">Giv samtykke</button><button type="submit" name="decision" value="deny">Afvis</button></p>
</form>`,
    );
  }

  /** POST /authorize: the citizen's answer. */
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    sweep();
    const answered = await takeAnswered(request, pending);
    if (!answered) {
      errorPage(response, 400, 'Forespørgslen om samtykke er ukendt eller udløbet.');
      return;
    }
    const { form, asked } = answered;
    const back = (params: Record<string, string>) => redirectBack(response, asked, options.issuer(), params);
    if (single(form, 'decision') !== 'approve') {
      back({ error: 'access_denied', error_description: 'the citizen did not consent' });
      return;
    }
    const persona = personaChoices.find((each) => each.key === single(form, 'persona'));
    const areas = asked.areas.filter((area) => form.getAll('areas').includes(area));
    const days = Number(single(form, 'days'));
    if (!persona || areas.length === 0 || !Number.isInteger(days) || days < 1 || days > asked.service.maxDays) {
      errorPage(response, 400, 'Vælg en person, mindst ét område og en gyldig periode. Start forfra fra tjenesten.');
      return;
    }
    const gateway = options.gatewayUrl();
    if (!gateway) {
      back({ error: 'temporarily_unavailable', error_description: 'consents cannot be recorded now' });
      return;
    }
    let consent: { id: string; areas: string[]; validUntil: string };
    try {
      const token = await options.citizenToken(persona.cpr);
      consent = (
        await graphql<{ grantConsent: typeof consent }>(gateway, token, grantConsent, {
          clientId: asked.clientId,
          areas,
          days,
          purpose: asked.service.purpose,
        })
      ).grantConsent;
    } catch {
      back({ error: 'server_error', error_description: 'the consent could not be recorded' });
      return;
    }
    const code = newId();
    codes.set(code, {
      clientId: asked.clientId,
      redirectUri: asked.redirectUri,
      challenge: asked.challenge,
      consentId: consent.id,
      areas: consentAreas.filter((area) => consent.areas.includes(area)),
      validUntil: Date.parse(consent.validUntil),
      subjectCpr: persona.cpr,
      expiresAt: now() + codeLifetimeMs,
    });
    back({ code });
  }

  /** A code seen a second time: the consent it gave is withdrawn, as the citizen would (best effort). */
  async function withdrawAfterReuse(used: IssuedCode): Promise<void> {
    const gateway = options.gatewayUrl();
    if (!gateway) return;
    await graphql(gateway, await options.citizenToken(used.subjectCpr), withdrawConsent, { id: used.consentId }).catch(() => undefined);
  }

  /** POST /token: a code and its verifier for an access token. */
  async function token(request: IncomingMessage, response: ServerResponse): Promise<void> {
    await exchangeCode(await readForm(request), response);
  }

  /** The code exchange on a form already read (the issuer's token endpoint routes service codes here). */
  async function exchangeCode(form: URLSearchParams | null, response: ServerResponse): Promise<void> {
    sweep();
    const refuse = (status: number, error: string, description: string) => json(response, status, { error, error_description: description });
    if (!form) {
      refuse(400, 'invalid_request', 'send application/x-www-form-urlencoded');
      return;
    }
    const field = (name: string) => {
      const value = single(form, name);
      return value === 'repeated' ? null : value;
    };
    if (field('grant_type') !== 'authorization_code') {
      refuse(400, 'unsupported_grant_type', 'only authorization_code');
      return;
    }
    const clientId = field('client_id');
    if (clientId === null || !externalService(clientId)) {
      refuse(401, 'invalid_client', 'unknown client');
      return;
    }
    const code = field('code');
    const used = code === null ? undefined : usedCodes.get(code);
    if (used) {
      await withdrawAfterReuse(used);
      refuse(400, 'invalid_grant', 'the code was used before; the consent it gave is withdrawn');
      return;
    }
    const issued = redeemCode(codes, code, clientId, field, now(), (spent, redeemed) => usedCodes.set(spent, { ...redeemed, forgetAt: now() + usedCodeMemoryMs }), refuse);
    if (!issued) return;
    const expiresIn = Math.min(accessTokenSeconds, Math.floor((issued.validUntil - now()) / 1000));
    if (expiresIn <= 0) {
      refuse(400, 'invalid_grant', 'the consent has ended');
      return;
    }
    const accessToken = await options.serviceToken({
      clientId,
      consentId: issued.consentId,
      scopes: issued.areas,
      subjectCpr: issued.subjectCpr,
      expiresIn,
    });
    json(response, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope: issued.areas.join(' ') });
  }

  /** Handles the flow's paths; false for any other, which the issuer answers itself. */
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://issuer.invalid');
    if (url.pathname === '/authorize' && request.method === 'GET') authorize(url, response);
    else if (url.pathname === '/authorize' && request.method === 'POST') await answer(request, response);
    else if (url.pathname === '/token' && request.method === 'POST') await token(request, response);
    else return false;
    return true;
  };
  return Object.assign(handle, { exchangeCode });
}
