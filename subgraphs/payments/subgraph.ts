import { areaStatusResolver } from '../../lib/area-status';
import { Citizen, CitizenContext } from './citizen.type';
import type { SubgraphDefinition } from '../../lib/subgraph';
import { paymentIndex } from './payment.index';
import { CitizenPaymentsResolver, ContextPaymentsResolver, paymentReferences } from './payment.resolver';
import { Payment } from './payment.type';
import type { WirePayment } from './upstream.contract';

export const paymentsSubgraph: SubgraphDefinition<WirePayment> = {
  name: 'payments',
  index: paymentIndex,
  resolvers: [areaStatusResolver(Citizen, 'payments'), CitizenPaymentsResolver, ContextPaymentsResolver],
  entities: [Citizen, CitizenContext, Payment],
  references: paymentReferences,
};
