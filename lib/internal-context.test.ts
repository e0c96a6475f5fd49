import { EncryptJWT } from 'jose';
import { createHash } from 'node:crypto';
import { openInternalContext, sealInternalContext, type InternalContext } from './internal-context';

const key = Buffer.from('a-32-byte-secret-for-these-tests!');
const otherKey = Buffer.from('another-secret-nobody-shares-xx!');
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
  partnerOrganisation: null,
  staffMunicipality: null,
};

describe('the internal context', () => {
  it('opens to exactly what the gateway sealed', async () => {
    expect(await openInternalContext(await sealInternalContext(context, key), key)).toEqual(context);
  });

  it('does not show the CPR number in the sealed form', async () => {
    const sealed = await sealInternalContext(context, key);
    const decodedParts = sealed.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'));
    expect(decodedParts.join('')).not.toContain(context.subjectCpr);
  });

  it('is refused when sealed under another key', async () => {
    expect(await openInternalContext(await sealInternalContext(context, otherKey), key)).toBeNull();
  });

  it('is refused when missing or garbage', async () => {
    expect(await openInternalContext(undefined, key)).toBeNull();
    expect(await openInternalContext('not.a.token.at.all', key)).toBeNull();
  });

  it('is refused once expired', async () => {
    const expired = await new EncryptJWT({ ctx: context })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuer('borger-graph-gateway')
      .setAudience('borger-graph-subgraphs')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .encrypt(createHash('sha256').update(key).digest());
    expect(await openInternalContext(expired, key)).toBeNull();
  });
});
