import ICAL from 'ical.js';
import { http, HttpResponse } from 'msw';
import { createDataset } from '../../../mocks/fixtures/dataset';
import { generateCitizenRecords, type SimulatedAppointment } from '../../../mocks/fixtures/generator';
import { personas } from '../../../mocks/fixtures/personas';
import { describeAskingTheSystem, factsOf } from '../../../mocks/sources/adapter-testing';
import { aulaFeed, createAulaHandlers, renderAulaComponent } from '../../../mocks/sources/aula';
import { aulaAdapter, aulaFeedItems } from './aula';
import type { SourceItem } from './source';

const dataset = createDataset();
const isAula = (record: SimulatedAppointment) => record.kildesystem === 'AULA';

/**
 * The facts of a record, as the adapter must give them back: the school's municipality organises.
 * (Aula links no case: no generated school item has one.)
 */
const facts = (record: SimulatedAppointment) => factsOf(record, { organiser: { code: record.myndighed.kode, name: record.myndighed.navn } });

/** One record through the whole feed: rendered, written as text, parsed and taken apart, read. */
function roundTrip(record: SimulatedAppointment): SourceItem | null {
  const items = aulaFeedItems(aulaFeed([renderAulaComponent(record)]));
  expect(items).toHaveLength(1);
  return aulaAdapter.read(items![0]);
}

/** A component's jCal as the adapter gets it from a feed. */
const jcal = (record: SimulatedAppointment) => aulaFeedItems(aulaFeed([renderAulaComponent(record)]))![0] as [string, unknown[][], unknown[]];
const withProperties = (item: [string, unknown[][], unknown[]], change: (properties: unknown[][]) => unknown[][]) => [item[0], change(item[1]), item[2]];
const without = (name: string) => (properties: unknown[][]) => properties.filter((property) => property[0] !== name);
const replacing = (name: string, property: unknown[]) => (properties: unknown[][]) => properties.map((each) => (each[0] === name ? property : each));

// Of the personas only the pupils sara and emil have Aula; a generated pupil of Aarhus has more meetings, and one with every field filled.
const pupil = generateCitizenRecords(
  {
    cpr: '0101159000',
    municipalityCode: '751',
    idPrefix: 'P1',
    sizes: { cases: 0, benefits: 0, payments: 0, appointments: 6 },
    sources: ['AULA'],
    overrides: {
      appointments: [
        {
          titel: 'Skole-hjem-samtale; 3.b, med lærer og pædagog \\ en lang titel der skal foldes over flere linjer i kalenderen',
          sted: { navn: 'Skolen, lokale 12', adresse: 'Skolevej 1, 8000 Aarhus C' },
          delingFrabedt: true,
        },
        { sted: null, kontakt: null, aendringslink: null, slut: null },
      ],
    },
  },
  11,
).appointments;

describe('the Aula adapter (iCalendar feed)', () => {
  const sara = dataset.lookup.appointments.byCpr.get(personas.sara.cpr)!.filter(isAula);

  const emil = dataset.lookup.appointments.byCpr.get(personas.emil.cpr)!.filter(isAula);

  it('has a school meeting and a deadline for sara, and for no persona but the pupils sara and emil', () => {
    expect(sara.map((record) => record.type)).toEqual(['AFTALE', 'FRIST']);
    const pupils = [personas.sara.cpr, personas.emil.cpr];
    expect(dataset.appointments.filter(isAula).every((record) => pupils.includes(record.borger.cpr))).toBe(true);
  });

  it.each([...sara, ...emil].map((record) => [record.type, record.aftaleId, record] as const))('reads the pupils’ %s %s back to its facts', (_type, _id, record) => {
    expect(roundTrip(record)).toEqual(facts(record));
  });

  it("writes sara's meeting as a VEVENT and her deadline as a VTODO due at DUE, with the consequence in DESCRIPTION", () => {
    const feed = aulaFeed(sara.map((record) => renderAulaComponent(record, new Date('2026-11-23T08:00:00Z'))));
    const lines = feed.split('\r\n');
    expect(lines.slice(0, 5)).toEqual(['BEGIN:VCALENDAR', 'PRODID:-//Aula//Kalender (simuleret)//DA', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
    expect(lines).toEqual(expect.arrayContaining(['BEGIN:VEVENT', `UID:${sara[0].aftaleId}`, 'SUMMARY:Skole-hjem-samtale', 'LOCATION:Skolen', 'X-AULA-KOMMUNEKODE:461', 'X-AULA-KOMMUNENAVN:Odense Kommune', 'BEGIN:VTODO', 'DUE:20261207T220000Z', 'DESCRIPTION:Hvis du ikke tilmelder dig\\, bliver du ikke fotograferet.']));
    expect(lines).toContain(`DTSTART:${sara[0].start.replace(/[-:]/g, '').replace('.000', '')}`);
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const consequence = roundTrip(sara[1]);
    expect(consequence).toMatchObject({ kind: 'DEADLINE', title: 'Tilmelding til skolefoto', consequence: 'Hvis du ikke tilmelder dig, bliver du ikke fotograferet.', endsAt: null });
  });

  it('reads a generated pupil’s meetings back to their facts, through escaping and folding', () => {
    for (const record of pupil) expect(roundTrip(record)).toEqual(facts(record));
    expect(roundTrip(pupil[0])).toMatchObject({ place: { name: 'Skolen, lokale 12', address: 'Skolevej 1, 8000 Aarhus C' }, sharingObjected: true });
    expect(roundTrip(pupil[1])).toMatchObject({ place: null, contact: null, changeLink: null, endsAt: null });
  });

  it('writes a feed RFC 5545 allows: CRLF line ends, lines of at most 75 octets, folded lines begun with a space, and ical.js reads it back', () => {
    const feed = aulaFeed([...pupil, ...sara].map((record) => renderAulaComponent(record)));
    expect(feed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = feed.split('\r\n').slice(0, -1);
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line, 'utf8')))).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(feed));
    const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    expect(events.map((event) => event.summary)).toEqual([...pupil, ...sara].filter((record) => record.type === 'AFTALE').map((record) => record.titel));
    expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual([...pupil, ...sara].filter((record) => record.type === 'AFTALE').map((record) => record.start));
  });

  it('reads the contact from CONTACT and its parameters', () => {
    const item = jcal(sara[0]);
    expect(item[1].find((property) => property[0] === 'contact')).toEqual(['contact', { 'x-telefon': sara[0].kontakt!.telefon, 'x-email': sara[0].kontakt!.email, 'x-aabningstider': 'Man-tors 10-15, fre 10-13' }, 'text', 'Skolens kontor']);
    const nameOnly = withProperties(item, replacing('contact', ['contact', {}, 'text', 'Skolens kontor']));
    expect(aulaAdapter.read(nameOnly)?.contact).toEqual({ navn: 'Skolens kontor', telefon: null, email: null, aabningstider: null });
  });

  it('reads an end given as DURATION, and CLASS:PRIVATE as an objection to sharing', () => {
    const item = jcal(sara[0]);
    const withDuration = withProperties(item, (properties) => [...without('dtend')(properties), ['duration', {}, 'duration', 'PT1H30M']]);
    expect(aulaAdapter.read(withDuration)?.endsAt).toBe(new Date(Date.parse(sara[0].start) + 90 * 60_000).toISOString());
    expect(aulaAdapter.read(withProperties(item, (properties) => [...properties, ['class', {}, 'text', 'PRIVATE']]))?.sharingObjected).toBe(true);
    expect(aulaAdapter.read(withProperties(item, (properties) => [...properties, ['class', {}, 'text', 'PUBLIC']]))?.sharingObjected).toBe(false);
  });

  it('reads a malformed item as null and the others as they are, never throwing', () => {
    const event = jcal(sara[0]);
    const todo = jcal(sara[1]);
    const broken: unknown[] = [
      withProperties(event, without('dtstart')),
      withProperties(event, without('uid')),
      withProperties(event, without('summary')),
      withProperties(event, without('x-aula-kommunekode')),
      withProperties(todo, without('due')),
      // A floating time or one in a named zone cannot be placed without guessing.
      withProperties(event, replacing('dtstart', ['dtstart', {}, 'date-time', '2026-12-07T09:30:00'])),
      withProperties(event, replacing('dtstart', ['dtstart', { tzid: 'Europe/Copenhagen' }, 'date-time', '2026-12-07T09:30:00'])),
      withProperties(event, replacing('dtstart', ['dtstart', {}, 'date', '2026-12-07'])),
      withProperties(event, replacing('dtstart', ['dtstart', {}, 'text', 'i morgen efter frokost'])),
      withProperties(event, replacing('dtend', ['dtend', {}, 'date-time', '2020-01-01T00:00:00Z'])),
      withProperties(event, (properties) => [...properties, ['duration', {}, 'duration', 'PT1H']]),
      withProperties(event, (properties) => [...properties, ['dtstart', {}, 'date-time', '2026-12-08T09:30:00Z']]),
      withProperties(event, replacing('x-aula-kommunekode', ['x-aula-kommunekode', {}, 'unknown', 'Odense'])),
      withProperties(event, replacing('summary', ['summary', {}, 'text', ''])),
      withProperties(event, replacing('contact', ['contact', { 'x-telefon': ['+45 1', '+45 2'] }, 'text', 'Skolens kontor'])),
      ['vjournal', event[1], []],
      ['vevent', 'UID:x', []],
      null,
      'BEGIN:VEVENT',
      42,
      [],
    ];
    for (const item of broken) expect(aulaAdapter.read(item)).toBeNull();
    const read = [event, broken[0], todo].map((item) => aulaAdapter.read(item));
    expect(read.map((item) => item?.sourceId ?? null)).toEqual([sara[0].aftaleId, null, sara[1].aftaleId]);
  });

  it('takes a feed apart into its meetings and deadlines, leaving out cancelled ones and other components, and refuses text that is no calendar', () => {
    const cancelled = renderAulaComponent(pupil[2]);
    cancelled.addPropertyWithValue('status', 'CANCELLED');
    const timezone = new ICAL.Component('vtimezone');
    timezone.addPropertyWithValue('tzid', 'Europe/Copenhagen');
    const items = aulaFeedItems(aulaFeed([timezone, renderAulaComponent(pupil[0]), cancelled, renderAulaComponent(sara[1])]));
    expect(items!.map((item) => aulaAdapter.read(item)?.sourceId)).toEqual([pupil[0].aftaleId, sara[1].aftaleId]);
    expect(aulaFeedItems('{"sager": [ {"sagId": ')).toBeNull();
    expect(aulaFeedItems('')).toBeNull();
    expect(aulaFeedItems('BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n')).toBeNull();
    expect(aulaFeedItems('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')).toBeNull();
    expect(aulaFeedItems('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toEqual([]);
  });

  describeAskingTheSystem(
    {
      system: 'AULA',
      adapter: aulaAdapter,
      createHandlers: createAulaHandlers,
      dataset,
      facts,
      items: 'school meetings and deadlines',
      item: 'meeting',
      citizensWithItems: [personas.sara],
      citizenWithout: personas.thomas,
      body: (cpr) => ({ cpr }),
      badBodies: (cpr) => [JSON.stringify({ cprNummer: cpr }), JSON.stringify({ cpr: `${cpr}x` }), `cpr=${cpr}`],
      refusal: { fejl: 'Ugyldig forespørgsel' },
      neighbour: 'DFDG',
    },
    ({ origin, path, server, fetchFor, post }) => {
      it('answers text/calendar, an empty calendar for a citizen Aula does not know', async () => {
        const answer = await post(JSON.stringify({ cpr: personas.thomas.cpr }));
        expect(answer.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
        const feed = await answer.text();
        expect(feed).not.toContain('BEGIN:VEVENT');
        expect(feed).not.toContain(personas.thomas.cpr);
      });

      it('takes an answer that is no calendar, such as a maintenance page in plain text, as a bad response of the whole system', async () => {
        server.use(http.post(`${origin}${path}`, () => new HttpResponse('Vedligeholdelse: prøv igen senere', { headers: { 'content-type': 'text/plain' } })));
        await expect(fetchFor(personas.sara.cpr)).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_BAD_RESPONSE', area: 'appointments' } });
      });
    },
  );
});
