import type { AppointmentRecord } from './appointment.record';

const normalised = (text: string) => text.toLowerCase().normalize('NFC').replace(/\s+/g, ' ').trim();
const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);

/**
 * The rule for one appointment delivered by two systems (a hospital appointment from NSP and from
 * a municipal system): both are appointments, from different systems, starting in the same
 * minute, at a place of the same name. Then the copy from the system of lower rank
 * (config/appointment-sources.json) is kept, and it carries the provenance of both. Deadlines are
 * never merged: two systems setting the same date ask for two things.
 */
function sameAppointment(a: AppointmentRecord, b: AppointmentRecord): boolean {
  return (
    a.kind === 'APPOINTMENT' &&
    b.kind === 'APPOINTMENT' &&
    a.sourceSystem !== b.sourceSystem &&
    minute(a.startsAt) === minute(b.startsAt) &&
    a.place !== null &&
    b.place !== null &&
    normalised(a.place.name) === normalised(b.place.name)
  );
}

export function mergeDuplicates(records: AppointmentRecord[], rank: (system: string) => number): AppointmentRecord[] {
  const kept: AppointmentRecord[] = [];
  for (const record of records) {
    const index = kept.findIndex((other) => sameAppointment(other, record));
    if (index === -1) {
      kept.push(record);
      continue;
    }
    const other = kept[index];
    const [winner, loser] = rank(record.sourceSystem) < rank(other.sourceSystem) ? [record, other] : [other, record];
    kept[index] = { ...winner, provenance: [...winner.provenance, ...loser.provenance] };
  }
  return kept;
}
