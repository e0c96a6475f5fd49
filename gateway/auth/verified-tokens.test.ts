import { VerifiedTokens } from './verified-tokens';

const thomas = { kind: 'citizen', subjectCpr: '1503721233', assurance: 'Substantial' } as const;

function memo(keepMs = 60_000, maxEntries = 10_000) {
  let now = 1_000_000_000_000;
  const tokens = new VerifiedTokens<object>(keepMs, maxEntries, () => now);
  return { tokens, advance: (ms: number) => (now += ms), inSeconds: (seconds: number) => now / 1000 + seconds };
}

describe('the verified tokens', () => {
  it("remembers a caller until the token's expiry", () => {
    const { tokens, advance, inSeconds } = memo();
    tokens.keep('a', { ...thomas }, inSeconds(30));
    advance(29_999);
    expect(tokens.get('a')).toEqual(thomas);
    advance(1);
    expect(tokens.get('a')).toBeUndefined();
  });

  it('forgets a caller after the longest it may be remembered, however long the token lives', () => {
    const { tokens, advance, inSeconds } = memo(60_000);
    tokens.keep('a', { ...thomas }, inSeconds(3_600));
    advance(60_000);
    expect(tokens.get('a')).toBeUndefined();
  });

  it('remembers nothing when told to keep nothing', () => {
    const { tokens, inSeconds } = memo(0);
    tokens.keep('a', { ...thomas }, inSeconds(30));
    expect(tokens.get('a')).toBeUndefined();
  });

  it('lets the oldest caller go when full', () => {
    const { tokens, inSeconds } = memo(60_000, 2);
    for (const key of ['a', 'b', 'c']) tokens.keep(key, { ...thomas }, inSeconds(30));
    expect([tokens.get('a'), tokens.get('b'), tokens.get('c')]).toEqual([undefined, thomas, thomas]);
  });

  it('hands out a caller no request can change for the next', () => {
    const { tokens, inSeconds } = memo();
    tokens.keep('a', { ...thomas, holder: { cpr: '1111652417' } }, inSeconds(30));
    const caller = tokens.get('a') as { holder: { cpr: string } };
    expect(() => {
      caller.holder.cpr = '0101900000';
    }).toThrow(TypeError);
  });

  const token = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxNTAzNzIxMjMzIn0.c2ln';

  it('keys a token by its hash, not by the token', () => {
    const { tokens } = memo();
    expect(tokens.keyOf(token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.keyOf(token)).not.toBe(tokens.keyOf(`${token}x`));
  });

  it('computes no key when told to keep nothing', () => {
    const { tokens, inSeconds } = memo(0);
    const key = tokens.keyOf(token);
    tokens.keep(key, { ...thomas }, inSeconds(30));
    expect([key, tokens.get(key)]).toEqual([null, undefined]);
  });
});
