import { Citizen } from './citizen.type';
import type { SubgraphDefinition } from '../../lib/subgraph';
import { appointmentIndex } from './appointment.index';
import { appointmentReferences, CitizenAppointmentsResolver } from './appointment.resolver';
import { Appointment } from './appointment.type';
import type { WireAppointment } from './upstream.contract';

export const appointmentsSubgraph: SubgraphDefinition<WireAppointment> = {
  name: 'appointments',
  index: appointmentIndex,
  resolvers: [CitizenAppointmentsResolver],
  entities: [Citizen, Appointment],
  references: appointmentReferences,
};
