import { z } from 'zod';
import clientsFile from '../config/clients.json';

/**
 * The external services registered as OAuth clients (`services` in config/clients.json): what a
 * service may ever ask a citizen's consent for. A consent covers at most the service's areas,
 * for at most its `maxDays`, and its token is sent back only to one of its `redirectUris`.
 */
export const consentAreas = ['cases', 'benefits', 'payments', 'appointments'] as const;
export type ConsentArea = (typeof consentAreas)[number];

const serviceSchema = z.object({
  /** As the consent page, the citizen's list of consents and the access log name it. */
  name: z.string().min(1).max(100),
  /** Exact matches only: no prefixes, no wildcards. */
  redirectUris: z.array(z.string().url()).min(1),
  areas: z.array(z.enum(consentAreas)).min(1),
  maxDays: z.number().int().min(1).max(365),
  /** Why it asks, in the service's own words, shown on the consent page and kept with the consent. */
  purpose: z.string().min(1).max(300),
});
export type ExternalService = z.infer<typeof serviceSchema>;

export const serviceIdPattern = /^[a-z0-9][a-z0-9-]{1,63}$/;

export const externalServices: Readonly<Record<string, ExternalService>> = z
  .record(z.string().regex(serviceIdPattern), serviceSchema)
  .parse(clientsFile.services);

/** The registered service with this client id, or undefined (never a prototype property). */
export function externalService(clientId: string): ExternalService | undefined {
  return Object.hasOwn(externalServices, clientId) ? externalServices[clientId] : undefined;
}

/** The areas of `asked` the service may ask for, in the canonical order; null when any is not. */
export function withinService(service: ExternalService, asked: readonly string[]): ConsentArea[] | null {
  if (asked.some((area) => !(service.areas as readonly string[]).includes(area))) return null;
  return consentAreas.filter((area) => asked.includes(area));
}
