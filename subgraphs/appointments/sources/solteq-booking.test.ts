import { setupServer } from 'msw/node';
import { createLogger } from '../../../lib/logger';
import { Upstream } from '../../../lib/upstream';
import { createDataset } from '../../../mocks/fixtures/dataset';
import { generateCitizenRecords, type SimulatedAppointment } from '../../../mocks/fixtures/generator';
import { personas } from '../../../mocks/fixtures/personas';
import { CallRecorder } from '../../../mocks/indexes/call-recorder';
import { Faults } from '../../../mocks/indexes/faults';
import { createSolteqHandlers, renderSolteqBooking, renderSolteqBookings, solteqSystems } from '../../../mocks/sources/solteq-booking';
import { solteqBookingAdapter, solteqSundAdapter, solteqTandAdapter } from './solteq-booking';
import type { SourceItem } from './source';

const dataset = createDataset({ syntheticCitizens: 30 });
const adapters = { SOLTEQ_TAND: solteqTandAdapter, SOLTEQ_SUND: solteqSundAdapter };
const isSolteq = (record: SimulatedAppointment) => (solteqSystems as readonly string[]).includes(record.kildesystem);

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

const roundTrip = (record: SimulatedAppointment) => adapters[record.kildesystem as keyof typeof adapters].read(renderSolteqBooking(record));

// No persona books a driving test: a generated citizen of Copenhagen does, beside dental care.
const drivingTests = generateCitizenRecords(
  { cpr: '0101019000', municipalityCode: '101', idPrefix: 'Z1', sizes: { cases: 1, benefits: 0, payments: 0, appointments: 8 }, sources: ['SOLTEQ_SUND', 'SOLTEQ_TAND'] },
  7,
).appointments;

describe('the Solteq booking adapter', () => {
  const personaRecords = Object.values(personas).flatMap((persona) =>
    (dataset.lookup.appointments.byCpr.get(persona.cpr) ?? []).filter(isSolteq).map((record) => [persona.key, record.kildesystem, record.aftaleId, record] as const),
  );

  it('has dental bookings to read for thomas, sara and karen', () => {
    expect([...new Set(personaRecords.map(([persona]) => persona))].sort()).toEqual(['karen', 'sara', 'thomas']);
  });

  it.each(personaRecords)("reads %s's %s booking %s back to its facts", (_persona, _system, _id, record) => {
    expect(roundTrip(record)).toEqual(facts(record));
  });

  it('reads every synthetic citizen’s bookings and a driving-test booking back to their facts', () => {
    const records = [...dataset.appointments.filter(isSolteq), ...drivingTests];
    expect(drivingTests.filter((record) => record.kildesystem === 'SOLTEQ_SUND').length).toBeGreaterThan(0);
    for (const record of records) expect(roundTrip(record)).toEqual(facts(record));
  });

  it('reads the times given as Copenhagen wall clock with its offset as UTC, in winter and summer time', () => {
    const winter = renderSolteqBooking({ ...drivingTests[0], start: '2026-01-15T08:00:00.000Z', slut: '2026-01-15T08:45:00.000Z' });
    const summer = renderSolteqBooking({ ...drivingTests[0], start: '2026-07-15T08:00:00.000Z', slut: null });
    expect([winter.slot, summer.slot]).toEqual([{ from: '2026-01-15T09:00:00+01:00', to: '2026-01-15T09:45:00+01:00' }, { from: '2026-07-15T10:00:00+02:00' }]);
    expect([solteqSundAdapter.read(winter)?.startsAt, solteqSundAdapter.read(summer)?.startsAt, solteqSundAdapter.read(summer)?.endsAt]).toEqual([
      '2026-01-15T08:00:00.000Z',
      '2026-07-15T08:00:00.000Z',
      null,
    ]);
  });

  it('reads what the booking leaves out as null: no place, no clinic, no links, and gives a cancel link when there is one', () => {
    const bare = renderSolteqBooking({ ...drivingTests[0], sted: null, kontakt: null, aendringslink: null, delingFrabedt: true });
    expect(bare).not.toHaveProperty('location');
    expect(bare).not.toHaveProperty('clinic');
    expect(solteqSundAdapter.read(bare)).toMatchObject({ place: null, contact: null, changeLink: null, cancelLink: null, sharingObjected: true });
    const withCancel = { ...bare, _links: { cancel: { href: 'https://aftaler.example.invalid/solteq_sund/aflys' } } };
    expect(solteqSundAdapter.read(withCancel)).toMatchObject({ changeLink: null, cancelLink: 'https://aftaler.example.invalid/solteq_sund/aflys' });
  });

  it('reads a malformed booking as null and the others as they are, never throwing', () => {
    const good = dataset.lookup.appointments.byCpr.get(personas.thomas.cpr)!.filter(isSolteq).map(renderSolteqBooking);
    expect(good.length).toBeGreaterThan(1);
    const broken = [
      { ...good[0], slot: { from: 'tomorrow-ish' } },
      { ...good[0], service: null },
      { ...good[0], municipalityNo: '0751' },
      { ...good[0], doNotShare: undefined },
      { ...good[0], _links: { reschedule: 'https://aftaler.example.invalid/x' } },
      { ...good[0], clinic: { phone: '+45 11 22 33 44' } },
      null,
      'booking',
      42,
      [],
    ];
    for (const item of broken) expect(solteqTandAdapter.read(item)).toBeNull();
    const items = [good[0], broken[0], ...good.slice(1)];
    const read = items.map((item) => solteqTandAdapter.read(item));
    expect(read.map((item) => item?.sourceId ?? null)).toEqual([good[0].bookingId, null, ...good.slice(1).map((booking) => booking.bookingId)]);
  });

  it('renders no deadline: the format has none', () => {
    const deadline: SimulatedAppointment = { ...drivingTests[0], type: 'FRIST', konsekvens: 'Noget' };
    const citizen = { ...dataset, lookup: { ...dataset.lookup, appointments: { ...dataset.lookup.appointments, byCpr: new Map([['0101019000', [deadline]]]) } } };
    expect(renderSolteqBookings(citizen, 'SOLTEQ_SUND', '0101019000')).toEqual([]);
  });

  describe('asking the system', () => {
    const origin = 'https://serviceplatformen.example.invalid';
    const recorder = new CallRecorder();
    const faults = new Faults();
    const server = setupServer(...createSolteqHandlers(dataset, recorder, origin, faults));
    const upstream = (system: string) => new Upstream({ area: 'appointments', source: system, baseUrl: origin, timeoutMs: 1000, logger: createLogger('test', 'silent') });

    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterEach(() => faults.clear());
    afterAll(() => server.close());

    it("fetches karen's dental bookings with her CPR in the body, one call, and reads them all", async () => {
      const items = await solteqTandAdapter.fetch(upstream('SOLTEQ_TAND'), personas.karen.cpr, Date.now() + 1000);
      const expected = dataset.lookup.appointments.byCpr.get(personas.karen.cpr)!.filter((record) => record.kildesystem === 'SOLTEQ_TAND');
      expect(items.map((item) => solteqTandAdapter.read(item))).toEqual(expected.map(facts));
      expect(recorder.count('appointments', 'search')).toBe(1);
    });

    it('fetches an empty list for a citizen with no driving test booked', async () => {
      expect(await solteqBookingAdapter('SOLTEQ_SUND').fetch(upstream('SOLTEQ_SUND'), personas.thomas.cpr, Date.now() + 1000)).toEqual([]);
    });

    it('under the garbage fault, gets one unreadable booking among the good ones', async () => {
      faults.setSource('SOLTEQ_TAND', { kind: 'garbage' });
      const items = await solteqTandAdapter.fetch(upstream('SOLTEQ_TAND'), personas.thomas.cpr, Date.now() + 1000);
      const read = items.map((item) => solteqTandAdapter.read(item));
      const expected = dataset.lookup.appointments.byCpr.get(personas.thomas.cpr)!.filter((record) => record.kildesystem === 'SOLTEQ_TAND');
      expect(read.filter((item) => item === null)).toHaveLength(1);
      expect(read.filter((item) => item !== null)).toEqual(expected.map(facts));
    });
  });
});
