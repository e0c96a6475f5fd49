import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The two secrets of a calendar link. The token is the link: 32 random bytes, base64url (43
 * characters), given to the citizen once and stored only as its SHA-256, so the table opens no
 * feed. The citizen's CPR number, which the feed needs to act as the citizen, is stored sealed
 * (AES-256-GCM, bound to the link's id) under CALENDAR_LINK_KEY.
 */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The current key seals (its id is stored with the value), every key in the ring opens. */
export interface SealingKeys {
  current: string;
  keys: Record<string, Uint8Array>;
}

/** Any secret length in, exactly the 32 bytes AES-256 needs out. */
const contentKey = (secret: Uint8Array) => createHash('sha256').update(secret).digest();
/** Bound into the seal: a sealed CPR moved to another link's row does not open. */
const boundTo = (linkId: string) => Buffer.from(`calendar-link|${linkId}`);

/** `<keyId>.<iv>.<ciphertext>.<tag>`, each part base64url. */
export function sealCpr(cpr: string, linkId: string, keys: SealingKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', contentKey(keys.keys[keys.current]), iv);
  cipher.setAAD(boundTo(linkId));
  const sealed = Buffer.concat([cipher.update(cpr, 'utf8'), cipher.final()]);
  return [keys.current, iv.toString('base64url'), sealed.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The CPR number, or null when the value does not open under any key of the ring for this link. */
export function openCpr(sealed: string, linkId: string, keys: SealingKeys): string | null {
  const [keyId, iv, ciphertext, tag] = sealed.split('.');
  const key = keys.keys[keyId];
  if (!key || !iv || !ciphertext || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', contentKey(key), Buffer.from(iv, 'base64url'));
    decipher.setAAD(boundTo(linkId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
