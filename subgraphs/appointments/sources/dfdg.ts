import { z } from 'zod';
import sourceConfig from '../../../config/appointment-sources.json';
import { fromCopenhagenWallClock } from '../../../lib/danish-date';
import { isoDateSchema, isoDateTimeSchema } from '../../../lib/index-wire';
import type { Upstream } from '../../../lib/upstream';
import type { SourceAdapter, SourceItem } from './source';

/**
 * Jobnet (DFDG): the job centre's meetings and deadlines, asked with POST `{ "cprNummer": "<cpr>" }`,
 * answered as `{ "samtaler": [ … ], "frister": [ … ] }` in Danish field names of its own.
 *
 * A meeting (`samtaleId`) has `tidspunkt` with its offset and a length (`varighedMinutter`); a
 * deadline (`fristId`) is due on `fristDato` at `fristKlokkeslaet`, Copenhagen time without an
 * offset. The job centre's municipality (`jobcenterKommunenr`, a number) is the organiser and the
 * municipality whose rules apply. Jobnet links the job centre's case (`sagsnummer`) and sends no
 * contact: the composite falls back to the authority's. It says whether an item may be shared
 * (`maaDelesMedAndreMyndigheder`), the opposite of an objection.
 */

const text = z.string().min(1);
const municipalityNumber = z.number().int().min(101).max(999);

const common = {
  jobcenterKommunenr: municipalityNumber,
  jobcenterKommune: text,
  sagsnummer: text.nullable(),
  maaDelesMedAndreMyndigheder: z.boolean(),
};

const meetingSchema = z.object({
  samtaleId: text,
  emne: text,
  tidspunkt: isoDateTimeSchema,
  varighedMinutter: z.number().int().positive().max(24 * 60).nullable(),
  moedested: z.object({ betegnelse: text, adresse: text.nullable() }).nullable(),
  omlaegLink: text.nullable(),
  ...common,
});

const deadlineSchema = z.object({
  fristId: text,
  opgave: text,
  fristDato: isoDateSchema,
  fristKlokkeslaet: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  konsekvens: text.nullable(),
  handlingsLink: text.nullable(),
  ...common,
});

const answerSchema = z.object({ samtaler: z.array(z.unknown()), frister: z.array(z.unknown()) });

type Common = Pick<SourceItem, 'organiser' | 'citizenMunicipality' | 'contact' | 'cancelLink' | 'caseId' | 'sharingObjected'>;

function commonFacts(item: { jobcenterKommunenr: number; jobcenterKommune: string; sagsnummer: string | null; maaDelesMedAndreMyndigheder: boolean }): Common {
  const code = String(item.jobcenterKommunenr);
  return {
    organiser: { code, name: item.jobcenterKommune },
    citizenMunicipality: code,
    contact: null,
    cancelLink: null,
    caseId: item.sagsnummer,
    sharingObjected: !item.maaDelesMedAndreMyndigheder,
  };
}

function readMeeting(item: unknown): SourceItem | null {
  const parsed = meetingSchema.safeParse(item);
  if (!parsed.success) return null;
  const meeting = parsed.data;
  const starts = Date.parse(meeting.tidspunkt);
  return {
    sourceId: meeting.samtaleId,
    kind: 'APPOINTMENT',
    title: meeting.emne,
    startsAt: new Date(starts).toISOString(),
    endsAt: meeting.varighedMinutter === null ? null : new Date(starts + meeting.varighedMinutter * 60_000).toISOString(),
    place: meeting.moedested === null ? null : { name: meeting.moedested.betegnelse, address: meeting.moedested.adresse },
    changeLink: meeting.omlaegLink,
    consequence: null,
    ...commonFacts(meeting),
  };
}

function readDeadline(item: unknown): SourceItem | null {
  const parsed = deadlineSchema.safeParse(item);
  if (!parsed.success) return null;
  const deadline = parsed.data;
  const due = fromCopenhagenWallClock(`${deadline.fristDato}T${deadline.fristKlokkeslaet}`);
  if (due === null) return null;
  return {
    sourceId: deadline.fristId,
    kind: 'DEADLINE',
    title: deadline.opgave,
    startsAt: due,
    endsAt: null,
    place: null,
    changeLink: deadline.handlingsLink,
    consequence: deadline.konsekvens,
    ...commonFacts(deadline),
  };
}

const hasKey = (item: unknown, key: string) => typeof item === 'object' && item !== null && key in item;

export const dfdgAdapter: SourceAdapter = {
  system: 'DFDG',

  async fetch(upstream: Upstream, cpr: string, deadline: number): Promise<unknown[]> {
    const { samtaler, frister } = await upstream.post(sourceConfig.sources.DFDG.path, { cprNummer: cpr }, answerSchema, { deadline });
    return [...samtaler, ...frister];
  },

  /** A meeting or a deadline, told apart by their ids (the two lists' items share no id field). */
  read(item: unknown): SourceItem | null {
    if (hasKey(item, 'samtaleId') === hasKey(item, 'fristId')) return null;
    return hasKey(item, 'fristId') ? readDeadline(item) : readMeeting(item);
  },
};
