import { z } from 'zod';

/**
 * Wire shapes shared by the simulated national indexes (Serviceplatformen style: Danish field
 * names, CPR in request bodies, never in URLs). Each subgraph's `upstream.contract.ts` builds on
 * these; the simulator in `mocks/` produces them.
 */

export const cprSchema = z.string().regex(/^\d{10}$/);

/** A public authority, identified by its municipality code (or a region / agency code). */
export const authoritySchema = z.object({
  kode: z.string(),
  navn: z.string(),
});
export type WireAuthority = z.infer<typeof authoritySchema>;

/** A responsible unit's contact details; any field may be missing at the source. */
export const contactUnitSchema = z.object({
  navn: z.string(),
  telefon: z.string().nullable(),
  email: z.string().nullable(),
  aabningstider: z.string().nullable(),
});
export type WireContactUnit = z.infer<typeof contactUnitSchema>;

/** Money in minor units (øre) to stay exact. */
export const moneySchema = z.object({
  oere: z.number().int(),
  valuta: z.literal('DKK'),
});
export type WireMoney = z.infer<typeof moneySchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const isoDateTimeSchema = z.string().datetime({ offset: true });

/** Every search is by the citizen's CPR in the body; every batch look-up by a list of ids. */
export const citizenSearchSchema = z.object({ cpr: cprSchema });
export const batchLookupSchema = z.object({ ider: z.array(z.string()).min(1).max(500) });
