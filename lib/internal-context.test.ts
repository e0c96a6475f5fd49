import { EncryptJWT, jwtDecrypt } from 'jose';
import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { openInternalContext, sealInternalContext, singleKey, type InternalContext } from './internal-context';

const secret = Buffer.from('a-32-byte-secret-for-these-tests!');
const key = singleKey(secret);
const otherKey = singleKey(Buffer.from('another-secret-nobody-shares-xx!'));
const context: InternalContext = {
  requestId: 'req-1',
  callerKind: 'citizen',
  actorId: 'cit_abc',
  subjectCpr: '1503721233',
  assurance: 'Substantial',
  areas: ['cases'],
  scopes: [{ areas: ['cases'], caseId: null }],
  mayReadAccessLog: true,
  holderId: '1503721233',
  mutation: false,
  language: 'da',
  partnerOrganisation: null,
  staffMunicipality: null,
};

/** A compact JWE (dir, A256GCM) under the tests' secret with any header and claims, as a forger with the key, or a careless sealer, would write it. */
function sealedAs(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const protectedHeader = Buffer.from(JSON.stringify(header)).toString('base64url');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', createHash('sha256').update(secret).digest(), iv);
  cipher.setAAD(Buffer.from(protectedHeader, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(claims)), cipher.final()]);
  return [protectedHeader, '', iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

const now = () => Math.floor(Date.now() / 1000);
const header = { alg: 'dir', enc: 'A256GCM', kid: 'k0' };
const claims = () => ({ ctx: context, iss: 'borger-graph-gateway', aud: 'borger-graph-subgraph:cases', jti: randomUUID(), iat: now(), exp: now() + 10 });

describe('the internal context', () => {
  it('opens to exactly what the gateway sealed, for the subgraph it was sealed for', async () => {
    expect((await openInternalContext(await sealInternalContext(context, key, 'cases'), key, 'cases'))?.context).toEqual(context);
  });

  it('is refused by any other subgraph', async () => {
    expect(await openInternalContext(await sealInternalContext(context, key, 'cases'), key, 'proxies')).toBeNull();
  });

  it('carries an id of its own each time it is sealed', async () => {
    const [first, second] = await Promise.all([1, 2].map(async () => (await openInternalContext(await sealInternalContext(context, key, 'cases'), key, 'cases'))!.id));
    expect(first).not.toBe(second);
  });

  it('never seals twice with the same IV, across refills of the pool the IVs come from', async () => {
    const ivs = await Promise.all(Array.from({ length: 1_000 }, async () => (await sealInternalContext(context, key, 'cases')).split('.')[2]));
    expect(new Set(ivs).size).toBe(ivs.length);
    expect(new Set(ivs.map((iv) => Buffer.from(iv, 'base64url').length))).toEqual(new Set([12]));
  });

  it('does not show the CPR number in the sealed form', async () => {
    const sealed = await sealInternalContext(context, key, 'cases');
    const decodedParts = sealed.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'));
    expect(decodedParts.join('')).not.toContain(context.subjectCpr);
  });

  it('is a standard JWE (dir, A256GCM) that a JOSE library opens with the derived key', async () => {
    const sealed = await sealInternalContext(context, key, 'cases');
    const { payload, protectedHeader } = await jwtDecrypt(sealed, createHash('sha256').update(secret).digest(), {
      issuer: 'borger-graph-gateway',
      audience: 'borger-graph-subgraph:cases',
    });
    expect(protectedHeader).toEqual({ alg: 'dir', enc: 'A256GCM', kid: 'k0' });
    expect(payload).toMatchObject({ ctx: context, jti: expect.any(String) });
    expect(payload.exp! - payload.iat!).toBe(10);
  });

  it('is refused when any part of it was altered', async () => {
    const parts = (await sealInternalContext(context, key, 'cases')).split('.');
    const flipped = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] ^= 1;
      return bytes.toString('base64url');
    };
    for (const index of [0, 2, 3, 4]) {
      const altered = parts.map((part, position) => (position === index ? flipped(part) : part)).join('.');
      expect(await openInternalContext(altered, key, 'cases')).toBeNull();
    }
  });

  it('is refused when sealed under another key', async () => {
    expect(await openInternalContext(await sealInternalContext(context, otherKey, 'cases'), key, 'cases')).toBeNull();
  });

  it('is refused when missing or garbage', async () => {
    expect(await openInternalContext(undefined, key, 'cases')).toBeNull();
    expect(await openInternalContext('not.a.token.at.all', key, 'cases')).toBeNull();
  });

  it('opens under every key of the ring, sealed under the current one', async () => {
    const rolled = { current: 'k1', keys: { k0: secret, k1: Buffer.from('the-next-32-byte-secret-to-roll!') } };
    const sealedNew = await sealInternalContext(context, rolled, 'cases');
    const sealedOld = await sealInternalContext(context, key, 'cases');
    expect((await openInternalContext(sealedNew, rolled, 'cases'))?.context).toEqual(context);
    expect((await openInternalContext(sealedOld, rolled, 'cases'))?.context).toEqual(context);
    expect(await openInternalContext(sealedNew, key, 'cases')).toBeNull();
  });

  it('is refused once expired', async () => {
    const expired = await new EncryptJWT({ ctx: context })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'k0' })
      .setIssuer('borger-graph-gateway')
      .setAudience('borger-graph-subgraph:cases')
      .setJti('expired-1')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .encrypt(createHash('sha256').update(secret).digest());
    expect(await openInternalContext(expired, key, 'cases')).toBeNull();
  });

  it('opens when written by hand exactly as the gateway seals it', async () => {
    expect((await openInternalContext(sealedAs(header, claims()), key, 'cases'))?.context).toEqual(context);
  });

  it.each([
    ['another algorithm', { ...header, alg: 'A256KW' }],
    ['another encryption', { ...header, enc: 'A128GCM' }],
    ['no key id', { alg: 'dir', enc: 'A256GCM' }],
    ['a key id the ring does not have', { ...header, kid: 'toString' }],
    ['critical extensions', { ...header, crit: ['b64'], b64: false }],
    ['compression', { ...header, zip: 'DEF' }],
  ])('is refused with %s in its header', async (_case, changed) => {
    expect(await openInternalContext(sealedAs(changed, claims()), key, 'cases')).toBeNull();
  });

  it.each([
    ['another issuer', { iss: 'someone-else' }],
    ['a list of audiences', { aud: ['borger-graph-subgraph:cases'] }],
    ['no id', { jti: undefined }],
    ['no expiry', { exp: undefined }],
    ['a start in the future', { nbf: now() + 60 }],
    ['no context', { ctx: undefined }],
    ['a context of another shape', { ctx: { ...context, callerKind: 'root' } }],
  ])('is refused with %s in its claims', async (_case, changed) => {
    expect(await openInternalContext(sealedAs(header, { ...claims(), ...changed }), key, 'cases')).toBeNull();
  });

  it('makes the key from a secret once, however many contexts are sealed and opened under it', async () => {
    const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const createSecretKey = jest.fn(actual.createSecretKey);
    jest.doMock('node:crypto', () => ({ ...actual, createSecretKey }));
    try {
      await jest.isolateModulesAsync(async () => {
        const { openInternalContext: open, sealInternalContext: seal } = await import('./internal-context');
        for (let fetch = 0; fetch < 3; fetch += 1) expect(await open(await seal(context, key, 'cases'), key, 'cases')).not.toBeNull();
      });
      expect(createSecretKey).toHaveBeenCalledTimes(1);
    } finally {
      jest.dontMock('node:crypto');
    }
  });
});
