import type { IndexContract } from '../runtime/index-client';
import { benefitsIndex, benefitsResponseSchema, type WireBenefit } from './upstream.contract';

export const benefitIndex: IndexContract<WireBenefit> = {
  name: benefitsIndex.name,
  paths: benefitsIndex,
  response: benefitsResponseSchema.transform((response) => response.ydelser),
  idOf: (record) => record.ydelseId,
  ownerOf: (record) => record.modtager.cpr,
  traits: (record) => ({ municipality: record.myndighed.kode, kle: record.kle, sourceSystem: null, caseId: record.sagId, sharingObjected: false, holder: null }),
  // A benefit decided in a case is as visible as that case.
  links: [{ field: 'case', area: 'cases', idOf: (record) => record.sagId, inherits: true }],
};
