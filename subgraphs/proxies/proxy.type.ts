import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CaseReference, type CitizenEntity } from '../../lib/citizen';
import { Citizen } from './citizen.type';
import { DateTime, LocalDate } from '../../lib/scalars';

export enum ProxyKind {
  POWER_OF_ATTORNEY = 'POWER_OF_ATTORNEY',
  GUARDIANSHIP = 'GUARDIANSHIP',
  FUTURE_POWER_OF_ATTORNEY = 'FUTURE_POWER_OF_ATTORNEY',
}
registerEnumType(ProxyKind, {
  name: 'ProxyKind',
  description: 'The legal basis of a proxy.',
  valuesConfig: {
    POWER_OF_ATTORNEY: { description: 'An ordinary power of attorney (fuldmagt).' },
    GUARDIANSHIP: { description: 'A full-coverage guardianship (værgemål).' },
    FUTURE_POWER_OF_ATTORNEY: { description: 'A future power of attorney (fremtidsfuldmagt).' },
  },
});

export enum Card {
  CASES = 'CASES',
  BENEFITS = 'BENEFITS',
  PAYMENTS = 'PAYMENTS',
  APPOINTMENTS = 'APPOINTMENTS',
}
registerEnumType(Card, {
  name: 'Card',
  description: 'A display card (data area) a proxy can be granted.',
  valuesConfig: {
    CASES: { description: 'Cases.' },
    BENEFITS: { description: 'Benefits.' },
    PAYMENTS: { description: 'Payments.' },
    APPOINTMENTS: { description: 'Appointments.' },
  },
});

export enum HolderKind {
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
}
registerEnumType(HolderKind, {
  name: 'HolderKind',
  description: 'Whether a proxy is held by a person or an organisation.',
  valuesConfig: { PERSON: { description: 'A person.' }, ORGANISATION: { description: 'An organisation.' } },
});

@ObjectType({ description: 'Who holds a proxy.' })
export class ProxyHolder {
  @Field({ description: "The holder's name." })
  name!: string;

  @Field(() => HolderKind, { description: 'Person or organisation.' })
  kind!: HolderKind;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A proxy (power of attorney or guardianship) that lets someone act for the citizen.' })
export class Proxy {
  @Field(() => ID, { description: "The proxy's id in Digital Fuldmagt." })
  id!: string;

  @Field(() => ProxyHolder, { description: 'Who may act for the citizen.' })
  holder!: ProxyHolder;

  @Field(() => Citizen, { description: 'The citizen the holder acts for.' })
  representedCitizen!: CitizenEntity;

  @Field(() => [Card], { description: 'The data areas the proxy covers.' })
  cards!: Card[];

  @Field(() => ProxyKind, { description: 'The legal basis.' })
  kind!: ProxyKind;

  @Field(() => LocalDate, { description: 'First day the proxy is valid.' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day the proxy is valid; null until revoked.' })
  validTo!: string | null;

  @Field(() => CaseReference, {
    nullable: true,
    description: 'Set when the proxy covers one case only; it then ends when that case closes.',
  })
  boundCase!: CaseReference | null;

  @Field(() => DateTime, { nullable: true, description: 'When the proxy was revoked; null while in force.' })
  revokedAt!: string | null;
}

@ObjectType({ description: 'A citizen the caller may act for now, with what all its proxies in force for them cover together.' })
export class Representation {
  @Field(() => ID, { description: "The citizen's pseudonymous id (never the CPR number)." })
  citizenId!: string;

  @Field({ description: "The citizen's name in the CPR register." })
  name!: string;

  @Field(() => [Card], { description: 'The data areas the holder may read for the citizen.' })
  cards!: Card[];

  @Field(() => [ProxyKind], { description: 'The legal bases of the proxies in force.' })
  kinds!: ProxyKind[];

  @Field(() => LocalDate, { nullable: true, description: 'The last day any of them is valid; null when one is open-ended.' })
  validTo!: string | null;

  @Field(() => [ID], { description: 'The cases proxies bound to one case cover; empty when none is bound.' })
  boundCaseIds!: string[];
}
