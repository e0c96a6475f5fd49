import { clients, personas } from '../mocks/fixtures/personas';
import { mintToken, type TokenSubject } from '../mocks/identity/dev-issuer';
import type { SubgraphSet } from './backend-process';
import { benchCallerHeader, benchCprHeader } from './citizen-context';
import type { Caller } from './scenarios';
import type { TargetKind } from './target-process';

/** Our gateway and the three baselines it is compared with. */
export type SystemName = 'gateway' | 'naive' | 'stock' | 'floor';

export interface System {
  name: SystemName;
  label: string;
  kind: TargetKind;
  subgraphs: SubgraphSet;
}

export const systems: System[] = [
  { name: 'gateway', label: 'our gateway', kind: 'gateway', subgraphs: 'optimised' },
  { name: 'naive', label: 'our gateway over naive subgraphs (no batching, no cache)', kind: 'gateway', subgraphs: 'naive' },
  { name: 'stock', label: 'stock Apollo Gateway, no auth, no plugins', kind: 'stock', subgraphs: 'optimised' },
  { name: 'floor', label: 'a hand-written client calling the subgraphs directly, in two rounds', kind: 'floor', subgraphs: 'optimised' },
];

/**
 * The headers each request carries for its citizen and caller: a token from the dev issuer for our
 * gateway (minted here, before the run, so signing costs the run nothing), the bare CPR and the
 * caller for the others.
 */
export function credentialsFor(kind: TargetKind, cprs: string[], issuerUrl: string, caller: Caller = 'citizen'): Promise<Record<string, string>[]> {
  if (kind !== 'gateway') return Promise.resolve(cprs.map((cpr) => ({ [benchCprHeader]: cpr, [benchCallerHeader]: caller })));
  const subjectOf: Record<Caller, (cpr: string) => TokenSubject> = {
    citizen: (cpr) => ({ kind: 'citizen', cpr }),
    lawyer: (cpr) => ({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: cpr }),
    chatbot: (cpr) => ({ kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: cpr }),
    region: () => ({ kind: 'partner', clientId: `${clients.region.orgId}-hospital-system`, organisation: clients.region.orgId }),
  };
  return Promise.all(cprs.map(async (cpr) => ({ authorization: `Bearer ${await mintToken(subjectOf[caller](cpr), { issuer: issuerUrl })}` })));
}
