import { Arg, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { Citizen, CitizenContext } from './citizen.type';
import { defaultListSize } from '../../lib/list';
import {
  citizenContextReference,
  citizenReference,
  entityReference,
  ownList,
  requireCitizenContextReader,
  visibleOwn,
  type SubgraphContext,
} from '../../lib/subgraph';
import { byDateDescending, toPayment } from './payment.mapper';
import { Payment, PaymentKind, PaymentSummary } from './payment.type';
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

@Resolver(() => CitizenContext)
export class ContextPaymentsResolver {
  @FieldResolver(() => PaymentSummary, {
    nullable: true,
    description: 'The next payout from today; null when none is known.',
  })
  async nextPayment(@Ctx() context: SubgraphContext<WirePayment>): Promise<PaymentSummary | null> {
    requireCitizenContextReader(context);
    const today = context.today.toISOString().slice(0, 10);
    const upcoming = (await visibleOwn(context, 'payments'))
      .map(toPayment)
      .filter((payment) => payment.kind === PaymentKind.PAYOUT && payment.paymentDate !== null && payment.paymentDate >= today)
      .sort((a, b) => a.paymentDate!.localeCompare(b.paymentDate!));
    const next = upcoming[0];
    return next
      ? { amount: next.amount, date: next.paymentDate, dateMissingReason: next.paymentDateMissingReason, paidBy: next.payingAuthority.name }
      : null;
  }
}

export const paymentReferences = {
  Citizen: citizenReference,
  CitizenContext: citizenContextReference,
  Payment: entityReference('payments', toPayment),
};
