import type { IndexContract } from '../runtime/index-client';
import { casesIndex, casesResponseSchema, type WireCase } from './upstream.contract';

export const caseIndex: IndexContract<WireCase> = {
  name: casesIndex.name,
  paths: casesIndex,
  response: casesResponseSchema.transform((response) => response.sager),
  idOf: (record) => record.sagId,
  ownerOf: (record) => record.primaerPart.cpr,
  traits: (record) => ({ municipality: record.myndighed.kode, kle: record.kle, sourceSystem: null, caseId: record.sagId, sharingObjected: false, holder: null }),
  links: [],
};
