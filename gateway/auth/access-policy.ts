import type { GatewayConfig } from '../../lib/config';
import { appError } from '../../lib/errors';
import { areaNames, type InternalContext } from '../../lib/internal-context';
import { citizenId } from '../../lib/pseudonym';
import type { ProxyGrants } from './proxy-grants';
import type { Assurance, VerifiedCaller } from './token-verifier';

export type Access = Omit<InternalContext, 'requestId'>;

/** Personal data needs NSIS Substantial or High. */
function requirePersonalDataAssurance(assurance: Assurance): void {
  if (assurance === 'Low') throw appError('INSUFFICIENT_ASSURANCE');
}

const nobody = { boundCaseId: null, partnerOrganisation: null, staffMunicipality: null } as const;

/**
 * What each kind of caller may read, decided once per request and sealed into the internal
 * context; the subgraphs enforce it. Chatbots, partners and staff get no data areas: they reach
 * only the queries made for them.
 */
export function createAccessPolicy(config: GatewayConfig, grants: ProxyGrants) {
  const pseudonym = (cpr: string) => citizenId(cpr, config.pseudonymKey);

  return async (caller: VerifiedCaller, deadline: number): Promise<Access> => {
    switch (caller.kind) {
      case 'citizen':
        requirePersonalDataAssurance(caller.assurance);
        return { ...nobody, callerKind: 'citizen', actorId: pseudonym(caller.subjectCpr), subjectCpr: caller.subjectCpr, assurance: caller.assurance, areas: [...areaNames] };
      case 'proxy': {
        requirePersonalDataAssurance(caller.assurance);
        const grant = await grants.grantFor(caller.holderCpr, caller.subjectCpr, deadline);
        if (!grant) throw appError('PROXY_NOT_VALID');
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
        requirePersonalDataAssurance(caller.assurance);
        return { ...nobody, callerKind: 'chatbot', actorId: `client:${caller.clientId}`, subjectCpr: caller.subjectCpr, assurance: caller.assurance, areas: [] };
      case 'partner':
        return { ...nobody, callerKind: 'partner', actorId: `org:${caller.organisation}`, subjectCpr: null, assurance: null, areas: [], partnerOrganisation: caller.organisation };
      case 'staff':
        requirePersonalDataAssurance(caller.assurance);
        return { ...nobody, callerKind: 'staff', actorId: `staff:${caller.employeeId}`, subjectCpr: null, assurance: caller.assurance, areas: [], staffMunicipality: caller.municipality };
    }
  };
}
