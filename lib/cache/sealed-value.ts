import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Cached index answers hold personal data, so Redis only ever sees them encrypted: AES-256-GCM
 * under the current key of a key ring, the key id stored beside the ciphertext so keys can
 * rotate, and the cache key bound in as associated data so a value cannot be moved to another
 * key. A value under a retired key, or tampered with, opens to nothing: a miss, not an error.
 */
export interface KeyRing {
  currentKeyId: string;
  keys: Record<string, Uint8Array>;
}

const version = 'v1';

function aesKey(secret: Uint8Array): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function seal(plaintext: string, cacheKey: string, ring: KeyRing): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey(ring.keys[ring.currentKeyId]), iv);
  cipher.setAAD(Buffer.from(cacheKey));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [version, ring.currentKeyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function open(sealed: string, cacheKey: string, ring: KeyRing): string | null {
  const [tag, keyId, iv, authTag, ciphertext] = sealed.split('.');
  const key = ring.keys[keyId];
  if (tag !== version || !key || !iv || !authTag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', aesKey(key), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(cacheKey));
    decipher.setAuthTag(Buffer.from(authTag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
