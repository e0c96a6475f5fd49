import type { SubgraphDefinition } from '../runtime/server';
import { Citizen, CitizenContext } from './citizen.type';
import { appointmentIndex } from './appointment.index';
import {
  appointmentReferences,
  CitizenAppointmentsResolver,
  ContextAppointmentsResolver,
  SharedAppointmentsResolver,
} from './appointment.resolver';
import { Appointment } from './appointment.type';
import type { WireAppointment } from './upstream.contract';

export const appointmentsSubgraph: SubgraphDefinition<WireAppointment> = {
  name: 'appointments',
  index: appointmentIndex,
  resolvers: [CitizenAppointmentsResolver, ContextAppointmentsResolver, SharedAppointmentsResolver],
  entities: [Citizen, CitizenContext, Appointment],
  references: appointmentReferences,
};
