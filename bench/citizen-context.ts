import { randomUUID } from 'node:crypto';
import { developmentKeys } from '../lib/config';
import { areaNames, sealInternalContext, singleKey, type InternalContext } from '../lib/internal-context';
import { THOMAS_TRANSPORT_CASE_ID } from '../mocks/fixtures/dataset';
import { clients, personas } from '../mocks/fixtures/personas';
import type { Caller } from './scenarios';
import { citizenId } from '../lib/pseudonym';

/**
 * What the baselines without our gateway (stock Apollo Gateway, the floor client) need before a
 * subgraph answers them: the internal context our gateway would seal for a citizen reading their
 * own data. The bench's stacks never set the keys, so they run on the development keys.
 */
const internalContextKeys = singleKey(Buffer.from(developmentKeys.internalContext, 'base64url'));
const pseudonymKey = Buffer.from(developmentKeys.pseudonym, 'base64url');

/**
 * The header carrying the citizen's CPR from the load generator to a baseline, in place of the
 * token only our gateway verifies. Loopback only, bench only.
 */
export const benchCprHeader = 'x-bench-cpr';
/** Who the baseline should seal the context for (a scenario's caller); a citizen when absent. */
export const benchCallerHeader = 'x-bench-caller';

export const citizenIdOf = (cpr: string): string => citizenId(cpr, pseudonymKey);

type Access = Pick<InternalContext, 'callerKind' | 'actorId' | 'areas' | 'scopes'> &
  Partial<Pick<InternalContext, 'subjectCpr' | 'partnerOrganisation' | 'mayReadAccessLog' | 'holderId'>>;

/** What the access policy gives each caller (see gateway/auth/access-policy.ts). */
const accessOf: Record<Caller, (cpr: string) => Access> = {
  citizen: (cpr) => ({
    callerKind: 'citizen',
    actorId: citizenIdOf(cpr),
    areas: [...areaNames],
    scopes: [{ areas: [...areaNames], caseId: null }],
    mayReadAccessLog: true,
    holderId: cpr,
  }),
  lawyer: () => ({
    callerKind: 'proxy',
    actorId: citizenIdOf(personas.lawyer.cpr),
    areas: ['cases', 'benefits'],
    scopes: [{ areas: ['cases', 'benefits'], caseId: THOMAS_TRANSPORT_CASE_ID }],
  }),
  chatbot: () => ({ callerKind: 'chatbot', actorId: `client:${clients.chatbot.clientId}`, areas: [], scopes: [] }),
  // A partner's one citizen is the one named in the query's `cpr` variable.
  region: () => ({
    callerKind: 'partner',
    actorId: `org:${clients.region.orgId}`,
    areas: [],
    scopes: [],
    partnerOrganisation: clients.region.orgId,
  }),
};

/** The internal context our gateway would seal for one fetch to one subgraph, for this caller and citizen. */
export function sealContext(cpr: string, subgraph: string, caller: Caller = 'citizen'): Promise<string> {
  return sealInternalContext(
    {
      requestId: randomUUID(),
      subjectCpr: cpr,
      assurance: 'Substantial',
      partnerOrganisation: null,
      staffMunicipality: null,
      mayReadAccessLog: false,
      holderId: null,
      mutation: false,
      language: 'da',
      ...accessOf[caller](cpr),
    },
    internalContextKeys,
    subgraph,
  );
}
