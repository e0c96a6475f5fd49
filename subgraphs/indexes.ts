import type { SubgraphName } from '../lib/config';
import { appointmentIndex } from './appointments/appointment.index';
import { benefitIndex } from './benefits/benefit.index';
import { caseIndex } from './cases/case.index';
import { paymentIndex } from './payments/payment.index';
import { proxyIndex } from './proxies/proxy.index';
import type { IndexContract, IndexDescription } from './runtime/index-client';

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

/** An area read from one national index, for the shared index client: every area but appointments, which has source systems of its own. */
export function indexContract(area: SubgraphName): IndexContract<unknown> {
  const description = indexDescriptions[area];
  if (!('paths' in description)) throw new Error(`${area} is not read from one national index`);
  return description as IndexContract<unknown>;
}
