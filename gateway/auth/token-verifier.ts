import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { GatewayConfig } from '../../lib/config';
import { appError } from '../../lib/errors';
import { cprSchema } from '../../lib/index-wire';

/** A verified citizen, as the gateway knows them after checking the token. */
export interface VerifiedCitizen {
  kind: 'citizen';
  cpr: string;
  assurance: 'Low' | 'Substantial' | 'High';
  tokenId: string | undefined;
}

export type VerifiedCaller = VerifiedCitizen;

/** Each failure gets a plain reason the client can act on; none echoes the token. */
function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'The access token was issued for another audience.';
    if (error.claim === 'iss') return 'The access token comes from an issuer this service does not trust.';
    if (error.claim === 'nbf') return 'The access token is not valid yet.';
    return `The access token's "${error.claim}" claim is missing or invalid.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "The access token's signature algorithm is not allowed.";
  if (error instanceof errors.JWKSNoMatchingKey) return 'The access token was signed with an unknown key.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The access token's signature is not valid.";
  return 'The access token is malformed.';
}

export type TokenVerifier = (authorization: string | undefined) => Promise<VerifiedCaller>;

export function createTokenVerifier(
  auth: GatewayConfig['auth'],
  keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(auth.jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 }),
): TokenVerifier {
  // Claim names differ per identity broker, so they come from configuration.
  const citizenClaims = z.object({
    [auth.cprClaim]: cprSchema,
    [auth.assuranceClaim]: z.enum(['Low', 'Substantial', 'High']),
  });

  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
    if (!match) throw appError('UNAUTHENTICATED', { message: 'Send an access token as "Authorization: Bearer <token>".' });
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        issuer: auth.issuer,
        audience: auth.audience,
        algorithms: auth.algorithms,
        clockTolerance: auth.clockSkewSeconds,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      throw appError('UNAUTHENTICATED', { message: reasonFor(error) });
    }
    const claims = citizenClaims.safeParse(payload);
    if (!claims.success) throw appError('UNAUTHENTICATED', { message: 'The access token does not identify a citizen.' });
    return {
      kind: 'citizen',
      cpr: claims.data[auth.cprClaim] as string,
      assurance: claims.data[auth.assuranceClaim] as VerifiedCitizen['assurance'],
      tokenId: payload.jti,
    };
  };
}
