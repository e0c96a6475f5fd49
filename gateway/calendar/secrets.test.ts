import { randomBytes } from 'node:crypto';
import { newToken, openCpr, sealCpr, tokenHash, tokenPattern } from './secrets';

describe("a calendar link's secrets", () => {
  const keys = { current: 'k2', keys: { k2: randomBytes(32), k1: randomBytes(32) } };

  it('makes tokens of 32 random bytes in base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, newToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(tokenPattern);
    expect(Buffer.from([...tokens][0], 'base64url')).toHaveLength(32);
  });

  it('stores a token as its SHA-256 in hex', () => {
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('seals the CPR number so that only the same link, under a key of the ring, opens it', () => {
    const sealed = sealCpr('1503721233', 'link-1', keys);
    expect(sealed).not.toContain('1503721233');
    expect(sealed.startsWith('k2.')).toBe(true);
    expect(openCpr(sealed, 'link-1', keys)).toBe('1503721233');
    expect(openCpr(sealed, 'link-2', keys)).toBeNull();
    expect(openCpr(sealed, 'link-1', { current: 'k1', keys: { k1: keys.keys.k1 } })).toBeNull();
    expect(openCpr('garbage', 'link-1', keys)).toBeNull();
  });

  it('still opens what an older key of the ring sealed', () => {
    const sealed = sealCpr('1503721233', 'link-1', { current: 'k1', keys: { k1: keys.keys.k1 } });
    expect(openCpr(sealed, 'link-1', keys)).toBe('1503721233');
  });
});
