import { createDataset } from '../../../mocks/fixtures/dataset';
import { generateCitizenRecords, type SimulatedAppointment } from '../../../mocks/fixtures/generator';
import { personas } from '../../../mocks/fixtures/personas';
import { describeAskingTheSystem, factsOf, personaRows, withRecords } from '../../../mocks/sources/adapter-testing';
import { createSolteqHandlers, renderSolteqBooking, renderSolteqBookings, solteqSystems } from '../../../mocks/sources/solteq-booking';
import { solteqSundAdapter, solteqTandAdapter } from './solteq-booking';

// No persona books a driving test: a generated citizen of Copenhagen does, beside dental care.
const learnerDriver = { key: 'the learner driver', cpr: '0101019000' };
const drivingTests = generateCitizenRecords(
  { cpr: learnerDriver.cpr, municipalityCode: '101', idPrefix: 'Z1', sizes: { cases: 1, benefits: 0, payments: 0, appointments: 8 }, sources: ['SOLTEQ_SUND', 'SOLTEQ_TAND'] },
  7,
).appointments;

const dataset = withRecords(createDataset({ syntheticCitizens: 30 }), drivingTests);
const adapters = { SOLTEQ_TAND: solteqTandAdapter, SOLTEQ_SUND: solteqSundAdapter };
const isSolteq = (record: SimulatedAppointment) => (solteqSystems as readonly string[]).includes(record.kildesystem);

/** The facts of a record, as the adapter must give them back: a booking names no organiser. */
const facts = (record: SimulatedAppointment) => factsOf(record, { organiser: null });

const roundTrip = (record: SimulatedAppointment) => adapters[record.kildesystem as keyof typeof adapters].read(renderSolteqBooking(record));

describe('the Solteq booking adapter', () => {
  const rows = personaRows(dataset, isSolteq);

  it('has dental bookings to read for thomas, sara, karen and emil', () => {
    expect([...new Set(rows.map((row) => row.persona))].sort()).toEqual(['emil', 'karen', 'sara', 'thomas']);
  });

  it.each(rows)("reads $persona's $system booking $id back to its facts", ({ record }) => {
    expect(roundTrip(record)).toEqual(facts(record));
  });

  it('reads every synthetic citizen’s bookings and a driving-test booking back to their facts', () => {
    const records = dataset.appointments.filter(isSolteq);
    expect(records.filter((record) => record.kildesystem === 'SOLTEQ_SUND').length).toBeGreaterThan(0);
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
    const citizen = { ...dataset, lookup: { ...dataset.lookup, appointments: { ...dataset.lookup.appointments, byCpr: new Map([[learnerDriver.cpr, [deadline]]]) } } };
    expect(renderSolteqBookings(citizen, 'SOLTEQ_SUND', learnerDriver.cpr)).toEqual([]);
  });

  // Both systems answer in the one format, each on its own path: faults of the one must not reach the other.
  const asked = [
    { system: 'SOLTEQ_TAND', adapter: solteqTandAdapter, items: 'dental bookings', citizensWithItems: [personas.thomas, personas.karen], citizenWithout: personas.lawyer, neighbour: 'SOLTEQ_SUND' },
    { system: 'SOLTEQ_SUND', adapter: solteqSundAdapter, items: 'driving-test bookings', citizensWithItems: [learnerDriver], citizenWithout: personas.thomas, neighbour: 'SOLTEQ_TAND' },
  ];
  for (const system of asked) {
    describeAskingTheSystem({
      ...system,
      createHandlers: createSolteqHandlers,
      dataset,
      facts,
      item: 'booking',
      body: (cpr) => ({ personId: cpr }),
      badBodies: (cpr) => [JSON.stringify({ cpr }), JSON.stringify({ personId: `${cpr}9` }), `personId=${cpr}`],
      refusal: { error: 'invalid_request' },
    });
  }
});
