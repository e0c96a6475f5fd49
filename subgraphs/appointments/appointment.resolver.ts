import { Arg, Ctx, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import { appError } from '../../lib/errors';
import { areaFields } from '../runtime/area-fields';
import type { SubgraphContext } from '../runtime/context';
import { citizenContextReference, citizenReference, entityReference } from '../runtime/references';
import { Citizen, CitizenContext } from './citizen.type';
import { byStart, toAppointment, toAppointmentSummary, toSharedAppointment } from './appointment.mapper';
import { Appointment, AppointmentSummary, SharedAppointment } from './appointment.type';
import type { WireAppointment } from './upstream.contract';

export const CitizenAppointmentsResolver = areaFields({
  area: 'appointments',
  citizen: Citizen,
  entity: Appointment,
  toEntity: toAppointment,
  order: byStart,
  description:
    "The citizen's appointments across source systems, soonest first. Null with an error when the caller may not see appointments or the appointment index cannot answer.",
});

@Resolver(() => CitizenContext)
export class ContextAppointmentsResolver {
  @FieldResolver(() => [AppointmentSummary], { description: 'The next few appointments, soonest first.' })
  async nextAppointments(
    @Ctx() context: SubgraphContext,
    @Arg('first', () => Int, { defaultValue: 3, description: 'At most this many (0-10).' }) first: number,
  ): Promise<AppointmentSummary[]> {
    const now = context.today.getTime();
    const access = context.access('context');
    const upcoming = (await access.visible<WireAppointment>('appointments'))
      .map((record) => toAppointment(record, context.reader))
      .filter((appointment) => Date.parse(appointment.startsAt) >= now);
    const next = upcoming.sort(byStart).slice(0, Math.min(Math.max(first, 0), 10));
    access.reveal('appointments', next.map((appointment) => appointment.id));
    return next.map(toAppointmentSummary);
  }
}

@Resolver()
export class SharedAppointmentsResolver {
  @Query(() => [SharedAppointment], {
    description:
      "For partner authorities: a citizen's appointments whose source system shares them with the caller's organisation, unless the citizen objected. Send the CPR number in the variables, never in the URL.",
  })
  async sharedAppointments(
    @Ctx() context: SubgraphContext,
    @Arg('cpr', { description: "The citizen's CPR number (10 digits)." }) cpr: string,
  ): Promise<SharedAppointment[]> {
    if (context.caller.callerKind !== 'partner') throw appError('FORBIDDEN');
    // The gateway reads the one citizen of a request from the `cpr` variable: a literal or a second
    // citizen would be a read nobody named, so it is refused.
    if (context.caller.subjectCpr === null || cpr !== context.caller.subjectCpr) {
      throw appError('BAD_USER_INPUT', { detail: 'error.oneCitizenPerRequest' });
    }
    const access = context.access('shared');
    const appointments = (await access.visible<WireAppointment>('appointments')).map((record) => toAppointment(record, context.reader));
    access.reveal('appointments', appointments.map((appointment) => appointment.id));
    return appointments.sort(byStart).map(toSharedAppointment);
  }
}

export const appointmentReferences = {
  Citizen: citizenReference,
  CitizenContext: citizenContextReference,
  Appointment: entityReference('appointments', toAppointment),
};
