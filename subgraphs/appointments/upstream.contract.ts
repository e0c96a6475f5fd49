import { z } from 'zod';
import { authoritySchema, contactUnitSchema, cprSchema, isoDateTimeSchema } from '../../lib/index-wire';

/** The planned-appointment index (aftaleindeks), as simulated in `mocks/`. */
export const appointmentsIndex = {
  name: 'appointments',
  search: '/aftaleindeks/v1/aftaler/soeg',
  batch: '/aftaleindeks/v1/aftaler/hent',
} as const;

export const sourceSystemCodes = [
  'NSP',
  'DFDG',
  'NOVAX',
  'SOLTEQ_TAND',
  'SOLTEQ_SUND',
  'WFP',
  'FRONTDESK',
  'AULA',
  'SENSUM',
] as const;

export const wireAppointmentSchema = z.object({
  aftaleId: z.string(),
  titel: z.string(),
  start: isoDateTimeSchema,
  slut: isoDateTimeSchema.nullable(),
  sted: z.object({ navn: z.string(), adresse: z.string().nullable() }).nullable(),
  kildesystem: z.enum(sourceSystemCodes),
  /** Derived by the index's orchestration step; appointments carry no KLE. */
  myndighed: authoritySchema.extend({ kontakt: contactUnitSchema }),
  /** Often missing (DFDG): the graph then falls back to the authority's general contact. */
  kontakt: contactUnitSchema.nullable(),
  aendringslink: z.string().url().nullable(),
  sagId: z.string().nullable(),
  borger: z.object({ cpr: cprSchema }),
  /** The citizen has objected to this appointment being shared with other authorities. */
  delingFrabedt: z.boolean(),
});
export type WireAppointment = z.infer<typeof wireAppointmentSchema>;

export const appointmentsResponseSchema = z.object({ aftaler: z.array(wireAppointmentSchema) });
export type AppointmentsResponse = z.infer<typeof appointmentsResponseSchema>;
