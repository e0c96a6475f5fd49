import type { SubgraphName } from '../lib/config';
import { appointmentIndex } from './appointments/appointment.index';
import { benefitIndex } from './benefits/benefit.index';
import { caseIndex } from './cases/case.index';
import { paymentIndex } from './payments/payment.index';
import { proxyIndex } from './proxies/proxy.index';
import type { IndexDescription } from './runtime/index-client';

/**
 * Every index's description, for the access rules: a record is judged with what it belongs to
 * (a payment with its benefit, a benefit with its case), whichever subgraph serves it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const indexDescriptions: Record<SubgraphName, IndexDescription<any>> = {
  cases: caseIndex,
  benefits: benefitIndex,
  payments: paymentIndex,
  appointments: appointmentIndex,
  proxies: proxyIndex,
};
