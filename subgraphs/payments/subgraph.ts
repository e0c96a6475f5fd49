import { Citizen } from './citizen.type';
import type { SubgraphDefinition } from '../../lib/subgraph';
import { paymentIndex } from './payment.index';
import { CitizenPaymentsResolver, paymentReferences } from './payment.resolver';
import { Payment } from './payment.type';
import type { WirePayment } from './upstream.contract';

export const paymentsSubgraph: SubgraphDefinition<WirePayment> = {
  name: 'payments',
  index: paymentIndex,
  resolvers: [CitizenPaymentsResolver],
  entities: [Citizen, Payment],
  references: paymentReferences,
};
