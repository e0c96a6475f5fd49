import { z } from 'zod';
import sourceConfig from '../../../config/appointment-sources.json';
import { fromCopenhagenWallClock } from '../../../lib/danish-date';
import type { Upstream } from '../../../lib/upstream';
import type { SourceAdapter, SourceItem } from './source';

/**
 * The municipal calendar format four municipal systems share: WFP and FrontDesk (citizen service
 * bookings), Novax (health visitor) and Sensum (social services). Danish keys; appointments and
 * deadlines in one list (`art`: "aftale", or "frist" due at `fra`); times as the Copenhagen wall
 * clock without an offset; the municipality as its four-digit code ("0751"), read as the
 * three-digit code used everywhere else ("751"). The calendar names no organiser: the
 * responsible authority is derived from the citizen's municipality.
 *
 * Asked with POST `{ "cpr": "<cpr>" }`; answers `{ "kalender": [ … ] }`.
 */
export type MunicipalCalendarSystem = 'WFP' | 'FRONTDESK' | 'NOVAX' | 'SENSUM';

const text = z.string().min(1);
const wallClock = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/);

const entrySchema = z.object({
  id: text,
  art: z.enum(['aftale', 'frist']),
  overskrift: text,
  fra: wallClock,
  til: wallClock.nullable(),
  sted: z.object({ navn: text, adresse: z.string().nullable() }).nullable(),
  kommunekode: z.string().regex(/^0\d{3}$/),
  enhed: z.object({ navn: text, telefon: z.string().nullable(), email: z.string().nullable(), aabningstider: z.string().nullable() }).nullable(),
  links: z.object({ flyt: text.nullable(), aflys: text.nullable() }),
  sagsreference: text.nullable(),
  maaIkkeDeles: z.boolean(),
  konsekvens: text.nullable(),
});

const responseSchema = z.object({ kalender: z.array(z.unknown()) });

/** The adapter for one municipal system. */
export function municipalCalendarAdapter(system: MunicipalCalendarSystem): SourceAdapter {
  const { path } = sourceConfig.sources[system];
  return {
    system,
    async fetch(upstream: Upstream, cpr: string, deadline: number): Promise<unknown[]> {
      const { kalender } = await upstream.post(path, { cpr }, responseSchema, { deadline });
      return kalender;
    },
    read(item: unknown): SourceItem | null {
      const parsed = entrySchema.safeParse(item);
      if (!parsed.success) return null;
      const entry = parsed.data;
      const startsAt = fromCopenhagenWallClock(entry.fra);
      const endsAt = entry.til === null ? null : fromCopenhagenWallClock(entry.til);
      if (startsAt === null || (entry.til !== null && endsAt === null)) return null;
      return {
        sourceId: entry.id,
        kind: entry.art === 'frist' ? 'DEADLINE' : 'APPOINTMENT',
        title: entry.overskrift,
        startsAt,
        endsAt,
        // A home visit keeps the citizen's address here; access rules decide who may see it.
        place: entry.sted === null ? null : { name: entry.sted.navn, address: entry.sted.adresse },
        organiser: null,
        citizenMunicipality: entry.kommunekode.slice(1),
        contact: entry.enhed === null ? null : { ...entry.enhed },
        changeLink: entry.links.flyt,
        cancelLink: entry.links.aflys,
        caseId: entry.sagsreference,
        sharingObjected: entry.maaIkkeDeles,
        consequence: entry.konsekvens,
      };
    },
  };
}

export const wfpAdapter = municipalCalendarAdapter('WFP');
export const frontDeskAdapter = municipalCalendarAdapter('FRONTDESK');
export const novaxAdapter = municipalCalendarAdapter('NOVAX');
export const sensumAdapter = municipalCalendarAdapter('SENSUM');
