import { z } from 'zod';
import authoritiesFile from '../../config/authorities.json';
import sourcesFile from '../../config/appointment-sources.json';
import { contactUnitSchema } from '../../lib/index-wire';

const sourceSchema = z.object({
  name: z.string(),
  path: z.string().startsWith('/'),
  timeoutMs: z.number().int().positive(),
  /** Who is responsible when it does not follow from the item: the organiser it names, or the citizen's municipality. */
  responsible: z.enum(['organiser', 'citizenMunicipality']),
  /** Hosts its change and cancel links may point to (https only). */
  linkHosts: z.array(z.string()),
  /** Which copy of an appointment two systems both deliver is kept: the lower rank. */
  rank: z.number().int(),
});
export type SourceSettings = z.infer<typeof sourceSchema>;

const authoritySchema = z.object({ name: z.string(), contact: contactUnitSchema, selfService: z.string().url().startsWith('https://') });
export type Authority = z.infer<typeof authoritySchema>;

/** The source systems and authorities, checked when the subgraph starts: a bad file stops it with the reason. */
export const sourceSettings: Record<string, SourceSettings> = z.record(z.string(), sourceSchema).parse(sourcesFile.sources);
export const authorities: Record<string, Authority> = z.record(z.string(), authoritySchema).parse(authoritiesFile.authorities);
