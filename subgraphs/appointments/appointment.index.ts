import type { IndexDescription } from '../runtime/index-client';
import type { AppointmentRecord } from './appointment.record';

/** What the access rules read of an appointment or deadline, whichever source system it came from. */
export const appointmentIndex: IndexDescription<AppointmentRecord> = {
  name: 'appointments',
  idOf: (record) => record.id,
  ownerOf: (record) => record.cpr,
  traits: (record) => ({
    // The citizen's municipality activates its sources and sets the age rule, also for a hospital's appointments.
    municipality: record.municipality,
    kle: null,
    sourceSystem: record.sourceSystem,
    caseId: record.caseId,
    sharingObjected: record.sharingObjected,
    holder: record.responsible.code,
  }),
  // An appointment in a case is as visible as the case (and takes on its KLE for the age rule).
  links: [{ field: 'case', area: 'cases', idOf: (record) => record.caseId, inherits: true }],
  // A home visit's place is the citizen's own address, which may be protected.
  addresses: [['location', 'address']],
};
