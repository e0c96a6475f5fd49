import { toContact } from '../../lib/graph-types';
import type { Language } from '../../lib/i18n/language';
import { say } from '../../lib/i18n/messages';
import { sourceText, sourceTextOrNull } from '../../lib/i18n/source-texts';
import type { Reader } from '../runtime/context';
import type { AppointmentRecord } from './appointment.record';
import { SourceSystem, type Appointment, type AppointmentSummary, type Deadline, type SharedAppointment } from './appointment.type';

/** What appointments and deadlines share. Sources such as Jobnet send no contact: fall back to the authority's general one, and say so. */
function fromSources(record: AppointmentRecord, language: Language) {
  return {
    id: record.id,
    title: sourceText(record.title, language),
    sourceSystem: SourceSystem[record.sourceSystem as keyof typeof SourceSystem],
    provenance: record.provenance.map(({ system, sourceId }) => ({ system: SourceSystem[system as keyof typeof SourceSystem], sourceId })),
    responsibleAuthority: record.responsible,
    contact: toContact(record.contact ?? record.generalContact, language),
    contactIsGeneral: record.contact === null,
    contactNote: record.contact === null ? say(language, 'appointment.generalContact') : null,
    case: record.caseId ? { id: record.caseId } : null,
  };
}

export function toAppointment(record: AppointmentRecord, { language }: Reader): Appointment {
  return {
    ...fromSources(record, language),
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    location: record.place ? { name: sourceText(record.place.name, language), address: record.place.address } : null,
    changeLink: record.changeLink,
    cancelLink: record.cancelLink,
  };
}

export function toDeadline(record: AppointmentRecord, { language }: Reader): Deadline {
  return {
    ...fromSources(record, language),
    dueAt: record.startsAt,
    consequence: sourceTextOrNull(record.consequence, language),
    actLink: record.changeLink,
  };
}

export const isAppointment = (record: AppointmentRecord) => record.kind === 'APPOINTMENT';
export const isDeadline = (record: AppointmentRecord) => record.kind === 'DEADLINE';

/** Soonest first. */
export function byStart(a: Appointment, b: Appointment): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id);
}

/** Soonest due first. */
export function byDue(a: Deadline, b: Deadline): number {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id.localeCompare(b.id);
}

export function toAppointmentSummary(appointment: Appointment): AppointmentSummary {
  return {
    title: appointment.title,
    startsAt: appointment.startsAt,
    place: appointment.location?.name ?? null,
    changeLink: appointment.changeLink.url,
  };
}

/** What a partner sees: the appointment itself, no contact details and no link to the citizen's cases. */
export function toSharedAppointment(appointment: Appointment): SharedAppointment {
  return {
    title: appointment.title,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    place: appointment.location?.name ?? null,
    sourceSystem: appointment.sourceSystem,
    responsibleAuthority: appointment.responsibleAuthority,
  };
}
