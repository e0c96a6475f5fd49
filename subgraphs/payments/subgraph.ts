import type { SubgraphDefinition } from '../runtime/server';
import { Citizen, CitizenContext } from './citizen.type';
import { paymentIndex } from './payment.index';
import { CitizenPaymentsResolver, ContextPaymentsResolver, paymentReferences } from './payment.resolver';
import { Payment } from './payment.type';
import type { WirePayment } from './upstream.contract';

export const paymentsSubgraph: SubgraphDefinition<WirePayment> = {
  name: 'payments',
  index: paymentIndex,
  resolvers: [CitizenPaymentsResolver, ContextPaymentsResolver],
  entities: [Citizen, CitizenContext, Payment],
  references: paymentReferences,
};
