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
  /** For VAERGEMAAL: FULDT covers every card, DELVIST only those in `kort`. Null for other types. */
  vaergemaalOmfang: z.enum(['FULDT', 'DELVIST']).nullable(),
  /** For FREMTIDSFULDMAGT: the day the Family Court put it in force; null until then (and for other types). */
  ikraftsat: isoDateSchema.nullable(),
});
export type WireProxy = z.infer<typeof wireProxySchema>;

export const holderSearchSchema = z.object({ haverId: z.string().min(1) });

export const revokeRequestSchema = z.object({ fuldmagtId: z.string().min(1), cpr: cprSchema });

export const proxiesResponseSchema = z.object({ fuldmagter: z.array(wireProxySchema) });
export type ProxiesResponse = z.infer<typeof proxiesResponseSchema>;
