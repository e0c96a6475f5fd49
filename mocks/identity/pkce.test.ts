import { randomBytes } from 'node:crypto';
import { s256Challenge, verifierMatches } from './pkce';

describe('PKCE with S256', () => {
  // RFC 7636, Appendix B.
  const rfcVerifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const rfcChallenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('hashes the verifier as the RFC example does', () => {
    expect(s256Challenge(rfcVerifier)).toBe(rfcChallenge);
  });

  it('accepts the verifier whose hash is the challenge', () => {
    expect(verifierMatches(rfcVerifier, rfcChallenge)).toBe(true);
    const verifier = randomBytes(32).toString('base64url');
    expect(verifierMatches(verifier, s256Challenge(verifier))).toBe(true);
  });

  it('refuses another verifier, even one differing in a single character', () => {
    expect(verifierMatches(`${rfcVerifier.slice(0, -1)}p`, rfcChallenge)).toBe(false);
    expect(verifierMatches(randomBytes(32).toString('base64url'), rfcChallenge)).toBe(false);
  });

  it('refuses the challenge itself sent as the verifier (the plain method is not offered)', () => {
    expect(verifierMatches(rfcChallenge, rfcChallenge)).toBe(false);
  });

  it('refuses verifiers that are too short, too long, of other characters or missing', () => {
    const short = 'a'.repeat(42);
    const long = 'a'.repeat(129);
    expect(verifierMatches(short, s256Challenge(short))).toBe(false);
    expect(verifierMatches(long, s256Challenge(long))).toBe(false);
    const spaced = `${'a'.repeat(42)} `;
    expect(verifierMatches(spaced, s256Challenge(spaced))).toBe(false);
    expect(verifierMatches(undefined, rfcChallenge)).toBe(false);
    expect(verifierMatches(['x'], rfcChallenge)).toBe(false);
  });

  it('refuses a malformed challenge', () => {
    expect(verifierMatches(rfcVerifier, `${rfcChallenge}=`)).toBe(false);
    expect(verifierMatches(rfcVerifier, '')).toBe(false);
  });
});
