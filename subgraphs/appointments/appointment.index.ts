import type { IndexDescription } from '../../lib/area-index';
import { appointmentsIndex, appointmentsResponseSchema, type WireAppointment } from './upstream.contract';

export const appointmentIndex: IndexDescription<WireAppointment> = {
  paths: appointmentsIndex,
  response: appointmentsResponseSchema.transform((response) => response.aftaler),
  idOf: (record) => record.aftaleId,
  ownerOf: (record) => record.borger.cpr,
  traits: (record) => ({ municipality: record.myndighed.kode, kle: null, sourceSystem: record.kildesystem, caseId: record.sagId }),
};
