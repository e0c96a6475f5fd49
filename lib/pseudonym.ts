import { createHmac } from 'node:crypto';

/**
 * A citizen's public id: a keyed hash of the CPR number. Stable, so clients can key on it; not
 * reversible, and not even recomputable without the server's key.
 */
export function citizenId(cpr: string, key: Uint8Array): string {
  return `cit_${createHmac('sha256', key).update(`citizen:${cpr}`).digest('base64url').slice(0, 32)}`;
}
