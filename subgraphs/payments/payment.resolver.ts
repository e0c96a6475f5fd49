import { Arg, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { Citizen } from './citizen.type';
import { defaultListSize } from '../../lib/list';
import { citizenReference, entityReference, ownList, type SubgraphContext } from '../../lib/subgraph';
import { byDateDescending, toPayment } from './payment.mapper';
import { Payment } from './payment.type';
import type { WirePayment } from './upstream.contract';

@Resolver(() => Citizen)
export class CitizenPaymentsResolver {
  @FieldResolver(() => [Payment], {
    nullable: true,
    description:
      'Payouts and debts, latest first. Null with an error when the caller may not see payments or the payments index cannot answer.',
  })
  payments(
    @Ctx() context: SubgraphContext<WirePayment>,
    @Arg('first', () => Int, { defaultValue: defaultListSize, description: 'At most this many (0-500).' })
    first: number,
  ): Promise<Payment[]> {
    return ownList(context, 'payments', toPayment, byDateDescending, first);
  }
}

export const paymentReferences = {
  Citizen: citizenReference,
  Payment: entityReference('payments', toPayment),
};
