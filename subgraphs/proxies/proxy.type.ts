import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CaseReference, type CitizenEntity } from '../../lib/citizen';
import { Citizen } from './citizen.type';
import { DateTime, LocalDate } from '../../lib/scalars';
import type { WireProxy } from './upstream.contract';

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

export enum ProxyStatus {
  PENDING = 'PENDING',
  NOT_YET_IN_FORCE = 'NOT_YET_IN_FORCE',
  IN_FORCE = 'IN_FORCE',
  ENDED = 'ENDED',
}
registerEnumType(ProxyStatus, {
  name: 'ProxyStatus',
  description: 'Where a proxy stands today.',
  valuesConfig: {
    PENDING: { description: 'Granted, waiting for the holder to accept it: it lets the holder do nothing yet.' },
    NOT_YET_IN_FORCE: {
      description: 'Accepted, but its first day has not come (or a lasting power of attorney the Family Court has not put in force).',
    },
    IN_FORCE: { description: 'The holder may act for the citizen with it now.' },
    ENDED: { description: 'It no longer applies; `endReason` says why.' },
  },
});

export enum ProxyEndReason {
  REVOKED = 'REVOKED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
  CASE_CLOSED = 'CASE_CLOSED',
}
registerEnumType(ProxyEndReason, {
  name: 'ProxyEndReason',
  description: 'Why a proxy ended.',
  valuesConfig: {
    REVOKED: { description: 'The citizen who granted it revoked it.' },
    DECLINED: { description: 'The holder declined it before accepting.' },
    EXPIRED: { description: 'Its last day has passed.' },
    CASE_CLOSED: { description: 'It was bound to one case, and that case was closed.' },
  },
});

/** What a proxy's status is worked out from: its lifecycle in Digital Fuldmagt, without anyone's CPR or CVR. */
export type ProxyFacts = Pick<WireProxy, 'type' | 'gyldigFra' | 'gyldigTil' | 'ikraftsat' | 'sagId' | 'accepteret' | 'afvist' | 'tilbagekaldt'>;

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

  @Field(() => DateTime, { nullable: true, description: 'When the holder accepted the proxy; null while it is pending (or was declined).' })
  acceptedAt!: string | null;

  /** Not in the schema: what `status` and `endReason` are worked out from. */
  facts!: ProxyFacts;
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

@ObjectType({ description: 'The citizen who granted a proxy, as its holder is shown them.' })
export class ProxyGrantor {
  @Field(() => ID, { description: "The citizen's pseudonymous id (never the CPR number), the same as in `myRepresentations`." })
  citizenId!: string;

  @Field({ description: "The citizen's name in the CPR register." })
  name!: string;
}

@ObjectType({
  description:
    'A proxy granted to the caller, as its holder sees it: pending ones to accept or decline, those in force, and those that ended, with why.',
})
export class HeldProxy {
  @Field(() => ID, { description: "The proxy's id in Digital Fuldmagt." })
  id!: string;

  @Field(() => ProxyGrantor, { description: 'Who granted it: the citizen the holder may act for.' })
  grantor!: ProxyGrantor;

  @Field(() => [Card], { description: 'The data areas it covers.' })
  cards!: Card[];

  @Field(() => ProxyKind, { description: 'The legal basis.' })
  kind!: ProxyKind;

  @Field(() => LocalDate, { description: 'First day it is valid.' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day it is valid; null when open-ended.' })
  validTo!: string | null;

  @Field(() => ID, { nullable: true, description: 'The one case it covers, when bound to a case; it ends when that case closes.' })
  boundCaseId!: string | null;

  @Field(() => ProxyStatus, { description: 'Where it stands today.' })
  status!: ProxyStatus;

  @Field({ description: '`status` in plain words, in the language asked for.' })
  statusText!: string;

  @Field(() => ProxyEndReason, { nullable: true, description: 'Why it ended; null unless `status` is ENDED.' })
  endReason!: ProxyEndReason | null;

  @Field(() => String, { nullable: true, description: '`endReason` in plain words, in the language asked for.' })
  endReasonText!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the holder accepted it; null while pending.' })
  acceptedAt!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the citizen revoked it.' })
  revokedAt!: string | null;
}

@InputType({
  description:
    "A power of attorney the citizen grants: to a person (by CPR) or an organisation (by CVR), for some cards, for a period, optionally for one case only. Send it in a POST's variables: CPR numbers never belong in a URL, and are never shown back.",
})
export class GrantProxyInput {
  @Field(() => String, { nullable: true, description: "The holder's CPR number, for a person (10 digits; a dash after the sixth allowed). Exactly one of `holderCpr` and `holderCvr`." })
  holderCpr?: string | null;

  @Field(() => String, { nullable: true, description: "The holder's CVR number, for an organisation (8 digits). Exactly one of `holderCpr` and `holderCvr`." })
  holderCvr?: string | null;

  @Field(() => [Card], { description: 'The data areas the holder may read: at least one.' })
  cards!: Card[];

  @Field(() => LocalDate, { nullable: true, description: 'First day it is valid: today or later. Default today.' })
  validFrom?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day it is valid, not before `validFrom`. Default: until revoked.' })
  validTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'Binds it to one of your own open cases: the holder sees that case (and what belongs to it) only, and it ends when the case closes.' })
  caseId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Any 8-64 letters, digits, `-` or `_` the client chooses per grant: sending the same grant again with the same key (a retry) returns the proxy made the first time instead of a second one.',
  })
  idempotencyKey?: string | null;
}
