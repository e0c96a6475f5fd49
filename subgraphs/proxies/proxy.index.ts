import type { IndexDescription } from '../../lib/area-index';
import { proxiesIndex, proxiesResponseSchema, type WireProxy } from './upstream.contract';

export const proxyIndex: IndexDescription<WireProxy> = {
  paths: proxiesIndex,
  response: proxiesResponseSchema.transform((response) => response.fuldmagter),
  idOf: (record) => record.fuldmagtId,
  ownerOf: (record) => record.fuldmagtsgiver.cpr,
  traits: () => ({ municipality: null, kle: null, sourceSystem: null, caseId: null }),
};
