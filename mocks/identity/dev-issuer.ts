import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, SignJWT, type JWK } from 'jose';
import { settings } from '../../lib/config';
import { consentAreas } from '../../lib/external-services';
import { createConsentFlow, personaChoices } from './consent-flow';
import { createOAuthServer, oauthClients, oauthMetadata } from './oauth-server';
import { personaByCitizenId } from './persona-hints';
import { applyTokenCors, publicClientOrigins } from './token-cors';
import devKey from './dev-signing-key.json';

/**
 * The local stand-in for MitID via NemLog-in: signs tokens with a committed development key and
 * publishes its public half as a JWKS, so the gateway verifies exactly as it would in production.
 */
const { $comment: _comment, ...privateJwk } = devKey;
const { d: _private, ...publicJwk } = privateJwk;
export const devPublicJwks = { keys: [publicJwk] };

export const devIssuerDefaults = {
  issuer: settings.AUTH_ISSUER.default,
  audience: settings.AUTH_AUDIENCE.default,
  cprClaim: settings.AUTH_CLAIM_CPR.default,
  cvrClaim: settings.AUTH_CLAIM_CVR.default,
  assuranceClaim: settings.AUTH_CLAIM_ASSURANCE.default,
};

export interface MintOptions {
  issuer?: string;
  audience?: string;
  assurance?: 'Low' | 'Substantial' | 'High';
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number;
  /** Seconds from now before which the token is not valid. */
  notBefore?: number;
  /** Sign with another key (tests of forged tokens). */
  key?: { jwk: JWK; kid: string; alg: string };
  extraClaims?: Record<string, unknown>;
}

/** Who a development token is for. */
export type TokenSubject =
  | { kind: 'citizen'; cpr: string }
  | { kind: 'proxy'; holderCpr: string; subjectCpr: string }
  /** An organisation (MitID Erhverv) acting for a citizen under a proxy it holds. */
  | { kind: 'organisationProxy'; cvr: string; subjectCpr: string }
  /** An organisation's own login, with no citizen behind it. */
  | { kind: 'organisation'; cvr: string }
  | { kind: 'chatbot'; clientId: string; subjectCpr: string }
  | { kind: 'partner'; clientId: string; organisation: string }
  | { kind: 'staff'; employeeId: string; municipality: string }
  /** An external service on a citizen's consent (authorization code with PKCE): the consent, its areas, no CPR. */
  | { kind: 'service'; clientId: string; consentId: string; scopes: readonly string[]; subjectCpr: string };

/** A stable subject that is not the CPR, like NemLog-in's person UUID. */
const personSubject = (cpr: string) => createHash('sha256').update(`dev-subject:${cpr}`).digest('hex').slice(0, 32);
/** A CVR number is public, so an organisation's subject may name it. */
const organisationSubject = (cvr: string) => `cvr:${cvr}`;
/** Pairwise: each service knows the citizen by a subject of its own, so two services cannot match theirs. */
const serviceSubject = (clientId: string, cpr: string) => createHash('sha256').update(`dev-subject:${clientId}:${cpr}`).digest('hex').slice(0, 32);

function claimsFor(subject: TokenSubject, assurance: string): { sub: string; claims: Record<string, unknown> } {
  const { cprClaim, cvrClaim, assuranceClaim } = devIssuerDefaults;
  /** RFC 8693 delegation: the subject is the represented citizen, `act` whoever acts for them. */
  const delegated = (subjectCpr: string, act: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    sub: personSubject(subjectCpr),
    claims: { [cprClaim]: subjectCpr, [assuranceClaim]: assurance, ...extra, act },
  });
  switch (subject.kind) {
    case 'citizen':
      return { sub: personSubject(subject.cpr), claims: { [cprClaim]: subject.cpr, [assuranceClaim]: assurance } };
    case 'proxy':
      return delegated(subject.subjectCpr, { sub: personSubject(subject.holderCpr), [cprClaim]: subject.holderCpr });
    case 'organisationProxy':
      return delegated(subject.subjectCpr, { sub: organisationSubject(subject.cvr), [cvrClaim]: subject.cvr });
    case 'organisation':
      return { sub: organisationSubject(subject.cvr), claims: { [cvrClaim]: subject.cvr, [assuranceClaim]: assurance } };
    case 'chatbot':
      return delegated(subject.subjectCpr, { sub: subject.clientId, client_id: subject.clientId }, { scope: 'citizen-context' });
    case 'partner':
      return { sub: subject.clientId, claims: { client_id: subject.clientId, org_id: subject.organisation, scope: 'shared-appointments' } };
    case 'staff':
      return {
        sub: subject.employeeId,
        claims: { municipality_code: subject.municipality, [assuranceClaim]: assurance, scope: 'verification' },
      };
    case 'service':
      return {
        sub: serviceSubject(subject.clientId, subject.subjectCpr),
        claims: { client_id: subject.clientId, consent_id: subject.consentId, scope: subject.scopes.join(' ') },
      };
  }
}

/** An access token as the identity broker (or, for clients, the authorization server) issues it. */
export async function mintToken(subject: TokenSubject, options: MintOptions = {}): Promise<string> {
  const key = options.key ?? { jwk: privateJwk as JWK, kid: privateJwk.kid, alg: privateJwk.alg };
  const now = Math.floor(Date.now() / 1000);
  const { sub, claims } = claimsFor(subject, options.assurance ?? 'Substantial');
  const jwt = new SignJWT({ ...claims, ...options.extraClaims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? devIssuerDefaults.issuer)
    .setAudience(options.audience ?? devIssuerDefaults.audience)
    .setSubject(sub)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 3600));
  if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(await importJWK(key.jwk, key.alg));
}

export function mintCitizenToken(cpr: string, options: MintOptions = {}): Promise<string> {
  return mintToken({ kind: 'citizen', cpr }, options);
}

export interface RunningIssuer {
  url: string;
  jwksUrl: string;
  /** Where the consent page records consents (the gateway's GraphQL URL), when it was not known at start. */
  useGateway(graphqlUrl: string): void;
  close(): Promise<void>;
}

/**
 * Serves the JWKS (and a minimal discovery document) over real HTTP, and the authorization-code
 * flow with PKCE by which external services get a citizen's consent (consent-flow.ts).
 */
export async function startDevIssuer(
  options: {
    host?: string;
    port?: number;
    gatewayUrl?: string;
    /** `iss` of the tokens the consent flow signs; default the issuer's own URL (in a container, what the gateway expects instead). */
    issuer?: string;
    /** The gateway's pseudonym key (base64url), to know a persona by the citizen id a page hints at; default the development key. */
    pseudonymKey?: string;
  } = {},
): Promise<RunningIssuer> {
  const host = options.host ?? '127.0.0.1';
  let issuerUrl = '';
  let gatewayUrl = options.gatewayUrl ?? null;
  const iss = () => options.issuer ?? issuerUrl;
  const consentFlow = createConsentFlow({
    issuer: iss,
    gatewayUrl: () => gatewayUrl,
    // A login of a minute, only to record the consent: what MitID would give the citizen here.
    citizenToken: (cpr) => mintCitizenToken(cpr, { issuer: iss(), expiresIn: 60 }),
    serviceToken: ({ expiresIn, ...grant }) => mintToken({ kind: 'service', ...grant }, { issuer: iss(), expiresIn }),
  });
  const oauth = createOAuthServer({
    issuer: iss,
    audience: devIssuerDefaults.audience,
    cprClaim: devIssuerDefaults.cprClaim,
    publicJwks: devPublicJwks,
    mint: (subject, expiresIn) => mintToken(subject, { issuer: iss(), expiresIn }),
    personaHint: personaByCitizenId(personaChoices, Buffer.from(options.pseudonymKey ?? settings.PSEUDONYM_KEY.default, 'base64url')),
  });
  const browserOrigins = publicClientOrigins(oauthClients);
  /** The platform's own clients (oauth-server.ts) first; an external service's requests are the consent flow's. */
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://issuer.invalid');
    if (url.pathname === '/authorize' && request.method === 'GET' && oauth.ownsAuthorize(url)) oauth.authorize(url, response);
    else if (url.pathname === '/login' && request.method === 'POST') await oauth.login(request, response);
    else if (url.pathname === '/token' && (request.method === 'POST' || request.method === 'OPTIONS')) {
      if (!applyTokenCors(browserOrigins, request, response)) await oauth.token(request, response, (form) => consentFlow.exchangeCode(form, response));
    } else return consentFlow(request, response);
    return true;
  };
  const server = createServer((request, response) => {
    route(request, response)
      .then((handled) => {
        if (handled) return;
        const documents: Record<string, unknown> = {
          '/.well-known/jwks.json': devPublicJwks,
          // `issuer` is what the tokens carry (RFC 8414 §3.3); the endpoints are where this server listens.
          '/.well-known/openid-configuration': { issuer: iss(), jwks_uri: `${issuerUrl}/.well-known/jwks.json`, ...oauthMetadata(issuerUrl, consentAreas) },
        };
        const document = documents[request.url ?? ''];
        response.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify(document ?? { error: 'not found' }));
      })
      .catch(() => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'server_error' }));
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  issuerUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url: issuerUrl,
    jwksUrl: `${issuerUrl}/.well-known/jwks.json`,
    useGateway: (graphqlUrl) => {
      gatewayUrl = graphqlUrl;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
