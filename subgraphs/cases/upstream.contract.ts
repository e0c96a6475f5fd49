import { z } from 'zod';
import { authoritySchema, contactUnitSchema, cprSchema, isoDateSchema } from '../../lib/index-wire';

/** Sags- og Dokumentindeks (SF1470), as simulated in `mocks/`. */
export const casesIndex = {
  name: 'cases',
  search: '/sagsindeks/v1/sager/soeg',
  batch: '/sagsindeks/v1/sager/hent',
} as const;

export const progressCodes = ['Opstaaet', 'Oplyst', 'Afgjort', 'Afsluttet'] as const;
export const sensitivityCodes = [
  'IKKE_FORTROLIGE_DATA',
  'FORTROLIGE_PERSONOPLYSNINGER',
  'FOELSOMME_PERSONOPLYSNINGER',
  'VIP_SAGER',
] as const;

export const wireCaseSchema = z.object({
  sagId: z.string(),
  titel: z.string().nullable(),
  kle: z.string(),
  fremdrift: z.enum(progressCodes),
  foelsomhed: z.enum(sensitivityCodes),
  primaerPart: z.object({ cpr: cprSchema }),
  oprettet: isoDateSchema,
  afsluttet: isoDateSchema.nullable(),
  myndighed: authoritySchema,
  ansvarligEnhed: contactUnitSchema,
  /** Present at the source; the graph never shows it. */
  sagsbehandler: z.object({ initialer: z.string(), navn: z.string() }).nullable(),
  /** Whether the municipality lets citizens see document titles. */
  visDokumenttitler: z.boolean(),
  dokumenter: z.array(
    z.object({
      dokumentId: z.string(),
      titel: z.string(),
      dato: isoDateSchema,
      /** Present at the source; the graph never shows it. */
      indhold: z.string(),
    }),
  ),
  ejerSystem: z.string(),
});
export type WireCase = z.infer<typeof wireCaseSchema>;

export const casesResponseSchema = z.object({ sager: z.array(wireCaseSchema) });
export type CasesResponse = z.infer<typeof casesResponseSchema>;
