import { createDataset } from '../../../mocks/fixtures/dataset';
import { deadlineTexts, generateCitizenRecords, type SimulatedAppointment } from '../../../mocks/fixtures/generator';
import { personas } from '../../../mocks/fixtures/personas';
import { describeAskingTheSystem, factsOf, personaRows, withRecords } from '../../../mocks/sources/adapter-testing';
import { createMunicipalCalendarHandlers, municipalCalendarSystems, renderCalendarEntry } from '../../../mocks/sources/municipal-calendar';
import { frontDeskAdapter, novaxAdapter, sensumAdapter, wfpAdapter } from './municipal-calendar';

// No persona sees social services (Sensum): a generated citizen of Aalborg does, beside the other three.
const aalborgCitizen = { key: 'the Aalborg citizen', cpr: '0101019001' };
const social = generateCitizenRecords(
  { cpr: aalborgCitizen.cpr, municipalityCode: '851', idPrefix: 'Z2', sizes: { cases: 1, benefits: 0, payments: 0, appointments: 12 }, sources: ['SENSUM', 'WFP', 'NOVAX', 'FRONTDESK'] },
  11,
).appointments;

const dataset = withRecords(createDataset({ syntheticCitizens: 30 }), social);
const adapters = { WFP: wfpAdapter, FRONTDESK: frontDeskAdapter, NOVAX: novaxAdapter, SENSUM: sensumAdapter };
const isMunicipal = (record: SimulatedAppointment) => (municipalCalendarSystems as readonly string[]).includes(record.kildesystem);

/** The facts of a record, as the adapter must give them back: the calendar names no organiser. */
const facts = (record: SimulatedAppointment) => factsOf(record, { organiser: null });

const roundTrip = (record: SimulatedAppointment) => adapters[record.kildesystem as keyof typeof adapters].read(renderCalendarEntry(record));

describe('the municipal calendar adapter', () => {
  const rows = personaRows(dataset, isMunicipal);

  it('has appointments and deadlines to read for thomas, amir, karen and ole', () => {
    expect([...new Set(rows.map((row) => row.persona))].sort()).toEqual(['amir', 'karen', 'ole', 'thomas']);
    expect(new Set(rows.map((row) => row.system))).toEqual(new Set(['WFP', 'FRONTDESK', 'NOVAX']));
    expect(rows.filter((row) => row.type === 'FRIST').map((row) => `${row.persona}:${row.system}`).sort()).toEqual([
      'amir:FRONTDESK',
      'ole:FRONTDESK',
      'thomas:FRONTDESK',
    ]);
  });

  it.each(rows)("reads $persona's $system item $id back to its facts", ({ record }) => {
    expect(roundTrip(record)).toEqual(facts(record));
  });

  it('reads every synthetic citizen’s items and a social-services appointment back to their facts', () => {
    const records = dataset.appointments.filter(isMunicipal);
    expect(records.filter((record) => record.kildesystem === 'SENSUM').length).toBeGreaterThan(0);
    for (const record of records) expect(roundTrip(record)).toEqual(facts(record));
  });

  it("reads a FrontDesk deadline as a deadline due at its time, with its consequence in Danish", () => {
    const deadline = dataset.lookup.appointments.byCpr.get(personas.amir.cpr)!.find((record) => record.type === 'FRIST')!;
    const entry = renderCalendarEntry(deadline);
    expect(entry).toMatchObject({ art: 'frist', til: null, kommunekode: '0851', konsekvens: deadlineTexts.FRONTDESK!.consequence });
    expect(frontDeskAdapter.read(entry)).toMatchObject({
      kind: 'DEADLINE',
      title: 'Dit pas udløber: bestil et nyt',
      startsAt: deadline.start,
      endsAt: null,
      citizenMunicipality: '851',
      consequence: 'Uden et gyldigt pas kan du ikke rejse uden for Norden.',
    });
  });

  it("keeps karen's home visit at her protected address in the place", () => {
    const visit = dataset.lookup.appointments.byCpr.get(personas.karen.cpr)!.find((record) => record.kildesystem === 'NOVAX')!;
    expect(novaxAdapter.read(renderCalendarEntry(visit))?.place).toEqual({ name: 'Hjemmebesøg', address: personas.karen.address });
  });

  it('reads the Copenhagen wall clock as UTC across summer time, the repeated hour as its first', () => {
    const cases: [string, string][] = [
      ['2026-01-15T09:00:00.000Z', '2026-01-15T10:00:00'],
      ['2026-07-15T22:00:00.000Z', '2026-07-16T00:00:00'],
      ['2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00'],
      ['2026-03-29T01:30:00.000Z', '2026-03-29T03:30:00'],
      ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00'],
    ];
    for (const [start, wall] of cases) {
      const entry = renderCalendarEntry({ ...social[0], start, slut: null });
      expect(entry.fra).toBe(wall);
      expect(sensumAdapter.read(entry)?.startsAt).toBe(start);
    }
    // 02:30 happens twice on 25 October; the format cannot say which, and the first is read (above).
    expect(renderCalendarEntry({ ...social[0], start: '2026-10-25T01:30:00.000Z' }).fra).toBe('2026-10-25T02:30:00');
  });

  it('reads a malformed entry as null and the others as they are, never throwing', () => {
    const good = dataset.lookup.appointments.byCpr.get(personas.thomas.cpr)!.filter(isMunicipal).map(renderCalendarEntry);
    expect(good.length).toBeGreaterThan(1);
    const broken = [
      { ...good[0], art: 'møde' },
      { ...good[0], fra: '2026-05-12T10:15:00+02:00' },
      // 02:30 does not exist on 29 March, nor does 31 February.
      { ...good[0], fra: '2026-03-29T02:30:00' },
      { ...good[0], til: '2026-02-31T10:00:00' },
      { ...good[0], kommunekode: '751' },
      { ...good[0], kommunekode: 751 },
      { ...good[0], overskrift: '' },
      { ...good[0], maaIkkeDeles: 'nej' },
      { ...good[0], links: undefined },
      { ...good[0], enhed: { navn: 'Borgerservice' } },
      null,
      'aftale',
      0,
      {},
    ];
    for (const item of broken) expect(wfpAdapter.read(item)).toBeNull();
    const read = [good[0], broken[0], ...good.slice(1)].map((item) => wfpAdapter.read(item));
    expect(read.map((item) => item?.sourceId ?? null)).toEqual([good[0].id, null, ...good.slice(1).map((entry) => entry.id)]);
  });

  it('gives the case, the cancel link and the objection to sharing when the entry has them', () => {
    const entry = { ...renderCalendarEntry(social[0]), sagsreference: 'SAG-Z2-0001', maaIkkeDeles: true, links: { flyt: null, aflys: 'https://aftaler.example.invalid/sensum/aflys' } };
    expect(sensumAdapter.read(entry)).toMatchObject({ caseId: 'SAG-Z2-0001', sharingObjected: true, changeLink: null, cancelLink: 'https://aftaler.example.invalid/sensum/aflys' });
  });

  // Four systems answer in the one format, each on its own path: faults of one must not reach another.
  const asked = [
    { system: 'WFP', adapter: wfpAdapter, items: 'citizen-service bookings', citizensWithItems: [personas.thomas], neighbour: 'NOVAX' },
    { system: 'FRONTDESK', adapter: frontDeskAdapter, items: 'citizen-service bookings and deadlines', citizensWithItems: [personas.thomas], neighbour: 'WFP' },
    { system: 'NOVAX', adapter: novaxAdapter, items: 'health-visitor appointments', citizensWithItems: [personas.karen], neighbour: 'SENSUM' },
    { system: 'SENSUM', adapter: sensumAdapter, items: 'social-services appointments', citizensWithItems: [aalborgCitizen], neighbour: 'FRONTDESK' },
  ];
  for (const system of asked) {
    describeAskingTheSystem({
      ...system,
      createHandlers: createMunicipalCalendarHandlers,
      dataset,
      facts,
      item: 'entry',
      citizenWithout: personas.lawyer,
      body: (cpr) => ({ cpr }),
      badBodies: (cpr) => [JSON.stringify({ personId: cpr }), JSON.stringify({ cpr: `x${cpr}` }), `{"cpr": "${cpr}"`],
      refusal: { fejl: 'Ugyldig forespørgsel' },
    });
  }
});
