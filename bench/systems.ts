import { mintCitizenToken } from '../mocks/identity/dev-issuer';
import type { SubgraphSet } from './backend-process';
import { benchCprHeader } from './citizen-context';
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
 * The headers each request carries for its citizen: a token from the dev issuer for our gateway
 * (minted here, before the run, so signing costs the run nothing), the bare CPR for the others.
 */
export function credentialsFor(kind: TargetKind, cprs: string[], issuerUrl: string): Promise<Record<string, string>[]> {
  if (kind !== 'gateway') return Promise.resolve(cprs.map((cpr) => ({ [benchCprHeader]: cpr })));
  return Promise.all(cprs.map(async (cpr) => ({ authorization: `Bearer ${await mintCitizenToken(cpr, { issuer: issuerUrl })}` })));
}
