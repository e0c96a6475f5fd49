import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BenefitReference } from '../../lib/citizen';
import { Authority, Money } from '../../lib/graph-types';
import { LocalDate } from '../../lib/scalars';

export enum PaymentKind {
  PAYOUT = 'PAYOUT',
  DEBT = 'DEBT',
}
registerEnumType(PaymentKind, {
  name: 'PaymentKind',
  description: 'Money to the citizen or money the citizen owes.',
  valuesConfig: {
    PAYOUT: { description: 'A payout to the citizen.' },
    DEBT: { description: 'A debt the citizen owes the authority.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A payout to the citizen or a debt, from the payments index.' })
export class Payment {
  @Field(() => ID, { description: "The payment's id in the payments index." })
  id!: string;

  @Field(() => PaymentKind, { description: 'Payout or debt.' })
  kind!: PaymentKind;

  @Field(() => Money, { description: 'The amount.' })
  amount!: Money;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The payment date; null when the source did not deliver one (it is never guessed).',
  })
  paymentDate!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the payment date is missing, in plain language; null when there is a date.',
  })
  paymentDateMissingReason!: string | null;

  @Field(() => Authority, { description: 'The authority that pays or is owed.' })
  payingAuthority!: Authority;

  @Field(() => BenefitReference, { nullable: true, description: 'The benefit the payment belongs to, if any.' })
  benefit!: BenefitReference | null;
}

@ObjectType({ description: 'The next payout in a few plain words, for a chatbot.' })
export class PaymentSummary {
  @Field(() => Money, { description: 'The amount.' })
  amount!: Money;

  @Field(() => LocalDate, { nullable: true, description: 'The payment date, when the source reports it.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Why there is no date, in plain language.' })
  dateMissingReason!: string | null;

  @Field({ description: 'Who pays it.' })
  paidBy!: string;
}
