import type { IndexContract } from '../runtime/index-client';
import { paymentsIndex, paymentsResponseSchema, type WirePayment } from './upstream.contract';

export const paymentIndex: IndexContract<WirePayment> = {
  name: paymentsIndex.name,
  paths: paymentsIndex,
  response: paymentsResponseSchema.transform((response) => response.betalinger),
  idOf: (record) => record.betalingId,
  ownerOf: (record) => record.modtager.cpr,
  // Payments carry no KLE of their own: they take their benefit's (and its case's), and its visibility.
  traits: (record) => ({ municipality: record.myndighed.kode, kle: null, sourceSystem: null, caseId: null, sharingObjected: false, holder: null }),
  links: [{ field: 'benefit', area: 'benefits', idOf: (record) => record.ydelseId, inherits: true }],
};
