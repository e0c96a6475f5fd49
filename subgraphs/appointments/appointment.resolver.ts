import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver } from 'type-graphql';
import { appError } from '../../lib/errors';
import { defaultListSize } from '../../lib/list';
import { areaFields, presentList } from '../runtime/area-fields';
import type { SubgraphContext } from '../runtime/context';
import { citizenContextReference, citizenReference, entityReference } from '../runtime/references';
import { Citizen, CitizenContext } from './citizen.type';
import type { AppointmentRecord } from './appointment.record';
import { byDue, byStart, isAppointment, isDeadline, toAppointment, toAppointmentSummary, toDeadline, toSharedAppointment } from './appointment.mapper';
import { Appointment, AppointmentSummary, Deadline, SharedAppointment } from './appointment.type';

export const CitizenAppointmentsResolver = areaFields({
  area: 'appointments',
  citizen: Citizen,
  entity: Appointment,
  toEntity: toAppointment,
  order: byStart,
  keep: isAppointment,
  description:
    "The citizen's appointments across source systems, soonest first. Null with an error when the caller may not see appointments; a source system that fails leaves out only its own (see `appointmentsFreshness.sources`).",
});

/** Deadlines come from the same source systems as appointments and are judged by the same rules: the appointments card, and the case they belong to. */
@Resolver(() => Citizen)
export class CitizenDeadlinesResolver {
  @FieldResolver(() => [Deadline], {
    nullable: true,
    description: 'What the citizen must do by when, soonest due first, from the same source systems as appointments and under the same rules.',
  })
  deadlines(
    @Ctx() context: SubgraphContext,
    @Arg('first', () => Int, { defaultValue: defaultListSize, description: 'At most this many (0-500).' }) first: number,
    @Arg('after', () => ID, { nullable: true, description: 'The id of the last deadline of the previous page: the list continues after it. Omitted: from the start.' })
    after: string | null,
  ): Promise<Deadline[]> {
    return presentList(context, { area: 'appointments', toEntity: toDeadline, order: byDue, keep: isDeadline }, first, after ?? null);
  }
}

@Resolver(() => CitizenContext)
export class ContextAppointmentsResolver {
  @FieldResolver(() => [AppointmentSummary], { description: 'The next few appointments, soonest first.' })
  async nextAppointments(
    @Ctx() context: SubgraphContext,
    @Arg('first', () => Int, { defaultValue: 3, description: 'At most this many (0-10).' }) first: number,
  ): Promise<AppointmentSummary[]> {
    const now = context.today.getTime();
    const access = context.access('context');
    const upcoming = (await access.visible<AppointmentRecord>('appointments'))
      .filter(isAppointment)
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
    const appointments = (await access.visible<AppointmentRecord>('appointments')).filter(isAppointment).map((record) => toAppointment(record, context.reader));
    access.reveal('appointments', appointments.map((appointment) => appointment.id));
    return appointments.sort(byStart).map(toSharedAppointment);
  }
}

export const appointmentReferences = {
  Citizen: citizenReference,
  CitizenContext: citizenContextReference,
  Appointment: entityReference('appointments', toAppointment),
  Deadline: entityReference('appointments', toDeadline),
};
