import { z } from 'zod';
import { authoritySchema, cprSchema, isoDateSchema, moneySchema } from '../../lib/index-wire';

/** Ydelsesindeks (SF1490), as simulated in `mocks/`. */
export const benefitsIndex = {
  name: 'benefits',
  search: '/ydelsesindeks/v1/ydelser/soeg',
  batch: '/ydelsesindeks/v1/ydelser/hent',
} as const;

export const benefitStatusCodes = ['UNDER_BEHANDLING', 'BEVILGET', 'AFSLAG', 'OPHOERT'] as const;
export const payerCodes = ['KOMMUNE', 'UDBETALING_DANMARK'] as const;
export const frequencyCodes = ['MAANEDLIG', 'KVARTALSVIS', 'ENGANGS'] as const;

export const wireBenefitSchema = z.object({
  ydelseId: z.string(),
  /** The index's internal benefit name; the graph shows the KLE plain-language name instead. */
  ydelsesnavn: z.string(),
  kle: z.string(),
  sagId: z.string().nullable(),
  modtager: z.object({ cpr: cprSchema }),
  udbetaler: z.enum(payerCodes),
  myndighed: authoritySchema,
  periode: z.object({ fra: isoDateSchema, til: isoDateSchema.nullable() }),
  beloeb: moneySchema.extend({ frekvens: z.enum(frequencyCodes) }),
  status: z.enum(benefitStatusCodes),
});
export type WireBenefit = z.infer<typeof wireBenefitSchema>;

export const benefitsResponseSchema = z.object({ ydelser: z.array(wireBenefitSchema) });
export type BenefitsResponse = z.infer<typeof benefitsResponseSchema>;
