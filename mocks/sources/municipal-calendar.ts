import { HttpResponse, type RequestHandler } from 'msw';
import sourceConfig from '../../config/appointment-sources.json';
import { copenhagenWallClock } from '../../lib/danish-date';
import { citizenSearchSchema } from '../../lib/index-wire';
import type { Dataset } from '../fixtures/dataset';
import type { SimulatedAppointment } from '../fixtures/generator';
import type { CallRecorder } from '../indexes/call-recorder';
import type { Faults } from '../indexes/faults';
import { sourceHandler, withGarbage } from './source-route';

/**
 * The municipal calendar format four municipal systems share: WFP and FrontDesk (citizen service
 * bookings), Novax (health visitor) and Sensum (social services). Danish keys; times as the
 * Copenhagen wall clock without an offset; the municipality as its four-digit code ("0751");
 * appointments and deadlines (`art: "frist"`, due at `fra`) in one list; absent values as null.
 *
 * ```json
 * { "kalender": [ {
 *   "id": "FRI-A851-0001", "art": "frist",
 *   "overskrift": "Dit pas udløber: bestil et nyt",
 *   "fra": "2026-12-07T23:00:00", "til": null,
 *   "sted": null, "kommunekode": "0851", "enhed": null,
 *   "links": { "flyt": "https://aftaler.example.invalid/frontdesk/frist-A851-1", "aflys": null },
 *   "sagsreference": null, "maaIkkeDeles": false,
 *   "konsekvens": "Uden et gyldigt pas kan du ikke rejse uden for Norden."
 * } ] }
 * ```
 */
export type MunicipalCalendarSystem = 'WFP' | 'FRONTDESK' | 'NOVAX' | 'SENSUM';
export const municipalCalendarSystems: readonly MunicipalCalendarSystem[] = ['WFP', 'FRONTDESK', 'NOVAX', 'SENSUM'];

export interface CalendarEntry {
  id: string;
  art: 'aftale' | 'frist';
  overskrift: string;
  fra: string;
  til: string | null;
  sted: { navn: string; adresse: string | null } | null;
  kommunekode: string;
  enhed: { navn: string; telefon: string | null; email: string | null; aabningstider: string | null } | null;
  links: { flyt: string | null; aflys: string | null };
  sagsreference: string | null;
  maaIkkeDeles: boolean;
  konsekvens: string | null;
}

/** One appointment or deadline as a municipal calendar entry. */
export function renderCalendarEntry(record: SimulatedAppointment): CalendarEntry {
  return {
    id: record.aftaleId,
    art: record.type === 'FRIST' ? 'frist' : 'aftale',
    overskrift: record.titel,
    fra: copenhagenWallClock(record.start),
    til: record.slut === null ? null : copenhagenWallClock(record.slut),
    sted: record.sted === null ? null : { navn: record.sted.navn, adresse: record.sted.adresse },
    kommunekode: record.myndighed.kode.padStart(4, '0'),
    enhed: record.kontakt === null ? null : { ...record.kontakt },
    links: { flyt: record.aendringslink, aflys: null },
    sagsreference: record.sagId,
    maaIkkeDeles: record.delingFrabedt,
    konsekvens: record.konsekvens,
  };
}

/** A citizen's entries in one municipal system. */
export function renderCalendar(dataset: Dataset, system: MunicipalCalendarSystem, cpr: string): CalendarEntry[] {
  return (dataset.lookup.appointments.byCpr.get(cpr) ?? []).filter((record) => record.kildesystem === system).map(renderCalendarEntry);
}

/** What the `garbage` fault puts among the good entries: an unknown kind and a time that is no time. */
const garbageEntry = { id: 'GARBAGE-0001', art: 'møde?', overskrift: null, fra: '31-02-2026 kl. 25', kommunekode: 751 };

/** The municipal calendar's search: POST `{ "cpr": "<cpr>" }` on each system's configured path. */
export function createMunicipalCalendarHandlers(dataset: Dataset, recorder: CallRecorder, baseUrl: string, faults?: Faults): RequestHandler[] {
  return municipalCalendarSystems.map((system) =>
    sourceHandler(baseUrl, recorder, faults, {
      system,
      path: sourceConfig.sources[system].path,
      body: citizenSearchSchema,
      cprOf: (body) => body.cpr,
      refusal: { fejl: 'Ugyldig forespørgsel' },
      answer: (cpr, garbage) => HttpResponse.json({ kalender: withGarbage<unknown>(renderCalendar(dataset, system, cpr), garbageEntry, garbage) }),
    }),
  );
}
