import ICAL from 'ical.js';
import { z } from 'zod';
import sourceConfig from '../../../config/appointment-sources.json';
import type { Upstream } from '../../../lib/upstream';
import type { SourceAdapter, SourceItem } from './source';

/**
 * Aula's school calendar: an iCalendar feed (RFC 5545, `text/calendar`), asked with POST
 * `{ "cpr": "<cpr>" }`, parsed with ical.js. The feed is taken apart into its items, each in jCal
 * (RFC 7265, iCalendar as JSON, so it can be cached like any other source's items): a VEVENT is a
 * meeting, a VTODO a deadline due at DUE; cancelled ones are left out.
 *
 * An item is read from: UID (the id), SUMMARY (the title), DTSTART and DTEND or DURATION (a
 * meeting), DUE (a deadline), all in UTC (a floating time or one with a TZID cannot be placed and
 * is unreadable); LOCATION and X-AULA-ADRESSE (the place), URL (the change link), CONTACT with
 * X-TELEFON, X-EMAIL and X-AABNINGSTIDER parameters (the unit to contact), DESCRIPTION (a
 * deadline's consequence), CLASS:CONFIDENTIAL or PRIVATE (the citizen objected to sharing), and
 * X-AULA-KOMMUNEKODE and X-AULA-KOMMUNENAVN (the school's municipality: the organiser, and the
 * municipality whose rules apply). Aula links no case.
 */

/** A jCal property: name, parameters, value type, value (more values are not used here). */
const propertySchema = z.tuple([z.string(), z.record(z.string(), z.unknown()), z.string(), z.unknown()], z.unknown());
type Property = z.infer<typeof propertySchema>;
const componentSchema = z.tuple([z.enum(['vevent', 'vtodo']), z.array(propertySchema), z.array(z.unknown())]);

const utcDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const municipalityCode = /^\d{3}$/;

/** The value of a TEXT property that ical.js does not know (an X- property) comes raw: unescape it (RFC 5545 3.3.11). */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, character: string) => (character === 'n' || character === 'N' ? '\n' : character));
}

class Unreadable extends Error {}

/** The properties of one component by name, each allowed once at most. */
function propertiesOf(properties: readonly Property[]) {
  const byName = new Map<string, Property>();
  for (const property of properties) {
    // RFC 5545 allows each of the properties read here once per component (CONTACT aside, where the first is taken).
    if (byName.has(property[0]) && property[0] !== 'contact') throw new Unreadable();
    if (!byName.has(property[0])) byName.set(property[0], property);
  }
  const text = (name: string): string | null => {
    const property = byName.get(name);
    if (property === undefined) return null;
    const [, , type, value] = property;
    if (typeof value !== 'string' || value === '') throw new Unreadable();
    if (type === 'unknown') return unescapeText(value);
    if (type !== 'text' && type !== 'uri') throw new Unreadable();
    return value;
  };
  const required = (name: string): string => {
    const value = text(name);
    if (value === null) throw new Unreadable();
    return value;
  };
  const instant = (name: string): string | null => {
    const property = byName.get(name);
    if (property === undefined) return null;
    const [, parameters, type, value] = property;
    if (type !== 'date-time' || typeof value !== 'string' || !utcDateTime.test(value) || 'tzid' in parameters) throw new Unreadable();
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new Unreadable();
    return new Date(ms).toISOString();
  };
  const parameter = (property: Property, name: string): string | null => {
    const value = property[1][name];
    if (value === undefined) return null;
    if (typeof value !== 'string') throw new Unreadable();
    return value;
  };
  return { byName, text, required, instant, parameter };
}

function readComponent([name, properties]: z.infer<typeof componentSchema>): SourceItem {
  const { byName, text, required, instant, parameter } = propertiesOf(properties);
  const deadline = name === 'vtodo';
  const startsAt = instant(deadline ? 'due' : 'dtstart');
  if (startsAt === null) throw new Unreadable();

  let endsAt: string | null = null;
  if (!deadline) {
    endsAt = instant('dtend');
    const duration = byName.get('duration');
    if (duration !== undefined) {
      if (endsAt !== null || duration[2] !== 'duration' || typeof duration[3] !== 'string') throw new Unreadable();
      endsAt = new Date(Date.parse(startsAt) + ICAL.Duration.fromString(duration[3]).toSeconds() * 1000).toISOString();
    }
    if (endsAt !== null && endsAt < startsAt) throw new Unreadable();
  }

  const code = required('x-aula-kommunekode');
  if (!municipalityCode.test(code)) throw new Unreadable();
  const municipalityName = text('x-aula-kommunenavn');
  const location = text('location');
  const contact = byName.get('contact');
  const classification = text('class')?.toUpperCase();

  return {
    sourceId: required('uid'),
    kind: deadline ? 'DEADLINE' : 'APPOINTMENT',
    title: required('summary'),
    startsAt,
    endsAt,
    place: location === null ? null : { name: location, address: text('x-aula-adresse') },
    organiser: municipalityName === null ? null : { code, name: municipalityName },
    citizenMunicipality: code,
    contact:
      contact === undefined
        ? null
        : {
            navn: text('contact')!,
            telefon: parameter(contact, 'x-telefon'),
            email: parameter(contact, 'x-email'),
            aabningstider: parameter(contact, 'x-aabningstider'),
          },
    changeLink: text('url'),
    cancelLink: null,
    caseId: null,
    sharingObjected: classification === 'CONFIDENTIAL' || classification === 'PRIVATE',
    consequence: deadline ? text('description') : null,
  };
}

/**
 * The meetings and deadlines of a feed, in jCal, cancelled ones left out; null when the text is
 * not one iCalendar object. Parsed with ical.js.
 */
export function aulaFeedItems(feed: string): unknown[] | null {
  let calendar: unknown;
  try {
    calendar = ICAL.parse(feed);
  } catch {
    return null;
  }
  const parsed = z.tuple([z.literal('vcalendar'), z.array(z.unknown()), z.array(z.unknown())]).safeParse(calendar);
  if (!parsed.success) return null;
  return parsed.data[2].filter((component) => {
    if (!Array.isArray(component) || (component[0] !== 'vevent' && component[0] !== 'vtodo')) return false;
    const properties: unknown[] = Array.isArray(component[1]) ? component[1] : [];
    return !properties.some((property) => Array.isArray(property) && property[0] === 'status' && String(property[3]).toUpperCase() === 'CANCELLED');
  });
}

/** The answer is text; it is valid when it is one iCalendar object (otherwise a bad response, as any index's). */
const feedSchema = z.string().transform((feed, context) => {
  const items = aulaFeedItems(feed);
  if (items === null) {
    context.addIssue({ code: 'custom', message: 'not an iCalendar object' });
    return z.NEVER;
  }
  return items;
});

export const aulaAdapter: SourceAdapter = {
  system: 'AULA',

  fetch(upstream: Upstream, cpr: string, deadline: number): Promise<unknown[]> {
    return upstream.post(sourceConfig.sources.AULA.path, { cpr }, feedSchema, { deadline, read: 'text' });
  },

  read(item: unknown): SourceItem | null {
    const parsed = componentSchema.safeParse(item);
    if (!parsed.success) return null;
    try {
      return readComponent(parsed.data);
    } catch {
      return null;
    }
  },
};
