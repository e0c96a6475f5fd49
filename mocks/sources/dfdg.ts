import { HttpResponse, type RequestHandler } from 'msw';
import { z } from 'zod';
import sourceConfig from '../../config/appointment-sources.json';
import { copenhagenWallClock, copenhagenWithOffset } from '../../lib/danish-date';
import { cprSchema } from '../../lib/index-wire';
import type { Dataset } from '../fixtures/dataset';
import type { SimulatedAppointment } from '../fixtures/generator';
import type { CallRecorder } from '../indexes/call-recorder';
import type { Faults } from '../indexes/faults';
import { sourceHandler, withGarbage } from './source-route';

/**
 * Jobnet (DFDG), simulated: the job centre's JSON, Danish field names of its own. Meetings
 * (`samtaler`) and deadlines (`frister`) in two lists. A meeting has a time with its Copenhagen
 * offset and a length in minutes; a deadline a Danish date and time of day, no offset. The job
 * centre's municipality is a number; the case is the job centre's case number. Jobnet sends no
 * contact. Sharing is said the other way round: `maaDelesMedAndreMyndigheder` (may be shared).
 *
 * ```json
 * { "samtaler": [ {
 *     "samtaleId": "AFT-T751-0002", "emne": "Jobsamtale i jobcenteret",
 *     "tidspunkt": "2026-12-07T10:30:00+01:00", "varighedMinutter": 45,
 *     "moedested": { "betegnelse": "Jobcenter", "adresse": null },
 *     "jobcenterKommunenr": 751, "jobcenterKommune": "Aarhus Kommune",
 *     "sagsnummer": "SAG-T751-0001", "omlaegLink": "https://…", "maaDelesMedAndreMyndigheder": true } ],
 *   "frister": [ {
 *     "fristId": "FRI-T751-0002", "opgave": "Opdater dit CV på Jobnet",
 *     "fristDato": "2026-12-14", "fristKlokkeslaet": "23:00",
 *     "konsekvens": "Hvis du ikke opdaterer dit CV, kan det få betydning for din ydelse.",
 *     "jobcenterKommunenr": 751, "jobcenterKommune": "Aarhus Kommune",
 *     "sagsnummer": "SAG-T751-0001", "handlingsLink": "https://…", "maaDelesMedAndreMyndigheder": true } ] }
 * ```
 */
export interface DfdgMeeting {
  samtaleId: string;
  emne: string;
  tidspunkt: string;
  varighedMinutter: number | null;
  moedested: { betegnelse: string; adresse: string | null } | null;
  jobcenterKommunenr: number;
  jobcenterKommune: string;
  sagsnummer: string | null;
  omlaegLink: string | null;
  maaDelesMedAndreMyndigheder: boolean;
}

export interface DfdgDeadline {
  fristId: string;
  opgave: string;
  fristDato: string;
  fristKlokkeslaet: string;
  konsekvens: string | null;
  jobcenterKommunenr: number;
  jobcenterKommune: string;
  sagsnummer: string | null;
  handlingsLink: string | null;
  maaDelesMedAndreMyndigheder: boolean;
}

export interface DfdgAnswer {
  samtaler: unknown[];
  frister: unknown[];
}

/** One job-centre meeting as Jobnet has it (it keeps no contact). */
export function renderDfdgMeeting(record: SimulatedAppointment): DfdgMeeting {
  return {
    samtaleId: record.aftaleId,
    emne: record.titel,
    tidspunkt: copenhagenWithOffset(record.start),
    varighedMinutter: record.slut === null ? null : Math.round((Date.parse(record.slut) - Date.parse(record.start)) / 60_000),
    moedested: record.sted === null ? null : { betegnelse: record.sted.navn, adresse: record.sted.adresse },
    jobcenterKommunenr: Number(record.myndighed.kode),
    jobcenterKommune: record.myndighed.navn,
    sagsnummer: record.sagId,
    omlaegLink: record.aendringslink,
    maaDelesMedAndreMyndigheder: !record.delingFrabedt,
  };
}

/** One deadline as Jobnet has it: due on a Danish day at a time of day. */
export function renderDfdgDeadline(record: SimulatedAppointment): DfdgDeadline {
  const [date, time] = copenhagenWallClock(record.start).split('T');
  return {
    fristId: record.aftaleId,
    opgave: record.titel,
    fristDato: date,
    fristKlokkeslaet: time.slice(0, 5),
    konsekvens: record.konsekvens,
    jobcenterKommunenr: Number(record.myndighed.kode),
    jobcenterKommune: record.myndighed.navn,
    sagsnummer: record.sagId,
    handlingsLink: record.aendringslink,
    maaDelesMedAndreMyndigheder: !record.delingFrabedt,
  };
}

/** A citizen's meetings and deadlines in Jobnet. */
export function renderDfdg(dataset: Dataset, cpr: string): { samtaler: DfdgMeeting[]; frister: DfdgDeadline[] } {
  const records = (dataset.lookup.appointments.byCpr.get(cpr) ?? []).filter((record) => record.kildesystem === 'DFDG');
  return {
    samtaler: records.filter((record) => record.type === 'AFTALE').map(renderDfdgMeeting),
    frister: records.filter((record) => record.type === 'FRIST').map(renderDfdgDeadline),
  };
}

/** What the `garbage` fault puts among the good meetings: a time that is no time, a length that is no number. */
const garbageMeeting = { samtaleId: 'GARBAGE-0001', emne: 'Jobsamtale i jobcenteret', tidspunkt: 'næste tirsdag', varighedMinutter: 'tre kvarter', jobcenterKommunenr: 751 };

/** Jobnet's search: POST `{ "cprNummer": "<cpr>" }` on the configured path. */
export function createDfdgHandlers(dataset: Dataset, recorder: CallRecorder, baseUrl: string, faults?: Faults): RequestHandler[] {
  return [
    sourceHandler(baseUrl, recorder, faults, {
      system: 'DFDG',
      path: sourceConfig.sources.DFDG.path,
      body: z.object({ cprNummer: cprSchema }),
      cprOf: (body) => body.cprNummer,
      refusal: { fejlkode: 'UGYLDIG_FORESPOERGSEL', besked: 'cprNummer mangler eller er ugyldigt' },
      answer: (cpr, garbage) => {
        const { samtaler, frister } = renderDfdg(dataset, cpr);
        const answer: DfdgAnswer = { samtaler: withGarbage<unknown>(samtaler, garbageMeeting, garbage), frister };
        return HttpResponse.json(answer);
      },
    }),
  ];
}
