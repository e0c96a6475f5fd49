import type { IndexDescription } from '../runtime/index-client';
import { appointmentsIndex, appointmentsResponseSchema, type WireAppointment } from './upstream.contract';

export const appointmentIndex: IndexDescription<WireAppointment> = {
  paths: appointmentsIndex,
  response: appointmentsResponseSchema.transform((response) => response.aftaler),
  idOf: (record) => record.aftaleId,
  ownerOf: (record) => record.borger.cpr,
  traits: (record) => ({
    municipality: record.myndighed.kode,
    kle: null,
    sourceSystem: record.kildesystem,
    caseId: record.sagId,
    sharingObjected: record.delingFrabedt,
  }),
  // An appointment in a case is as visible as the case (and takes on its KLE for the age rule).
  links: [{ field: 'case', area: 'cases', idOf: (record) => record.sagId, inherits: true }],
  // A home visit's place is the citizen's own address, which may be protected.
  addresses: [['location', 'address']],
};
