import { toAuthority, toContact } from '../../lib/graph-types';
import { say } from '../../lib/i18n/messages';
import { sourceText } from '../../lib/i18n/source-texts';
import type { Reader } from '../runtime/context';
import { SourceSystem, type Appointment, type AppointmentSummary, type SharedAppointment } from './appointment.type';
import type { WireAppointment } from './upstream.contract';

/** Sources such as DFDG often send no contact; showing nothing helps nobody, so fall back, and say so. */
export function toAppointment(wire: WireAppointment, { language }: Reader): Appointment {
  return {
    id: wire.aftaleId,
    title: sourceText(wire.titel, language),
    startsAt: wire.start,
    endsAt: wire.slut,
    location: wire.sted ? { name: sourceText(wire.sted.navn, language), address: wire.sted.adresse } : null,
    sourceSystem: SourceSystem[wire.kildesystem],
    responsibleAuthority: toAuthority(wire.myndighed),
    contact: toContact(wire.kontakt ?? wire.myndighed.kontakt, language),
    contactIsGeneral: wire.kontakt === null,
    contactNote: wire.kontakt === null ? say(language, 'appointment.generalContact') : null,
    changeLink: wire.aendringslink,
    case: wire.sagId ? { id: wire.sagId } : null,
  };
}

/** Soonest first. */
export function byStart(a: Appointment, b: Appointment): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id);
}

export function toAppointmentSummary(appointment: Appointment): AppointmentSummary {
  return {
    title: appointment.title,
    startsAt: appointment.startsAt,
    place: appointment.location?.name ?? null,
    changeLink: appointment.changeLink,
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
