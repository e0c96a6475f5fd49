import type { IndexContract } from '../runtime/index-client';
import { proxiesIndex, proxiesResponseSchema, type WireProxy } from './upstream.contract';

export const proxyIndex: IndexContract<WireProxy> = {
  name: proxiesIndex.name,
  paths: proxiesIndex,
  response: proxiesResponseSchema.transform((response) => response.fuldmagter),
  idOf: (record) => record.fuldmagtId,
  ownerOf: (record) => record.fuldmagtsgiver.cpr,
  traits: () => ({ municipality: null, kle: null, sourceSystem: null, caseId: null, sharingObjected: false, holder: null }),
  // The citizen's own grant stays visible whatever its case; the link to the case only when that case is.
  links: [{ field: 'boundCase', area: 'cases', idOf: (record) => record.sagId, inherits: false }],
};
