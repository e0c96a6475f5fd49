import type { IndexDescription } from '../../lib/area-index';
import { paymentsIndex, paymentsResponseSchema, type WirePayment } from './upstream.contract';

export const paymentIndex: IndexDescription<WirePayment> = {
  paths: paymentsIndex,
  response: paymentsResponseSchema.transform((response) => response.betalinger),
  idOf: (record) => record.betalingId,
  ownerOf: (record) => record.modtager.cpr,
  traits: (record) => ({ municipality: record.myndighed.kode, kle: null, sourceSystem: null, caseId: null }),
};
