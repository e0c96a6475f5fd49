import type { GatewayConfig } from '../../lib/config';
import { appError, type Area } from '../../lib/errors';
import { areaNames, type InternalContext } from '../../lib/internal-context';
import { citizenId } from '../../lib/pseudonym';
import type { ConsentChecks } from '../consent/consent-store';
import type { ProxyGrants } from './proxy-grants';
import type { Assurance, Holder, VerifiedCaller } from './token-verifier';

/** What the caller may do, decided once per request; each fetch's seal adds its request id and kind. */
export type Access = Omit<InternalContext, 'requestId' | 'mutation' | 'language'>;

export interface Refusal {
  requestId: string;
  callerKind: Access['callerKind'];
  actorId: string;
  subjectCpr: string | null;
}

/** The four data areas a card can grant; `proxies` is the citizen's own. */
const dataAreas: readonly Area[] = ['cases', 'benefits', 'payments', 'appointments'];

/** What a caller has unless its kind grants more; never mutated, so one copy serves every request. */
const nobody: Pick<Access, 'areas' | 'scopes' | 'mayReadAccessLog' | 'holderId' | 'partnerOrganisation' | 'staffMunicipality'> = {
  areas: [],
  scopes: [],
  mayReadAccessLog: false,
  holderId: null,
  partnerOrganisation: null,
  staffMunicipality: null,
};

/**
 * What each kind of caller may read, decided once per request and sealed into the internal
 * context; the subgraphs enforce it. Chatbots and partners get no data areas: they reach only the
 * queries made for them. An organisation's own login reaches no citizen at all, only the list of
 * whom it acts for.
 */
export function createAccessPolicy(
  config: GatewayConfig,
  grants: Pick<ProxyGrants, 'grantFor'>,
  recordRefusal: (refusal: Refusal) => Promise<void>,
  /** The consent store's checks; without it every external service is refused. */
  consents?: Pick<ConsentChecks, 'consentFor'>,
) {
  const pseudonym = (cpr: string) => citizenId(cpr, config.pseudonymKey);
  // An organisation is no private person, so its CVR is named as it is, like a partner's.
  const holderActor = (holder: Holder) => (holder.type === 'PERSON' ? pseudonym(holder.cpr) : `org:${holder.cvr}`);

  return async (caller: VerifiedCaller, request: { deadline: number; requestId: string; namedCitizen: string | null }): Promise<Access> => {
    const { deadline, requestId } = request;
    /** Every refusal of a citizen's data is recorded, then answered. */
    const refuse = async (code: 'INSUFFICIENT_ASSURANCE' | 'PROXY_NOT_VALID' | 'CONSENT_NOT_VALID', callerKind: Access['callerKind'], actorId: string, subjectCpr: string | null) => {
      await recordRefusal({ requestId, callerKind, actorId, subjectCpr }).catch(() => undefined);
      return appError(code);
    };
    /** Personal data needs NSIS Substantial or High. */
    const requirePersonalDataAssurance = async (assurance: Assurance, callerKind: Access['callerKind'], actorId: string, subjectCpr: string | null) => {
      if (assurance === 'Low') throw await refuse('INSUFFICIENT_ASSURANCE', callerKind, actorId, subjectCpr);
    };
    switch (caller.kind) {
      case 'citizen': {
        const actorId = pseudonym(caller.subjectCpr);
        await requirePersonalDataAssurance(caller.assurance, 'citizen', actorId, caller.subjectCpr);
        const areas = [...areaNames];
        return {
          ...nobody,
          callerKind: 'citizen',
          actorId,
          subjectCpr: caller.subjectCpr,
          assurance: caller.assurance,
          areas,
          scopes: [{ areas, caseId: null }],
          mayReadAccessLog: true,
          // A citizen may also hold proxies for others, listed under their own CPR.
          holderId: caller.subjectCpr,
        };
      }
      case 'proxy': {
        const actorId = holderActor(caller.holder);
        await requirePersonalDataAssurance(caller.assurance, 'proxy', actorId, caller.subjectCpr);
        const grant = await grants.grantFor(caller.holder, caller.subjectCpr, deadline);
        if (!grant) throw await refuse('PROXY_NOT_VALID', 'proxy', actorId, caller.subjectCpr);
        return {
          ...nobody,
          callerKind: 'proxy',
          actorId,
          subjectCpr: caller.subjectCpr,
          assurance: caller.assurance,
          areas: grant.areas,
          scopes: grant.scopes,
          mayReadAccessLog: grant.fullGuardian,
        };
      }
      case 'organisation': {
        const actorId = `org:${caller.cvr}`;
        // The list of whom it acts for names citizens, so it is personal data too.
        await requirePersonalDataAssurance(caller.assurance, 'organisation', actorId, null);
        return { ...nobody, callerKind: 'organisation', actorId, subjectCpr: null, assurance: caller.assurance, holderId: caller.cvr };
      }
      case 'chatbot':
        await requirePersonalDataAssurance(caller.assurance, 'chatbot', `client:${caller.clientId}`, caller.subjectCpr);
        return { ...nobody, callerKind: 'chatbot', actorId: `client:${caller.clientId}`, subjectCpr: caller.subjectCpr, assurance: caller.assurance };
      case 'partner':
        // One citizen per request, named in the query's `cpr` variable (never a literal, never a URL).
        return {
          ...nobody,
          callerKind: 'partner',
          actorId: `org:${caller.organisation}`,
          subjectCpr: request.namedCitizen,
          assurance: null,
          partnerOrganisation: caller.organisation,
        };
      case 'staff': {
        // Staff name the citizen whose records they verify in the query's `cpr` variable.
        await requirePersonalDataAssurance(caller.assurance, 'staff', `staff:${caller.employeeId}`, request.namedCitizen);
        const areas = [...dataAreas];
        return {
          ...nobody,
          callerKind: 'staff',
          actorId: `staff:${caller.employeeId}`,
          subjectCpr: request.namedCitizen,
          assurance: caller.assurance,
          areas,
          scopes: [{ areas, caseId: null }],
          staffMunicipality: caller.municipality,
        };
      }
      case 'service': {
        // An external service on a citizen's consent: only while the consent is in force (looked up
        // through a cache of a few seconds), only the areas both the consent and the token name,
        // never the access log. Its refusals are recorded against the consent's citizen.
        const actorId = `service:${caller.clientId}`;
        const consent = await consents?.consentFor(caller.consentId);
        const theirs = consent && consent.clientId === caller.clientId ? consent : null;
        if (!theirs || theirs.withdrawnAt !== null || theirs.validUntil.getTime() <= Date.now()) {
          throw await refuse('CONSENT_NOT_VALID', 'service', actorId, theirs?.subjectCpr ?? null);
        }
        const areas = theirs.areas.filter((area) => caller.scopes.includes(area));
        return {
          ...nobody,
          callerKind: 'service',
          actorId,
          subjectCpr: theirs.subjectCpr,
          assurance: null,
          areas,
          scopes: [{ areas, caseId: null }],
        };
      }
    }
  };
}
