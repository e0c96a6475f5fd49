import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { GatewayConfig } from '../../lib/config';
import { appError, type AppErrorDetails } from '../../lib/errors';
import type { MessageKey } from '../../lib/i18n/messages';
import { externalService, withinService, type ConsentArea } from '../../lib/external-services';
import { cprSchema } from '../../lib/index-wire';
import clientNames from '../../config/clients.json';
import { VerifiedTokens } from './verified-tokens';

/** The chatbots registered to act for citizens (config/clients.json); any other client id is refused. */
const chatbots = new Set(Object.keys(clientNames.clients));

export type Assurance = 'Low' | 'Substantial' | 'High';

/** A proxy holder: a person by CPR, or an organisation (a law firm, a care home) by CVR. */
export type Holder = { type: 'PERSON'; cpr: string } | { type: 'ORGANISATION'; cvr: string };

/**
 * Who called, as the token proves it. Delegation follows RFC 8693: the token's subject is the
 * citizen whose data is asked for, and an `act` claim names whoever acts for them (a proxy
 * holder by CPR or CVR, or a chatbot by client id). An organisation's own login names only its
 * CVR. Client-credentials tokens (RFC 9068) name a client and, for partners, an organisation;
 * staff tokens name a municipality. An external service's token (authorization code with PKCE,
 * RFC 9068) names the service, the citizen's consent and its areas, and no one else: whose data it
 * reads is the consent's business, checked on every request.
 */
export type VerifiedCaller =
  | { kind: 'citizen'; subjectCpr: string; assurance: Assurance }
  | { kind: 'proxy'; holder: Holder; subjectCpr: string; assurance: Assurance }
  | { kind: 'organisation'; cvr: string; assurance: Assurance }
  | { kind: 'chatbot'; clientId: string; subjectCpr: string; assurance: Assurance }
  | { kind: 'partner'; clientId: string; organisation: string }
  | { kind: 'staff'; employeeId: string; municipality: string; assurance: Assurance }
  | { kind: 'service'; clientId: string; consentId: string; scopes: ConsentArea[] };

export type TokenVerifier = (authorization: string | undefined) => Promise<VerifiedCaller>;

/** Each failure gets a plain reason the client can act on; none echoes the token. */
function reasonFor(error: unknown): AppErrorDetails {
  if (error instanceof errors.JWTExpired) return { detail: 'error.tokenExpired' };
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return { detail: 'error.tokenAudience' };
    if (error.claim === 'iss') return { detail: 'error.tokenIssuer' };
    if (error.claim === 'nbf') return { detail: 'error.tokenNotYetValid' };
    return { detail: 'error.tokenClaim', params: { claim: error.claim } };
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return { detail: 'error.tokenAlgorithm' };
  if (error instanceof errors.JWKSNoMatchingKey) return { detail: 'error.tokenUnknownKey' };
  if (error instanceof errors.JWSSignatureVerificationFailed) return { detail: 'error.tokenSignature' };
  return { detail: 'error.tokenMalformed' };
}

const scopes = (payload: JWTPayload): string[] => (typeof payload.scope === 'string' ? payload.scope.split(' ') : []);

export function createTokenVerifier(
  auth: GatewayConfig['auth'],
  keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(auth.jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 }),
  verified = new VerifiedTokens<VerifiedCaller>(auth.verifiedTokenSeconds * 1000),
): TokenVerifier {
  // Claim names differ per identity broker, so the person and organisation claims come from configuration.
  const assurance = z.enum(['Low', 'Substantial', 'High']);
  const person = z.object({ [auth.cprClaim]: cprSchema, [auth.assuranceClaim]: assurance });
  const cvr = z.string().regex(/^\d{8}$/);
  const organisation = z.object({ [auth.cvrClaim]: cvr, [auth.assuranceClaim]: assurance });
  const actingPerson = z.object({ [auth.cprClaim]: cprSchema });
  const actingOrganisation = z.object({ [auth.cvrClaim]: cvr });
  const actingClient = z.object({ client_id: z.string().min(1) });
  const partner = z.object({ client_id: z.string().min(1), org_id: z.string().min(1) });
  const staff = z.object({ sub: z.string().min(1), municipality_code: z.string().regex(/^\d{3}$/), [auth.assuranceClaim]: assurance });

  const refuse = (detail: MessageKey) => appError('UNAUTHENTICATED', { detail });
  const consented = z.object({ client_id: z.string().min(1), consent_id: z.string().min(1).max(64) });

  /**
   * A token on a citizen's consent: a registered service, only areas it is registered for, and no
   * person, organisation or actor beside it (a consent id must not widen someone's own token).
   */
  function serviceCaller(payload: JWTPayload, granted: string[]): VerifiedCaller {
    const claims = consented.safeParse(payload);
    const service = claims.success ? externalService(claims.data.client_id) : undefined;
    const others = [auth.cprClaim, auth.cvrClaim, 'act', 'org_id', 'municipality_code'].some((claim) => payload[claim] !== undefined);
    const areas = service && granted.length > 0 ? withinService(service, granted) : null;
    if (!claims.success || others || !areas) throw refuse('error.tokenConsentClaims');
    return { kind: 'service', clientId: claims.data.client_id, consentId: claims.data.consent_id, scopes: areas };
  }

  function classify(payload: JWTPayload): VerifiedCaller {
    const granted = scopes(payload);
    if (payload.consent_id !== undefined) return serviceCaller(payload, granted);
    if (granted.includes('shared-appointments')) {
      const claims = partner.safeParse(payload);
      if (!claims.success) throw refuse('error.tokenPartnerClaims');
      return { kind: 'partner', clientId: claims.data.client_id, organisation: claims.data.org_id };
    }
    if (granted.includes('verification')) {
      const claims = staff.safeParse(payload);
      if (!claims.success) throw refuse('error.tokenStaffClaims');
      return {
        kind: 'staff',
        employeeId: claims.data.sub,
        municipality: claims.data.municipality_code,
        assurance: claims.data[auth.assuranceClaim] as Assurance,
      };
    }
    const subject = person.safeParse(payload);
    if (!subject.success) {
      // No citizen named: an organisation's own login, which only lists whom it acts for.
      const login = organisation.safeParse(payload);
      if (login.success && payload.act === undefined) {
        return { kind: 'organisation', cvr: login.data[auth.cvrClaim] as string, assurance: login.data[auth.assuranceClaim] as Assurance };
      }
      throw refuse('error.tokenNoCitizen');
    }
    const subjectCpr = subject.data[auth.cprClaim] as string;
    const level = subject.data[auth.assuranceClaim] as Assurance;
    if (payload.act === undefined) return { kind: 'citizen', subjectCpr, assurance: level };
    const act = payload.act as Record<string, unknown>;
    // One actor only: a chain (an actor acting for an actor) would hide who really acts.
    if (typeof act !== 'object' || act === null || 'act' in act) throw refuse('error.tokenDelegationChain');
    // Whoever else the actor claims to be, a person or an organisation named in it is a proxy
    // holder, checked against Digital Fuldmagt: a client id must not turn a holder into a chatbot.
    const byCpr = actingPerson.safeParse(act);
    if (byCpr.success) return { kind: 'proxy', holder: { type: 'PERSON', cpr: byCpr.data[auth.cprClaim] as string }, subjectCpr, assurance: level };
    const byCvr = actingOrganisation.safeParse(act);
    if (byCvr.success) return { kind: 'proxy', holder: { type: 'ORGANISATION', cvr: byCvr.data[auth.cvrClaim] as string }, subjectCpr, assurance: level };
    const client = actingClient.safeParse(act);
    if (client.success) {
      if (!chatbots.has(client.data.client_id) || !granted.includes('citizen-context')) {
        throw refuse('error.tokenUnregisteredClient');
      }
      return { kind: 'chatbot', clientId: client.data.client_id, subjectCpr, assurance: level };
    }
    throw refuse('error.tokenNoActor');
  }

  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
    if (!match) throw refuse('error.tokenMissing');
    const key = verified.keyOf(match[1]);
    const known = verified.get(key);
    if (known) return known;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        issuer: auth.issuer,
        audience: auth.audience,
        algorithms: auth.algorithms,
        clockTolerance: auth.clockSkewSeconds,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      throw appError('UNAUTHENTICATED', reasonFor(error));
    }
    const caller = classify(payload);
    verified.keep(key, caller, payload.exp!);
    return caller;
  };
}
