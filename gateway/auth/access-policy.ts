import type { GatewayConfig } from '../../lib/config';
import { appError } from '../../lib/errors';
import { areaNames, type InternalContext } from '../../lib/internal-context';
import { citizenId } from '../../lib/pseudonym';
import type { ProxyGrants } from './proxy-grants';
import type { Assurance, VerifiedCaller } from './token-verifier';

export type Access = Omit<InternalContext, 'requestId'>;

export interface Refusal {
  requestId: string;
  callerKind: Access['callerKind'];
  actorId: string;
  subjectCpr: string | null;
}

const nobody = { boundCaseId: null, partnerOrganisation: null, staffMunicipality: null } as const;

/**
 * What each kind of caller may read, decided once per request and sealed into the internal
 * context; the subgraphs enforce it. Chatbots, partners and staff get no data areas: they reach
 * only the queries made for them.
 */
export function createAccessPolicy(config: GatewayConfig, grants: ProxyGrants, recordRefusal: (refusal: Refusal) => Promise<void>) {
  const pseudonym = (cpr: string) => citizenId(cpr, config.pseudonymKey);

  return async (caller: VerifiedCaller, request: { deadline: number; requestId: string; namedCitizen: string | null }): Promise<Access> => {
    const { deadline, requestId } = request;
    /** Every refusal of a citizen's data is recorded, then answered. */
    const refuse = async (code: 'INSUFFICIENT_ASSURANCE' | 'PROXY_NOT_VALID', callerKind: Access['callerKind'], actorId: string, subjectCpr: string | null) => {
      await recordRefusal({ requestId, callerKind, actorId, subjectCpr }).catch(() => undefined);
      return appError(code);
    };
    /** Personal data needs NSIS Substantial or High. */
    const requirePersonalDataAssurance = async (assurance: Assurance, callerKind: Access['callerKind'], actorId: string, subjectCpr: string | null) => {
      if (assurance === 'Low') throw await refuse('INSUFFICIENT_ASSURANCE', callerKind, actorId, subjectCpr);
    };
    switch (caller.kind) {
      case 'citizen':
        await requirePersonalDataAssurance(caller.assurance, 'citizen', pseudonym(caller.subjectCpr), caller.subjectCpr);
        return { ...nobody, callerKind: 'citizen', actorId: pseudonym(caller.subjectCpr), subjectCpr: caller.subjectCpr, assurance: caller.assurance, areas: [...areaNames] };
      case 'proxy': {
        await requirePersonalDataAssurance(caller.assurance, 'proxy', pseudonym(caller.holderCpr), caller.subjectCpr);
        const grant = await grants.grantFor(caller.holderCpr, caller.subjectCpr, deadline);
        if (!grant) throw await refuse('PROXY_NOT_VALID', 'proxy', pseudonym(caller.holderCpr), caller.subjectCpr);
        return {
          ...nobody,
          callerKind: 'proxy',
          actorId: pseudonym(caller.holderCpr),
          subjectCpr: caller.subjectCpr,
          assurance: caller.assurance,
          areas: grant.areas,
          boundCaseId: grant.boundCaseId,
        };
      }
      case 'chatbot':
        await requirePersonalDataAssurance(caller.assurance, 'chatbot', `client:${caller.clientId}`, caller.subjectCpr);
        return { ...nobody, callerKind: 'chatbot', actorId: `client:${caller.clientId}`, subjectCpr: caller.subjectCpr, assurance: caller.assurance, areas: [] };
      case 'partner':
        return { ...nobody, callerKind: 'partner', actorId: `org:${caller.organisation}`, subjectCpr: null, assurance: null, areas: [], partnerOrganisation: caller.organisation };
      case 'staff':
        // Staff name the citizen whose records they verify in the query's `cpr` variable.
        await requirePersonalDataAssurance(caller.assurance, 'staff', `staff:${caller.employeeId}`, request.namedCitizen);
        return {
          ...nobody,
          callerKind: 'staff',
          actorId: `staff:${caller.employeeId}`,
          subjectCpr: request.namedCitizen,
          assurance: caller.assurance,
          areas: ['cases', 'benefits', 'payments', 'appointments'],
          staffMunicipality: caller.municipality,
        };
    }
  };
}
