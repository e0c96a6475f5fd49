import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Language } from './i18n/language';
import { sourceText, sourceTextOrNull } from './i18n/source-texts';
import { kleName } from './kle';
import { DateTime } from './scalars';
import type { WireAuthority, WireContactUnit, WireMoney } from './index-wire';

/** Value types several subgraphs return; `@shareable` lets each resolve them itself. */

@Directive('@shareable')
@ObjectType({ description: 'A public authority, e.g. a municipality, a region or Udbetaling Danmark.' })
export class Authority {
  @Field({ description: 'The authority\'s code (municipality code for municipalities).' })
  code!: string;

  @Field({ description: 'The authority\'s name.' })
  name!: string;
}

@Directive('@shareable')
@ObjectType({
  description: 'How to reach the responsible unit. Always an office, never a named caseworker.',
})
export class Contact {
  @Field({ description: 'The office or unit.' })
  office!: string;

  @Field(() => String, { nullable: true, description: 'Phone number, when the source has one.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Email address, when the source has one.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Opening hours in plain language.' })
  openingHours!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'An exact amount of money.' })
export class Money {
  @Field({ description: 'Decimal amount as a string, e.g. "12500.00", so no precision is lost.' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code.' })
  currency!: string;
}

@Directive('@shareable')
@ObjectType({ description: 'A KLE classification (the municipal subject classification) in plain language.' })
export class Kle {
  @Field({ description: 'The KLE number, e.g. "32.24.04".' })
  code!: string;

  @Field({ description: 'Plain-language name of the topic.' })
  name!: string;
}

export function toAuthority(wire: WireAuthority): Authority {
  return { code: wire.kode, name: wire.navn };
}

/** The unit's own words (office name, opening hours) in the reader's language where the glossary knows them. */
export function toContact(wire: WireContactUnit, language: Language): Contact {
  return {
    office: sourceText(wire.navn, language),
    phone: wire.telefon,
    email: wire.email,
    openingHours: sourceTextOrNull(wire.aabningstider, language),
  };
}

export function toMoney(wire: WireMoney): Money {
  const sign = wire.oere < 0 ? '-' : '';
  const abs = Math.abs(wire.oere);
  return { amount: `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`, currency: wire.valuta };
}

/** A KLE code with its name in the reader's language; the responsible municipality's own plain name where it has one. */
export function toKle(code: string, language: Language, municipalityCode: string | null = null): Kle {
  return { code, name: kleName(code, language, municipalityCode) };
}

export enum WithheldReason {
  AGE_LIMIT = 'AGE_LIMIT',
  NOT_ACTIVATED = 'NOT_ACTIVATED',
  UNREADABLE = 'UNREADABLE',
}
registerEnumType(WithheldReason, {
  name: 'WithheldReason',
  description: 'Why records exist that are not shown.',
  valuesConfig: {
    AGE_LIMIT: { description: "The citizen is under the municipality's minimum age for this topic." },
    NOT_ACTIVATED: { description: 'The municipality has not yet opened this data for citizens.' },
    UNREADABLE: { description: 'A source system sent records that could not be read (or from a system not configured): they are dropped, not guessed at.' },
  },
});

@Directive('@shareable')
@ObjectType({ description: 'Records the citizen has but may not see here yet, and why: never a silent gap.' })
export class WithheldNotice {
  @Field(() => WithheldReason, { description: 'Why they are withheld.' })
  reason!: WithheldReason;

  @Field(() => Int, { description: 'How many records are withheld for this reason.' })
  count!: number;

  @Field({ description: 'The reason in plain language, fit to show the citizen.' })
  message!: string;

  @Field(() => Int, { nullable: true, description: 'For AGE_LIMIT: the age from which they are shown.' })
  minimumAge!: number | null;

  @Field(() => Kle, { nullable: true, description: 'For AGE_LIMIT: the topic the limit applies to.' })
  kle!: Kle | null;
}

@Directive('@shareable')
@ObjectType({ description: 'How current one source system behind an area is.' })
export class SourceFreshness {
  @Field({ description: 'The IT system, e.g. "NSP", "DFDG", "AULA".' })
  system!: string;

  @Field(() => DateTime, { nullable: true, description: 'When it answered; null when it failed and nothing of it was cached.' })
  asOf!: string | null;

  @Field({ description: 'True when it failed and an older, cached answer is shown instead.' })
  stale!: boolean;

  @Field({ description: 'True when it failed and none of its records can be shown: the area is incomplete.' })
  failed!: boolean;
}

@Directive('@shareable')
@ObjectType({ description: 'How current an area is: when its index answered, and whether that is an old copy.' })
export class Freshness {
  @Field(() => DateTime, { description: 'When the index gave this answer (the oldest of its source systems).' })
  asOf!: string;

  @Field({ description: 'True when the index failed and an older, cached answer is shown instead.' })
  stale!: boolean;

  @Field(() => [SourceFreshness], { nullable: true, description: 'Per source system, for an area gathered from several (appointments); null for one index.' })
  sources!: SourceFreshness[] | null;
}
