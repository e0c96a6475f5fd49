import { Arg, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { Citizen } from './citizen.type';
import { defaultListSize } from '../../lib/list';
import { citizenReference, entityReference, ownList, type SubgraphContext } from '../../lib/subgraph';
import { byStart, toAppointment } from './appointment.mapper';
import { Appointment } from './appointment.type';
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

export const appointmentReferences = {
  Citizen: citizenReference,
  Appointment: entityReference('appointments', toAppointment),
};
