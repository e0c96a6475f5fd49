import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CaseReference } from '../../lib/citizen';
import { Authority, Kle, Money } from '../../lib/graph-types';
import { LocalDate } from '../../lib/scalars';

export enum BenefitStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
  ENDED = 'ENDED',
}
registerEnumType(BenefitStatus, {
  name: 'BenefitStatus',
  description: 'Where a benefit stands.',
  valuesConfig: {
    IN_PROGRESS: { description: 'Applied for; not yet decided.' },
    GRANTED: { description: 'Granted and running.' },
    REFUSED: { description: 'Refused.' },
    ENDED: { description: 'Has ended.' },
  },
});

export enum BenefitPayer {
  MUNICIPALITY = 'MUNICIPALITY',
  UDBETALING_DANMARK = 'UDBETALING_DANMARK',
}
registerEnumType(BenefitPayer, {
  name: 'BenefitPayer',
  description: 'Who pays the benefit out.',
  valuesConfig: {
    MUNICIPALITY: { description: 'The municipality pays it.' },
    UDBETALING_DANMARK: { description: 'Udbetaling Danmark (Payments Denmark) pays it.' },
  },
});

export enum PaymentFrequency {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  ONCE = 'ONCE',
}
registerEnumType(PaymentFrequency, {
  name: 'PaymentFrequency',
  description: 'How often the amount is paid.',
  valuesConfig: {
    MONTHLY: { description: 'Every month.' },
    QUARTERLY: { description: 'Every quarter.' },
    ONCE: { description: 'Once.' },
  },
});

@ObjectType({ description: 'A period of days; open-ended when `to` is null.' })
export class Period {
  @Field(() => LocalDate, { description: 'First day.' })
  from!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day; null while open-ended.' })
  to!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A benefit the citizen receives or has applied for, from the benefits index.' })
export class Benefit {
  @Field(() => ID, { description: "The benefit's id in the benefits index." })
  id!: string;

  @Field({ description: 'The benefit in plain language (the name of its KLE topic).' })
  name!: string;

  @Field(() => Kle, { description: 'The KLE classification of the benefit.' })
  kle!: Kle;

  @Field(() => Period, { description: 'The period the benefit covers.' })
  period!: Period;

  @Field(() => Money, { description: 'The amount per payment.' })
  amount!: Money;

  @Field(() => PaymentFrequency, { description: 'How often the amount is paid.' })
  frequency!: PaymentFrequency;

  @Field(() => BenefitStatus, { description: 'Where the benefit stands.' })
  status!: BenefitStatus;

  @Field({ description: 'Where the benefit stands, in plain words in the language asked for.' })
  statusText!: string;

  @Field(() => BenefitPayer, { description: 'Whether the municipality or Udbetaling Danmark pays it.' })
  paidBy!: BenefitPayer;

  @Field(() => Authority, { description: 'The authority that granted the benefit.' })
  responsibleAuthority!: Authority;

  @Field(() => CaseReference, { nullable: true, description: 'The case the benefit was decided in, if any.' })
  case!: CaseReference | null;
}
