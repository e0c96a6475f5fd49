import { z } from 'zod';
import { cprSchema } from './index-wire';

/** The CPR register's person look-up, as simulated here (used by the access rules). */
export const personIndex = {
  name: 'person',
  batch: '/cpr/v1/personer/hent',
} as const;

export const wirePersonSchema = z.object({
  cpr: cprSchema,
  navn: z.string(),
  adresse: z.string(),
  kommunekode: z.string(),
  /** Name and address protection (CPR act §28). */
  adressebeskyttet: z.boolean(),
  /** For a minor: who has custody (forældremyndighed), by CPR number. */
  myndighedsindehavere: z.array(cprSchema).default([]),
});
export type WirePerson = z.infer<typeof wirePersonSchema>;
export const personsResponseSchema = z.object({ personer: z.array(wirePersonSchema) });
