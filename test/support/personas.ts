import { personas } from '../../mocks/fixtures/personas';
import { mintCitizenToken, type MintOptions } from '../../mocks/identity/dev-issuer';
import type { Stack } from './stack';

export type PersonKey = 'thomas' | 'sara' | 'amir' | 'karen' | 'ole' | 'lawyer' | 'guardian' | 'emil';

/** A persona's own citizen token, issued by the stack's dev issuer. */
export function tokenFor(stack: Stack, persona: PersonKey, options: MintOptions = {}): Promise<string> {
  return mintCitizenToken(personas[persona].cpr, { issuer: stack.issuer.url, ...options });
}
