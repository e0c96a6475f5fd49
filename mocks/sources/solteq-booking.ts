import { HttpResponse, type RequestHandler } from 'msw';
import { z } from 'zod';
import sourceConfig from '../../config/appointment-sources.json';
import { copenhagenWithOffset } from '../../lib/danish-date';
import { cprSchema } from '../../lib/index-wire';
import type { Dataset } from '../fixtures/dataset';
import type { SimulatedAppointment } from '../fixtures/generator';
import type { CallRecorder } from '../indexes/call-recorder';
import type { Faults } from '../indexes/faults';
import { sourceHandler, withGarbage } from './source-route';

/**
 * Solteq's booking API, behind two systems: Solteq Tand (municipal dental care) and Solteq Sund
 * (driving-test booking). Vendor JSON in English: times as Copenhagen wall clock with the offset,
 * the municipality as a number, HAL-style links, and fields without a value left out rather than
 * null. Bookings only: the format has no deadlines.
 *
 * ```json
 * { "bookings": [ {
 *   "bookingId": "AFT-S461-0002",
 *   "service": { "name": "Tandeftersyn" },
 *   "slot": { "from": "2026-03-02T09:30:00+01:00", "to": "2026-03-02T10:15:00+01:00" },
 *   "location": { "name": "Tandklinikken" },
 *   "clinic": { "name": "Tandplejen", "phone": "+45 41 22 33 44", "email": "…", "openingHours": "Man-tors 10-15, fre 10-13" },
 *   "municipalityNo": 461,
 *   "_links": { "reschedule": { "href": "https://aftaler.example.invalid/solteq_tand/S461-2" } },
 *   "doNotShare": false
 * } ] }
 * ```
 */
export type SolteqSystem = 'SOLTEQ_TAND' | 'SOLTEQ_SUND';
export const solteqSystems: readonly SolteqSystem[] = ['SOLTEQ_TAND', 'SOLTEQ_SUND'];

export interface SolteqBooking {
  bookingId: string;
  service: { name: string };
  slot: { from: string; to?: string };
  location?: { name: string; address?: string };
  clinic?: { name: string; phone?: string; email?: string; openingHours?: string };
  municipalityNo: number;
  _links: { reschedule?: { href: string }; cancel?: { href: string } };
  doNotShare: boolean;
}

/** Only the fields that have a value, as Solteq sends them. */
function present<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as { [K in keyof T]?: Exclude<T[K], null> };
}

/** One appointment as a Solteq booking. */
export function renderSolteqBooking(record: SimulatedAppointment): SolteqBooking {
  const { sted, kontakt } = record;
  return {
    bookingId: record.aftaleId,
    service: { name: record.titel },
    slot: { from: copenhagenWithOffset(record.start), ...present({ to: record.slut === null ? null : copenhagenWithOffset(record.slut) }) },
    ...(sted === null ? {} : { location: { name: sted.navn, ...present({ address: sted.adresse }) } }),
    ...(kontakt === null ? {} : { clinic: { name: kontakt.navn, ...present({ phone: kontakt.telefon, email: kontakt.email, openingHours: kontakt.aabningstider }) } }),
    municipalityNo: Number(record.myndighed.kode),
    _links: record.aendringslink === null ? {} : { reschedule: { href: record.aendringslink } },
    doNotShare: record.delingFrabedt,
  };
}

/** A citizen's bookings in one Solteq system (its deadlines, had it any, cannot be said in this format). */
export function renderSolteqBookings(dataset: Dataset, system: SolteqSystem, cpr: string): SolteqBooking[] {
  return (dataset.lookup.appointments.byCpr.get(cpr) ?? []).filter((record) => record.kildesystem === system && record.type === 'AFTALE').map(renderSolteqBooking);
}

/** What the `garbage` fault puts among the good bookings: no service, and a slot that is no time. */
const garbageBooking = { bookingId: 'GARBAGE-0001', service: null, slot: { from: 'tomorrow-ish' }, municipalityNo: 'n/a' };

/** Solteq's search: POST `{ "personId": "<cpr>" }` on each system's configured path. */
export function createSolteqHandlers(dataset: Dataset, recorder: CallRecorder, baseUrl: string, faults?: Faults): RequestHandler[] {
  return solteqSystems.map((system) =>
    sourceHandler(baseUrl, recorder, faults, {
      system,
      path: sourceConfig.sources[system].path,
      body: z.object({ personId: cprSchema }),
      cprOf: (body) => body.personId,
      refusal: { error: 'invalid_request', message: 'personId is required' },
      answer: (cpr, garbage) => HttpResponse.json({ bookings: withGarbage<unknown>(renderSolteqBookings(dataset, system, cpr), garbageBooking, garbage) }),
    }),
  );
}
