import { randomUUID } from 'node:crypto';
import { developmentKeys } from '../lib/config';
import { areaNames, sealInternalContext } from '../lib/internal-context';
import { citizenId } from '../lib/pseudonym';

/**
 * What the baselines without our gateway (stock Apollo Gateway, the floor client) need before a
 * subgraph answers them: the internal context our gateway would seal for a citizen reading their
 * own data. The bench's stacks never set the keys, so they run on the development keys.
 */
const internalContextKey = Buffer.from(developmentKeys.internalContext, 'base64url');
const pseudonymKey = Buffer.from(developmentKeys.pseudonym, 'base64url');

/**
 * The header carrying the citizen's CPR from the load generator to a baseline, in place of the
 * token only our gateway verifies. Loopback only, bench only.
 */
export const benchCprHeader = 'x-bench-cpr';

export const citizenIdOf = (cpr: string): string => citizenId(cpr, pseudonymKey);

/** The context the access policy gives a citizen token (see gateway/auth/access-policy.ts). */
export function sealCitizenContext(cpr: string): Promise<string> {
  return sealInternalContext(
    {
      requestId: randomUUID(),
      callerKind: 'citizen',
      actorId: citizenIdOf(cpr),
      subjectCpr: cpr,
      assurance: 'Substantial',
      areas: [...areaNames],
      boundCaseId: null,
      partnerOrganisation: null,
      staffMunicipality: null,
    },
    internalContextKey,
  );
}
