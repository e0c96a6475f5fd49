import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CaseReference } from '../../lib/citizen';
import { Authority, Contact } from '../../lib/graph-types';
import { DateTime } from '../../lib/scalars';

export enum SourceSystem {
  NSP = 'NSP',
  DFDG = 'DFDG',
  NOVAX = 'NOVAX',
  SOLTEQ_TAND = 'SOLTEQ_TAND',
  SOLTEQ_SUND = 'SOLTEQ_SUND',
  WFP = 'WFP',
  FRONTDESK = 'FRONTDESK',
  AULA = 'AULA',
  SENSUM = 'SENSUM',
}
registerEnumType(SourceSystem, {
  name: 'SourceSystem',
  description: 'The system the appointment index took the appointment from.',
  valuesConfig: {
    NSP: { description: 'National patient overview (hospital appointments).' },
    DFDG: { description: 'Employment services (Jobnet).' },
    NOVAX: { description: 'Health visitor.' },
    SOLTEQ_TAND: { description: 'Municipal dental care.' },
    SOLTEQ_SUND: { description: 'Driving-test booking.' },
    WFP: { description: 'Citizen service desk booking.' },
    FRONTDESK: { description: 'Citizen service desk booking.' },
    AULA: { description: 'School.' },
    SENSUM: { description: 'Social and health services.' },
  },
});

@ObjectType({ description: 'Where an appointment takes place.' })
export class Location {
  @Field({ description: 'Name of the place.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Street address of the place, when known.' })
  address!: string | null;
}

@ObjectType({ description: 'A link to move, cancel or act on something: https, on a host its source system may send citizens to.' })
export class SelfServiceLink {
  @Field({ description: 'The https URL.' })
  url!: string;

  @Field({ description: "True when the source gave no safe link and this is the responsible authority's general self-service page." })
  isFallback!: boolean;
}

@ObjectType({ description: 'One source system that delivered an appointment or deadline, and its id there.' })
export class Provenance {
  @Field(() => SourceSystem, { description: 'The system.' })
  system!: SourceSystem;

  @Field({ description: "The item's id in that system." })
  sourceId!: string;
}

/** What appointments and deadlines both tell: where they came from, who holds them, whom to contact. */
@ObjectType()
class FromSourceSystems {
  @Field(() => ID, { description: 'Its id, as the source system it is shown from gave it.' })
  id!: string;

  @Field({ description: 'What it is about, as the source system words it (in English where the glossary knows it).' })
  title!: string;

  @Field(() => SourceSystem, { description: 'The system it is shown from.' })
  sourceSystem!: SourceSystem;

  @Field(() => [Provenance], { description: 'Every system that delivered it: more than one when two systems sent the same appointment.' })
  provenance!: Provenance[];

  @Field(() => Authority, { description: "The authority responsible: a hospital's region, otherwise the municipality." })
  responsibleAuthority!: Authority;

  @Field(() => Contact, { description: "Whom to contact about it; the responsible authority's general contact when the source has none." })
  contact!: Contact;

  @Field({ description: "True when `contact` is the authority's general contact because the source gave none." })
  contactIsGeneral!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When `contactIsGeneral`: says so in plain words in the language asked for, fit to show beside the contact; null otherwise.',
  })
  contactNote!: string | null;

  @Field(() => CaseReference, { nullable: true, description: 'The case it belongs to, if any.' })
  case!: CaseReference | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A planned appointment with a public authority, from one of the source systems behind the appointment index.' })
export class Appointment extends FromSourceSystems {
  @Field(() => DateTime, { description: 'When it starts.' })
  startsAt!: string;

  @Field(() => DateTime, { nullable: true, description: 'When it ends, when known.' })
  endsAt!: string | null;

  @Field(() => Location, { nullable: true, description: 'Where it takes place, when known.' })
  location!: Location | null;

  @Field(() => SelfServiceLink, { description: "Where to move it: the source's own page, or the authority's self-service page (`isFallback`)." })
  changeLink!: SelfServiceLink;

  @Field(() => SelfServiceLink, { nullable: true, description: "Where to cancel it, when the source gives a safe link." })
  cancelLink!: SelfServiceLink | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Something the citizen must do by a date, set by one of the source systems (a job centre, citizen service, a school).' })
export class Deadline extends FromSourceSystems {
  @Field(() => DateTime, { description: 'When it falls due.' })
  dueAt!: string;

  @Field(() => String, { nullable: true, description: 'What happens when it is missed, in plain words (in English where the glossary knows it).' })
  consequence!: string | null;

  @Field(() => SelfServiceLink, { description: "Where to act on it: the source's own page, or the authority's self-service page (`isFallback`)." })
  actLink!: SelfServiceLink;
}

@ObjectType({ description: 'An upcoming appointment in a few plain words, for a chatbot.' })
export class AppointmentSummary {
  @Field({ description: 'What it is about.' })
  title!: string;

  @Field(() => DateTime, { description: 'When it starts.' })
  startsAt!: string;

  @Field(() => String, { nullable: true, description: 'The name of the place.' })
  place!: string | null;

  @Field(() => String, { nullable: true, description: 'Where to move or cancel it.' })
  changeLink!: string | null;
}

@ObjectType({ description: 'An appointment shared with a partner authority under a sharing agreement.' })
export class SharedAppointment {
  @Field({ description: 'What it is about.' })
  title!: string;

  @Field(() => DateTime, { description: 'When it starts.' })
  startsAt!: string;

  @Field(() => DateTime, { nullable: true, description: 'When it ends, when known.' })
  endsAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The name of the place.' })
  place!: string | null;

  @Field(() => SourceSystem, { description: 'The system it comes from.' })
  sourceSystem!: SourceSystem;

  @Field(() => Authority, { description: 'The authority responsible for it.' })
  responsibleAuthority!: Authority;
}
