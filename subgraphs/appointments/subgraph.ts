import type { SubgraphDefinition } from '../runtime/server';
import { Citizen, CitizenContext } from './citizen.type';
import { appointmentIndex } from './appointment.index';
import type { AppointmentRecord } from './appointment.record';
import {
  appointmentReferences,
  CitizenAppointmentsResolver,
  CitizenDeadlinesResolver,
  ContextAppointmentsResolver,
  SharedAppointmentsResolver,
} from './appointment.resolver';
import { AppointmentSources } from './appointment-sources';
import { Appointment, Deadline } from './appointment.type';
import { sourceSettings } from './source-config';
import { adapters } from './sources/adapters';

export const appointmentsSubgraph: SubgraphDefinition<AppointmentRecord> = {
  name: 'appointments',
  index: appointmentIndex,
  resolvers: [CitizenAppointmentsResolver, CitizenDeadlinesResolver, ContextAppointmentsResolver, SharedAppointmentsResolver],
  entities: [Citizen, CitizenContext, Appointment, Deadline],
  references: appointmentReferences,
  // Every configured source system with an adapter, each with its own upstream (deadline, breaker).
  records: ({ upstream, caching }) =>
    new AppointmentSources(
      adapters
        .filter((adapter) => sourceSettings[adapter.system])
        .map((adapter) => ({ adapter, settings: sourceSettings[adapter.system], upstream: upstream(adapter.system, sourceSettings[adapter.system].timeoutMs) })),
      caching,
    ),
};
