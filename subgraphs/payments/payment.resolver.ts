import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { danishDate } from '../../lib/danish-date';
import { areaFields } from '../runtime/area-fields';
import type { SubgraphContext } from '../runtime/context';
import { citizenContextReference, citizenReference, entityReference } from '../runtime/references';
import { Citizen, CitizenContext } from './citizen.type';
import { byDateDescending, toPayment } from './payment.mapper';
import { Payment, PaymentKind, PaymentSummary } from './payment.type';
import type { WirePayment } from './upstream.contract';

export const CitizenPaymentsResolver = areaFields({
  area: 'payments',
  citizen: Citizen,
  entity: Payment,
  toEntity: toPayment,
  order: byDateDescending,
  description:
    'Payouts and debts, latest first. Null with an error when the caller may not see payments or the payments index cannot answer.',
});

@Resolver(() => CitizenContext)
export class ContextPaymentsResolver {
  @FieldResolver(() => PaymentSummary, {
    nullable: true,
    description: 'The next payout from today; null when none is known.',
  })
  async nextPayment(@Ctx() context: SubgraphContext): Promise<PaymentSummary | null> {
    const today = danishDate(context.today);
    const access = context.access('context');
    const upcoming = (await access.visible<WirePayment>('payments'))
      .map((record) => toPayment(record, context.reader))
      .filter((payment) => payment.kind === PaymentKind.PAYOUT && payment.paymentDate !== null && payment.paymentDate >= today)
      .sort((a, b) => a.paymentDate!.localeCompare(b.paymentDate!));
    const next = upcoming[0];
    if (next) access.reveal('payments', [next.id]);
    return next
      ? {
          amount: next.amount,
          date: next.paymentDate,
          dateMissingReason: next.paymentDateMissingReason,
          dateGap: next.paymentDateGap,
          paidBy: next.payingAuthority.name,
        }
      : null;
  }
}

export const paymentReferences = {
  Citizen: citizenReference,
  CitizenContext: citizenContextReference,
  Payment: entityReference('payments', toPayment),
};
