import { z } from 'zod';
import { cprSchema, isoDateSchema } from '../../lib/index-wire';

/** Digital Fuldmagt (national power-of-attorney service), as simulated in `mocks/`. */
export const proxiesIndex = {
  name: 'proxies',
  /** Proxies where the citizen in the body is the one represented (fuldmagtsgiver). */
  search: '/fuldmagt/v1/fuldmagter/soeg',
  batch: '/fuldmagt/v1/fuldmagter/hent',
  /** Proxies held by the person (CPR) or organisation (CVR) in the body: `{ haverId }`. */
  searchByHolder: '/fuldmagt/v1/fuldmagter/soeg-haver',
  /** Revokes one proxy of the principal in the body: `{ fuldmagtId, cpr }`. */
  revoke: '/fuldmagt/v1/fuldmagter/tilbagekald',
  /** Registers a power of attorney the principal (`cpr`) grants; pending until the holder accepts it. */
  create: '/fuldmagt/v1/fuldmagter/opret',
  /** The holder (`haverId`: CPR or CVR) accepts a pending proxy: `{ fuldmagtId, haverId }`. */
  accept: '/fuldmagt/v1/fuldmagter/accepter',
  /** The holder declines a pending proxy: `{ fuldmagtId, haverId }`. */
  decline: '/fuldmagt/v1/fuldmagter/afvis',
} as const;

export const proxyKindCodes = ['FULDMAGT', 'VAERGEMAAL', 'FREMTIDSFULDMAGT'] as const;
export const cardCodes = ['SAGER', 'YDELSER', 'BETALINGER', 'AFTALER'] as const;

export const wireProxySchema = z.object({
  fuldmagtId: z.string(),
  fuldmagtsgiver: z.object({ cpr: cprSchema }),
  fuldmagtshaver: z.object({
    type: z.enum(['PERSON', 'ORGANISATION']),
    /** CPR for a person, CVR for an organisation; the graph never shows a CPR. */
    id: z.string(),
    navn: z.string(),
  }),
  type: z.enum(proxyKindCodes),
  kort: z.array(z.enum(cardCodes)).min(1),
  gyldigFra: isoDateSchema,
  gyldigTil: isoDateSchema.nullable(),
  /** Bound to one case; ends when that case closes. */
  sagId: z.string().nullable(),
  tilbagekaldt: z.string().nullable(),
  /**
   * When the holder accepted it (ISO instant). A proxy the principal granted is pending until then
   * and lets its holder do nothing. Court-ordered guardianships are registered accepted.
   */
  accepteret: z.string().nullable(),
  /** When the holder declined it while pending (ISO instant); it then never comes into force. */
  afvist: z.string().nullable(),
  /** For VAERGEMAAL: FULDT covers every card, DELVIST only those in `kort`. Null for other types. */
  vaergemaalOmfang: z.enum(['FULDT', 'DELVIST']).nullable(),
  /** For FREMTIDSFULDMAGT: the day the Family Court put it in force; null until then (and for other types). */
  ikraftsat: isoDateSchema.nullable(),
});
export type WireProxy = z.infer<typeof wireProxySchema>;

export const holderSearchSchema = z.object({ haverId: z.string().min(1) });

export const revokeRequestSchema = z.object({ fuldmagtId: z.string().min(1), cpr: cprSchema });

/**
 * A power of attorney the principal (`cpr`) grants (always an ordinary FULDMAGT: guardianships and
 * lasting powers of attorney come from the authorities). Sent again with the same
 * `idempotensnoegle`, the same proxy is answered; the same key with other content is refused
 * (`fejlkode: NOEGLE_GENBRUGT`).
 */
export const createRequestSchema = z.object({
  cpr: cprSchema,
  haver: z.object({ type: z.enum(['PERSON', 'ORGANISATION']), id: z.string().regex(/^(\d{10}|\d{8})$/), navn: z.string().min(1) }),
  kort: z.array(z.enum(cardCodes)).min(1),
  gyldigFra: isoDateSchema,
  gyldigTil: isoDateSchema.nullable(),
  sagId: z.string().min(1).nullable(),
  idempotensnoegle: z.string().min(1).max(64).nullable(),
});
export type CreateRequest = z.infer<typeof createRequestSchema>;

/** The holder (CPR or CVR) answering a pending proxy. */
export const holderAnswerSchema = z.object({ fuldmagtId: z.string().min(1), haverId: z.string().min(1) });

export const createResponseSchema = z.object({
  fuldmagter: z.array(wireProxySchema),
  /** Why nothing was registered: the idempotency key was used before for another proxy. */
  fejlkode: z.enum(['NOEGLE_GENBRUGT']).optional(),
});

export const proxiesResponseSchema = z.object({ fuldmagter: z.array(wireProxySchema) });
export type ProxiesResponse = z.infer<typeof proxiesResponseSchema>;
