import { z } from 'zod';
import sourceConfig from '../../../config/appointment-sources.json';
import type { Upstream } from '../../../lib/upstream';
import type { SourceAdapter, SourceItem } from './source';

/**
 * Solteq's booking API, behind two systems with one format: Solteq Tand (municipal dental care)
 * and Solteq Sund (driving-test booking). Vendor JSON in English; times carry their offset
 * (Copenhagen wall clock) and are read as UTC; the municipality is a number (751); links are
 * HAL-style (`_links.reschedule.href`); a field without a value may be left out or null. Bookings
 * only: the format has no deadlines. The booking names no organiser: the responsible authority is
 * derived from the citizen's municipality.
 *
 * Asked with POST `{ "personId": "<cpr>" }`; answers `{ "bookings": [ … ] }`.
 */
export type SolteqSystem = 'SOLTEQ_TAND' | 'SOLTEQ_SUND';

const text = z.string().min(1);
const optionalText = z.string().nullish();
const instant = z.string().datetime({ offset: true });
const link = z.object({ href: text }).nullish();

const bookingSchema = z.object({
  bookingId: text,
  service: z.object({ name: text }),
  slot: z.object({ from: instant, to: instant.nullish() }),
  location: z.object({ name: text, address: optionalText }).nullish(),
  clinic: z.object({ name: text, phone: optionalText, email: optionalText, openingHours: optionalText }).nullish(),
  municipalityNo: z.number().int().min(100).max(999),
  _links: z.object({ reschedule: link, cancel: link }).nullish(),
  // Required: a booking that does not say whether the citizen objected to sharing is not read as "no objection".
  doNotShare: z.boolean(),
});

const responseSchema = z.object({ bookings: z.array(z.unknown()) });

const utc = (value: string): string => new Date(value).toISOString();

/** The adapter for one Solteq system. */
export function solteqBookingAdapter(system: SolteqSystem): SourceAdapter {
  const { path } = sourceConfig.sources[system];
  return {
    system,
    async fetch(upstream: Upstream, cpr: string, deadline: number): Promise<unknown[]> {
      const { bookings } = await upstream.post(path, { personId: cpr }, responseSchema, { deadline });
      return bookings;
    },
    read(item: unknown): SourceItem | null {
      const parsed = bookingSchema.safeParse(item);
      if (!parsed.success) return null;
      const booking = parsed.data;
      return {
        sourceId: booking.bookingId,
        kind: 'APPOINTMENT',
        title: booking.service.name,
        startsAt: utc(booking.slot.from),
        endsAt: booking.slot.to ? utc(booking.slot.to) : null,
        place: booking.location ? { name: booking.location.name, address: booking.location.address ?? null } : null,
        organiser: null,
        citizenMunicipality: String(booking.municipalityNo),
        contact: booking.clinic
          ? { navn: booking.clinic.name, telefon: booking.clinic.phone ?? null, email: booking.clinic.email ?? null, aabningstider: booking.clinic.openingHours ?? null }
          : null,
        changeLink: booking._links?.reschedule?.href ?? null,
        cancelLink: booking._links?.cancel?.href ?? null,
        caseId: null,
        sharingObjected: booking.doNotShare,
        consequence: null,
      };
    },
  };
}

export const solteqTandAdapter = solteqBookingAdapter('SOLTEQ_TAND');
export const solteqSundAdapter = solteqBookingAdapter('SOLTEQ_SUND');
