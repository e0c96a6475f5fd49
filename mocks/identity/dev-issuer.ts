import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, SignJWT, type JWK } from 'jose';
import { settings } from '../../lib/config';
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

/** A citizen's access token as a NemLog-in broker would issue it (OIOSAML 3 claim names). */
export async function mintCitizenToken(cpr: string, options: MintOptions = {}): Promise<string> {
  const key = options.key ?? { jwk: privateJwk as JWK, kid: privateJwk.kid, alg: privateJwk.alg };
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({
    [devIssuerDefaults.cprClaim]: cpr,
    [devIssuerDefaults.assuranceClaim]: options.assurance ?? 'Substantial',
    ...options.extraClaims,
  })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? devIssuerDefaults.issuer)
    .setAudience(options.audience ?? devIssuerDefaults.audience)
    // A stable subject that is not the CPR, like NemLog-in's person UUID.
    .setSubject(createHash('sha256').update(`dev-subject:${cpr}`).digest('hex').slice(0, 32))
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 3600));
  if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(await importJWK(key.jwk, key.alg));
}

export interface RunningIssuer {
  url: string;
  jwksUrl: string;
  close(): Promise<void>;
}

/** Serves the JWKS (and a minimal discovery document) over real HTTP. */
export async function startDevIssuer(options: { host?: string; port?: number } = {}): Promise<RunningIssuer> {
  const host = options.host ?? '127.0.0.1';
  let issuerUrl = '';
  const server = createServer((request, response) => {
    const documents: Record<string, unknown> = {
      '/.well-known/jwks.json': devPublicJwks,
      '/.well-known/openid-configuration': { issuer: issuerUrl, jwks_uri: `${issuerUrl}/.well-known/jwks.json` },
    };
    const document = documents[request.url ?? ''];
    response.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(document ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  issuerUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url: issuerUrl,
    jwksUrl: `${issuerUrl}/.well-known/jwks.json`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
