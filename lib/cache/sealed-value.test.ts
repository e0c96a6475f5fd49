import { open, seal, type KeyRing } from './sealed-value';

const ring: KeyRing = { currentKeyId: 'k2', keys: { k1: Buffer.from('old-key-old-key-old-key-old-key!'), k2: Buffer.from('new-key-new-key-new-key-new-key!') } };
const personal = JSON.stringify({ cpr: '1503721233', titel: 'Kontanthjælp' });

describe('a sealed cache value', () => {
  it('opens to what was sealed', () => {
    expect(open(seal(personal, 'key-a', ring), 'key-a', ring)).toBe(personal);
  });

  it('shows no plaintext', () => {
    const sealed = seal(personal, 'key-a', ring);
    expect(sealed).not.toContain('1503721233');
    expect(sealed).not.toContain('Kontanthj');
  });

  it('names the key it was sealed under, so keys can rotate', () => {
    expect(seal(personal, 'key-a', ring).split('.')[1]).toBe('k2');
  });

  it('still opens under an older key that is kept in the ring', () => {
    const sealedUnderOld = seal(personal, 'key-a', { ...ring, currentKeyId: 'k1' });
    expect(open(sealedUnderOld, 'key-a', ring)).toBe(personal);
  });

  it('opens to nothing once its key is retired', () => {
    const sealedUnderOld = seal(personal, 'key-a', { ...ring, currentKeyId: 'k1' });
    expect(open(sealedUnderOld, 'key-a', { currentKeyId: 'k2', keys: { k2: ring.keys.k2 } })).toBeNull();
  });

  it('opens to nothing when moved to another cache key', () => {
    expect(open(seal(personal, 'key-a', ring), 'key-b', ring)).toBeNull();
  });

  it('opens to nothing when tampered with', () => {
    const parts = seal(personal, 'key-a', ring).split('.');
    parts[4] = `${parts[4][0] === 'A' ? 'B' : 'A'}${parts[4].slice(1)}`;
    expect(open(parts.join('.'), 'key-a', ring)).toBeNull();
  });
});
