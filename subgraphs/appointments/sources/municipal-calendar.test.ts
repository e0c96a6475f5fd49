import { setupServer } from 'msw/node';
import { createLogger } from '../../../lib/logger';
import { Upstream } from '../../../lib/upstream';
import { createDataset } from '../../../mocks/fixtures/dataset';
import { deadlineTexts, generateCitizenRecords, type SimulatedAppointment } from '../../../mocks/fixtures/generator';
import { personas } from '../../../mocks/fixtures/personas';
import { CallRecorder } from '../../../mocks/indexes/call-recorder';
import { Faults } from '../../../mocks/indexes/faults';
import { createMunicipalCalendarHandlers, municipalCalendarSystems, renderCalendarEntry } from '../../../mocks/sources/municipal-calendar';
import { frontDeskAdapter, fromCopenhagenWallClock, municipalCalendarAdapter, novaxAdapter, sensumAdapter, wfpAdapter } from './municipal-calendar';
import type { SourceItem } from './source';

const dataset = createDataset({ syntheticCitizens: 30 });
const adapters = { WFP: wfpAdapter, FRONTDESK: frontDeskAdapter, NOVAX: novaxAdapter, SENSUM: sensumAdapter };
const isMunicipal = (record: SimulatedAppointment) => (municipalCalendarSystems as readonly string[]).includes(record.kildesystem);

/** The facts of a record, as the adapter must give them back. */
function facts(record: SimulatedAppointment): SourceItem {
  return {
    sourceId: record.aftaleId,
    kind: record.type === 'FRIST' ? 'DEADLINE' : 'APPOINTMENT',
    title: record.titel,
    startsAt: record.start,
    endsAt: record.slut,
    place: record.sted === null ? null : { name: record.sted.navn, address: record.sted.adresse },
    organiser: null,
    citizenMunicipality: record.myndighed.kode,
    contact: record.kontakt,
    changeLink: record.aendringslink,
    cancelLink: null,
    caseId: record.sagId,
    sharingObjected: record.delingFrabedt,
    consequence: record.konsekvens,
  };
}

const roundTrip = (record: SimulatedAppointment) => adapters[record.kildesystem as keyof typeof adapters].read(renderCalendarEntry(record));

// No persona sees social services (Sensum): a generated citizen of Aalborg does, beside the other three.
const social = generateCitizenRecords(
  { cpr: '0101019001', municipalityCode: '851', idPrefix: 'Z2', sizes: { cases: 1, benefits: 0, payments: 0, appointments: 12 }, sources: ['SENSUM', 'WFP', 'NOVAX', 'FRONTDESK'] },
  11,
).appointments;

describe('the municipal calendar adapter', () => {
  const personaRecords = Object.values(personas).flatMap((persona) =>
    (dataset.lookup.appointments.byCpr.get(persona.cpr) ?? []).filter(isMunicipal).map((record) => [persona.key, record.kildesystem, record.aftaleId, record] as const),
  );

  it('has appointments and deadlines to read for thomas, amir, karen and ole', () => {
    expect([...new Set(personaRecords.map(([persona]) => persona))].sort()).toEqual(['amir', 'karen', 'ole', 'thomas']);
    expect(new Set(personaRecords.map(([, system]) => system))).toEqual(new Set(['WFP', 'FRONTDESK', 'NOVAX']));
    expect(personaRecords.filter(([, , , record]) => record.type === 'FRIST').map(([persona, system]) => `${persona}:${system}`).sort()).toEqual([
      'amir:FRONTDESK',
      'ole:FRONTDESK',
      'thomas:FRONTDESK',
    ]);
  });

  it.each(personaRecords)("reads %s's %s item %s back to its facts", (_persona, _system, _id, record) => {
    expect(roundTrip(record)).toEqual(facts(record));
  });

  it('reads every synthetic citizen’s items and a social-services appointment back to their facts', () => {
    expect(social.filter((record) => record.kildesystem === 'SENSUM').length).toBeGreaterThan(0);
    for (const record of [...dataset.appointments.filter(isMunicipal), ...social]) expect(roundTrip(record)).toEqual(facts(record));
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
    // 02:30 happens twice on 25 October; the format cannot say which, and the first is read.
    expect(renderCalendarEntry({ ...social[0], start: '2026-10-25T01:30:00.000Z' }).fra).toBe('2026-10-25T02:30:00');
    expect(fromCopenhagenWallClock('2026-10-25T02:30:00')).toBe('2026-10-25T00:30:00.000Z');
    expect(fromCopenhagenWallClock('2026-05-12T10:15')).toBe('2026-05-12T08:15:00.000Z');
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

  describe('asking the system', () => {
    const origin = 'https://serviceplatformen.example.invalid';
    const recorder = new CallRecorder();
    const faults = new Faults();
    const server = setupServer(...createMunicipalCalendarHandlers(dataset, recorder, origin, faults));
    const upstream = (system: string) => new Upstream({ area: 'appointments', source: system, baseUrl: origin, timeoutMs: 1000, logger: createLogger('test', 'silent') });

    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterEach(() => faults.clear());
    afterAll(() => server.close());

    it("fetches thomas's FrontDesk appointments and deadline with his CPR in the body, one call, and reads them all", async () => {
      const items = await frontDeskAdapter.fetch(upstream('FRONTDESK'), personas.thomas.cpr, Date.now() + 1000);
      const expected = dataset.lookup.appointments.byCpr.get(personas.thomas.cpr)!.filter((record) => record.kildesystem === 'FRONTDESK');
      expect(expected.some((record) => record.type === 'FRIST')).toBe(true);
      expect(items.map((item) => frontDeskAdapter.read(item))).toEqual(expected.map(facts));
      expect(recorder.count('appointments', 'search')).toBe(1);
    });

    it('under the garbage fault of one system, gets one unreadable entry there and none in another', async () => {
      faults.setSource('NOVAX', { kind: 'garbage' });
      const novax = (await novaxAdapter.fetch(upstream('NOVAX'), personas.karen.cpr, Date.now() + 1000)).map((item) => novaxAdapter.read(item));
      const wfp = (await municipalCalendarAdapter('WFP').fetch(upstream('WFP'), personas.thomas.cpr, Date.now() + 1000)).map((item) => wfpAdapter.read(item));
      const karens = dataset.lookup.appointments.byCpr.get(personas.karen.cpr)!.filter((record) => record.kildesystem === 'NOVAX');
      expect(novax.filter((item) => item === null)).toHaveLength(1);
      expect(novax.filter((item) => item !== null)).toEqual(karens.map(facts));
      expect(wfp.length).toBeGreaterThan(0);
      expect(wfp).not.toContain(null);
    });
  });
});
