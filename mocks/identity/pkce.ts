import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Proof Key for Code Exchange (RFC 7636), S256 only: the service keeps a random `code_verifier`,
 * sends its SHA-256 (`code_challenge`) with the authorization request, and must show the verifier
 * itself to exchange the code, so a code caught on its way back to the service is worth nothing.
 */

/** 43-128 characters of the unreserved set (RFC 7636 §4.1): at least 256 bits from a good generator. */
export const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;
/** BASE64URL(SHA-256(verifier)) without padding: always 43 characters. */
export const challengePattern = /^[A-Za-z0-9_-]{43}$/;

export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Whether the verifier is well-formed and hashes to the challenge (compared in constant time). */
export function verifierMatches(verifier: unknown, challenge: string): boolean {
  if (typeof verifier !== 'string' || !verifierPattern.test(verifier) || !challengePattern.test(challenge)) return false;
  return timingSafeEqual(Buffer.from(s256Challenge(verifier)), Buffer.from(challenge));
}
