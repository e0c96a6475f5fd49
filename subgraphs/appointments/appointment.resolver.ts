import { Arg, Ctx, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import { Citizen, CitizenContext } from './citizen.type';
import { defaultListSize } from '../../lib/list';
import { appError } from '../../lib/errors';
import { cprSchema } from '../../lib/index-wire';
import {
  citizenContextReference,
  citizenReference,
  entityReference,
  ownList,
  requireCitizenContextReader,
  visibleOwn,
  type SubgraphContext,
} from '../../lib/subgraph';
import { byStart, toAppointment, toAppointmentSummary, toSharedAppointment } from './appointment.mapper';
import { Appointment, AppointmentSummary, SharedAppointment } from './appointment.type';
import { isSharedWith } from './sharing';
import type { WireAppointment } from './upstream.contract';

@Resolver(() => Citizen)
export class CitizenAppointmentsResolver {
  @FieldResolver(() => [Appointment], {
    nullable: true,
    description:
      "The citizen's appointments across source systems, soonest first. Null with an error when the caller may not see appointments or the appointment index cannot answer.",
  })
  appointments(
    @Ctx() context: SubgraphContext<WireAppointment>,
    @Arg('first', () => Int, { defaultValue: defaultListSize, description: 'At most this many (0-500).' })
    first: number,
  ): Promise<Appointment[]> {
    return ownList(context, 'appointments', toAppointment, byStart, first);
  }
}

@Resolver(() => CitizenContext)
export class ContextAppointmentsResolver {
  @FieldResolver(() => [AppointmentSummary], { description: 'The next few appointments, soonest first.' })
  async nextAppointments(
    @Ctx() context: SubgraphContext<WireAppointment>,
    @Arg('first', () => Int, { defaultValue: 3, description: 'At most this many (0-10).' }) first: number,
  ): Promise<AppointmentSummary[]> {
    requireCitizenContextReader(context);
    const now = context.today.getTime();
    const upcoming = (await visibleOwn(context, 'appointments')).map(toAppointment).filter((a) => Date.parse(a.startsAt) >= now);
    return upcoming.sort(byStart).slice(0, Math.min(Math.max(first, 0), 10)).map(toAppointmentSummary);
  }
}

@Resolver()
export class SharedAppointmentsResolver {
  @Query(() => [SharedAppointment], {
    description:
      "For partner authorities: a citizen's appointments whose source system shares them with the caller's organisation, unless the citizen objected. Send the CPR number in the variables, never in the URL.",
  })
  async sharedAppointments(
    @Ctx() context: SubgraphContext<WireAppointment>,
    @Arg('cpr', { description: "The citizen's CPR number (10 digits)." }) cpr: string,
  ): Promise<SharedAppointment[]> {
    const organisation = context.caller.partnerOrganisation;
    if (context.caller.callerKind !== 'partner' || !organisation) throw appError('FORBIDDEN');
    if (!cprSchema.safeParse(cpr).success) throw appError('BAD_USER_INPUT', { message: 'A CPR number has 10 digits.' });
    const records = await visibleOwn(context, 'appointments', context.recordsFor(cpr));
    return records.filter((record) => isSharedWith(record, organisation)).map(toAppointment).sort(byStart).map(toSharedAppointment);
  }
}

export const appointmentReferences = {
  Citizen: citizenReference,
  CitizenContext: citizenContextReference,
  Appointment: entityReference('appointments', toAppointment),
};
