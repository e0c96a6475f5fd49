import { z } from 'zod';
import { authoritySchema, cprSchema, isoDateSchema, moneySchema } from '../../lib/index-wire';

/** "Betalinger" (payouts and debts, fed by municipal finance systems), as simulated in `mocks/`. */
export const paymentsIndex = {
  name: 'payments',
  search: '/betalinger/v1/betalinger/soeg',
  batch: '/betalinger/v1/betalinger/hent',
} as const;

export const paymentKindCodes = ['UDBETALING', 'GAELD'] as const;
export const financeSystemCodes = ['KMD_OPUS', 'FUJITSU_PRISME', 'SAP'] as const;

export const wirePaymentSchema = z.object({
  betalingId: z.string(),
  type: z.enum(paymentKindCodes),
  beloeb: moneySchema,
  /** Missing when the finance system does not deliver it (Fujitsu Prisme). Never invented. */
  betalingsdato: isoDateSchema.nullable(),
  ydelseId: z.string().nullable(),
  modtager: z.object({ cpr: cprSchema }),
  myndighed: authoritySchema,
  finanssystem: z.enum(financeSystemCodes),
});
export type WirePayment = z.infer<typeof wirePaymentSchema>;

export const paymentsResponseSchema = z.object({ betalinger: z.array(wirePaymentSchema) });
export type PaymentsResponse = z.infer<typeof paymentsResponseSchema>;
