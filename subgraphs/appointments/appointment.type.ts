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

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A planned appointment with a public authority, from the appointment index.' })
export class Appointment {
  @Field(() => ID, { description: "The appointment's id in the appointment index." })
  id!: string;

  @Field({ description: 'What the appointment is about.' })
  title!: string;

  @Field(() => DateTime, { description: 'When it starts.' })
  startsAt!: string;

  @Field(() => DateTime, { nullable: true, description: 'When it ends, when known.' })
  endsAt!: string | null;

  @Field(() => Location, { nullable: true, description: 'Where it takes place, when known.' })
  location!: Location | null;

  @Field(() => SourceSystem, { description: 'The system the appointment comes from.' })
  sourceSystem!: SourceSystem;

  @Field(() => Authority, { description: 'The authority responsible for the appointment.' })
  responsibleAuthority!: Authority;

  @Field(() => Contact, {
    description: "Whom to contact about it; the responsible authority's general contact when the source has none.",
  })
  contact!: Contact;

  @Field({ description: "True when `contact` is the authority's general contact because the source gave none." })
  contactIsGeneral!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When `contactIsGeneral`: says so in plain words in the language asked for, fit to show beside the contact; null otherwise.',
  })
  contactNote!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the citizen can move or cancel the appointment.' })
  changeLink!: string | null;

  @Field(() => CaseReference, { nullable: true, description: 'The case the appointment belongs to, if any.' })
  case!: CaseReference | null;
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
