import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Authority, Contact, Kle } from '../../lib/graph-types';
import { LocalDate } from '../../lib/scalars';

export enum CaseProgress {
  OPENED = 'OPENED',
  INFORMATION_GATHERED = 'INFORMATION_GATHERED',
  DECIDED = 'DECIDED',
  CLOSED = 'CLOSED',
}

registerEnumType(CaseProgress, {
  name: 'CaseProgress',
  description: "Where a case stands, in the case index's four stages.",
  valuesConfig: {
    OPENED: { description: 'The case has been opened (Opstået).' },
    INFORMATION_GATHERED: { description: 'The authority has gathered the information it needs (Oplyst).' },
    DECIDED: { description: 'A decision has been made (Afgjort).' },
    CLOSED: { description: 'The case is closed (Afsluttet).' },
  },
});

@ObjectType({ description: 'A document on a case: its title and date only, never its contents.' })
export class CaseDocument {
  @Field(() => ID, { description: "The document's id in the case index." })
  id!: string;

  @Field({ description: "The document's title." })
  title!: string;

  @Field(() => LocalDate, { description: 'The date of the document.' })
  date!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A case the citizen is the primary party of, from the case index.' })
export class Case {
  @Field(() => ID, { description: "The case's id in the case index." })
  id!: string;

  @Field({ description: "The case's title in plain language (the KLE topic's name when the case has no title)." })
  title!: string;

  @Field(() => Kle, { description: 'The KLE classification of the case, with its plain-language name.' })
  kle!: Kle;

  @Field(() => CaseProgress, { description: 'How far the case has come.' })
  progress!: CaseProgress;

  @Field({ description: 'How far the case has come, in plain words in the language asked for.' })
  progressText!: string;

  @Field(() => LocalDate, { description: 'The day the case was opened.' })
  openedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day the case was closed; null while open.' })
  closedOn!: string | null;

  @Field(() => Authority, { description: 'The authority responsible for the case.' })
  responsibleAuthority!: Authority;

  @Field(() => Contact, { description: 'The unit to contact about the case (never a caseworker by name).' })
  contact!: Contact;

  @Field(() => [CaseDocument], {
    nullable: true,
    description: "Titles and dates of the case's documents; null where the municipality does not show them.",
  })
  documents!: CaseDocument[] | null;
}

@ObjectType({ description: 'An open case in a few plain words, for a chatbot.' })
export class CaseSummary {
  @Field({ description: "The case's title in plain language." })
  title!: string;

  @Field(() => CaseProgress, { description: 'Where the case stands.' })
  status!: CaseProgress;

  @Field({ description: 'Where the case stands, in plain words in the language asked for.' })
  statusText!: string;

  @Field(() => Contact, { description: 'Whom to contact about it.' })
  contact!: Contact;
}
