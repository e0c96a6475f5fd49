import ICAL from 'ical.js';
import { HttpResponse, type RequestHandler } from 'msw';
import sourceConfig from '../../config/appointment-sources.json';
import { citizenSearchSchema } from '../../lib/index-wire';
import type { Dataset } from '../fixtures/dataset';
import type { SimulatedAppointment } from '../fixtures/generator';
import type { CallRecorder } from '../indexes/call-recorder';
import type { Faults } from '../indexes/faults';
import { sourceHandler, withGarbage } from './source-route';

/**
 * Aula's school calendar, simulated: an iCalendar feed (RFC 5545, `text/calendar`), written with
 * ical.js (which escapes and folds lines at 75 octets). A meeting is a VEVENT, a deadline a VTODO
 * due at DUE; times in UTC. UID is the item's id, SUMMARY its title, LOCATION the place (its
 * address, when there is one, in X-AULA-ADRESSE), URL the change link, CONTACT the unit to contact
 * with its phone, e-mail and opening hours as parameters, DESCRIPTION a deadline's consequence,
 * CLASS:CONFIDENTIAL a sharing objection, and the school's municipality in X-AULA-KOMMUNEKODE and
 * X-AULA-KOMMUNENAVN.
 *
 * ```
 * BEGIN:VCALENDAR
 * PRODID:-//Aula//Kalender (simuleret)//DA
 * VERSION:2.0
 * CALSCALE:GREGORIAN
 * METHOD:PUBLISH
 * BEGIN:VEVENT
 * UID:AFT-S461-0001
 * DTSTAMP:20261123T080000Z
 * DTSTART:20260612T063000Z
 * DTEND:20260612T071500Z
 * SUMMARY:Skole-hjem-samtale
 * LOCATION:Skolen
 * URL:https://aftaler.example.invalid/aula/S461-1
 * CONTACT;X-TELEFON=+45 12 34 56 78;X-EMAIL=borgerservice@kommune-461.example
 *  .invalid;X-AABNINGSTIDER="Man-tors 10-15, fre 10-13":Skolens kontor
 * X-AULA-KOMMUNEKODE:461
 * X-AULA-KOMMUNENAVN:Odense Kommune
 * END:VEVENT
 * BEGIN:VTODO
 * UID:FRI-S461-0001
 * DTSTAMP:20261123T080000Z
 * DUE:20261207T220000Z
 * SUMMARY:Tilmelding til skolefoto
 * DESCRIPTION:Hvis du ikke tilmelder dig\, bliver du ikke fotograferet.
 * STATUS:NEEDS-ACTION
 * …
 * END:VTODO
 * END:VCALENDAR
 * ```
 */

/** Escapes a TEXT value for a property ical.js does not know (an X- property), as RFC 5545 3.3.11 says. */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function utc(iso: string): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(iso), true);
}

/** One meeting as a VEVENT, or one deadline as a VTODO. */
export function renderAulaComponent(record: SimulatedAppointment, stamp: Date = new Date()): ICAL.Component {
  const deadline = record.type === 'FRIST';
  const component = new ICAL.Component(deadline ? 'vtodo' : 'vevent');
  component.addPropertyWithValue('uid', record.aftaleId);
  component.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(stamp, true));
  if (deadline) component.addPropertyWithValue('due', utc(record.start));
  else {
    component.addPropertyWithValue('dtstart', utc(record.start));
    if (record.slut !== null) component.addPropertyWithValue('dtend', utc(record.slut));
  }
  component.addPropertyWithValue('summary', record.titel);
  if (deadline && record.konsekvens !== null) component.addPropertyWithValue('description', record.konsekvens);
  if (deadline) component.addPropertyWithValue('status', 'NEEDS-ACTION');
  if (record.sted !== null) {
    component.addPropertyWithValue('location', record.sted.navn);
    if (record.sted.adresse !== null) component.addPropertyWithValue('x-aula-adresse', escapeText(record.sted.adresse));
  }
  if (record.aendringslink !== null) component.addPropertyWithValue('url', record.aendringslink);
  if (record.kontakt !== null) {
    const contact = new ICAL.Property('contact');
    contact.setValue(record.kontakt.navn);
    if (record.kontakt.telefon !== null) contact.setParameter('x-telefon', record.kontakt.telefon);
    if (record.kontakt.email !== null) contact.setParameter('x-email', record.kontakt.email);
    if (record.kontakt.aabningstider !== null) contact.setParameter('x-aabningstider', record.kontakt.aabningstider);
    component.addProperty(contact);
  }
  if (record.delingFrabedt) component.addPropertyWithValue('class', 'CONFIDENTIAL');
  component.addPropertyWithValue('x-aula-kommunekode', record.myndighed.kode);
  component.addPropertyWithValue('x-aula-kommunenavn', escapeText(record.myndighed.navn));
  return component;
}

/** Components as one feed: CRLF line ends, the last line's too. */
export function aulaFeed(components: readonly ICAL.Component[]): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', '-//Aula//Kalender (simuleret)//DA');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  for (const component of components) calendar.addSubcomponent(component);
  return `${calendar.toString()}\r\n`;
}

/** A citizen's school meetings and deadlines in Aula. */
export function renderAulaComponents(dataset: Dataset, cpr: string, stamp: Date = new Date()): ICAL.Component[] {
  return (dataset.lookup.appointments.byCpr.get(cpr) ?? []).filter((record) => record.kildesystem === 'AULA').map((record) => renderAulaComponent(record, stamp));
}

/** What the `garbage` fault puts among the good items: a meeting whose start is words, not a time. */
function garbageEvent(): ICAL.Component {
  return new ICAL.Component([
    'vevent',
    [
      ['uid', {}, 'text', 'GARBAGE-0001'],
      ['dtstamp', {}, 'date-time', ICAL.Time.fromJSDate(new Date(), true).toString()],
      ['summary', {}, 'text', 'Skole-hjem-samtale'],
      ['dtstart', {}, 'text', 'i morgen efter frokost'],
    ],
    [],
  ]);
}

/** Aula's search: POST `{ "cpr": "<cpr>" }` on the configured path, answered with the feed. */
export function createAulaHandlers(dataset: Dataset, recorder: CallRecorder, baseUrl: string, faults?: Faults): RequestHandler[] {
  return [
    sourceHandler(baseUrl, recorder, faults, {
      system: 'AULA',
      path: sourceConfig.sources.AULA.path,
      body: citizenSearchSchema,
      cprOf: (body) => body.cpr,
      refusal: { fejl: 'Ugyldig forespørgsel' },
      answer: (cpr, garbage) =>
        new HttpResponse(aulaFeed(withGarbage(renderAulaComponents(dataset, cpr), garbageEvent(), garbage)), {
          headers: { 'content-type': 'text/calendar; charset=utf-8' },
        }),
    }),
  ];
}
