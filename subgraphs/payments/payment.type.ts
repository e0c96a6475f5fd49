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

export enum PaymentDateGap {
  FINANCE_SYSTEM_SILENT = 'FINANCE_SYSTEM_SILENT',
  NOT_REPORTED = 'NOT_REPORTED',
}
registerEnumType(PaymentDateGap, {
  name: 'PaymentDateGap',
  description: 'Why a payment has no date.',
  valuesConfig: {
    FINANCE_SYSTEM_SILENT: { description: "The municipality's finance system (Fujitsu Prisme) does not report payment dates." },
    NOT_REPORTED: { description: 'The source sent no date for this payment.' },
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
    description: 'Why the payment date is missing, in plain words in the language asked for; null when there is a date.',
  })
  paymentDateMissingReason!: string | null;

  @Field(() => PaymentDateGap, { nullable: true, description: 'Why the payment date is missing; null when there is a date.' })
  paymentDateGap!: PaymentDateGap | null;

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

  @Field(() => String, { nullable: true, description: 'Why there is no date, in plain words in the language asked for.' })
  dateMissingReason!: string | null;

  @Field(() => PaymentDateGap, { nullable: true, description: 'Why there is no date.' })
  dateGap!: PaymentDateGap | null;

  @Field({ description: 'Who pays it.' })
  paidBy!: string;
}
