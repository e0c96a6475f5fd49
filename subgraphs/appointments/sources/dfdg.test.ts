import { createDataset, THOMAS_CASH_BENEFIT_CASE_ID } from '../../../mocks/fixtures/dataset';
import type { SimulatedAppointment } from '../../../mocks/fixtures/generator';
import { personas } from '../../../mocks/fixtures/personas';
import { describeAskingTheSystem, factsOf, personaRows } from '../../../mocks/sources/adapter-testing';
import { createDfdgHandlers, renderDfdg, renderDfdgDeadline, renderDfdgMeeting } from '../../../mocks/sources/dfdg';
import { dfdgAdapter } from './dfdg';

const dataset = createDataset({ syntheticCitizens: 30 });
const isDfdg = (record: SimulatedAppointment) => record.kildesystem === 'DFDG';

/** The facts of a record, as the adapter must give them back: the job centre's municipality organises, Jobnet names no contact. */
const facts = (record: SimulatedAppointment) => factsOf(record, { organiser: { code: record.myndighed.kode, name: record.myndighed.navn }, contact: null });

const render = (record: SimulatedAppointment) => (record.type === 'FRIST' ? renderDfdgDeadline(record) : renderDfdgMeeting(record));
const roundTrip = (record: SimulatedAppointment) => dfdgAdapter.read(render(record));

describe('the Jobnet (DFDG) adapter', () => {
  const rows = personaRows(dataset, isDfdg);
  const thomas = dataset.lookup.appointments.byCpr.get(personas.thomas.cpr)!.filter(isDfdg);
  const [meeting] = thomas.filter((record) => record.type === 'AFTALE');
  const [deadline] = thomas.filter((record) => record.type === 'FRIST');

  it('has meetings and a deadline for thomas, and a deadline for ole', () => {
    expect([...new Set(rows.map((row) => `${row.persona} ${row.type}`))].sort()).toEqual(['ole FRIST', 'thomas AFTALE', 'thomas FRIST']);
    // Jobnet sends no contact: neither does the simulated truth hold one for it.
    expect(dataset.appointments.filter(isDfdg).every((record) => record.kontakt === null)).toBe(true);
  });

  it.each(rows)("reads $persona's $type $id back to its facts", ({ record }) => {
    expect(roundTrip(record)).toEqual(facts(record));
  });

  it("links thomas's meetings and deadline to his cash-benefit case and gives the deadline's consequence in Danish", () => {
    expect(roundTrip(meeting)).toMatchObject({ kind: 'APPOINTMENT', caseId: THOMAS_CASH_BENEFIT_CASE_ID, consequence: null, contact: null });
    expect(roundTrip(deadline)).toMatchObject({
      kind: 'DEADLINE',
      title: 'Opdater dit CV på Jobnet',
      caseId: THOMAS_CASH_BENEFIT_CASE_ID,
      endsAt: null,
      place: null,
      consequence: 'Hvis du ikke opdaterer dit CV, kan det få betydning for din ydelse.',
    });
  });

  it("reads every synthetic citizen's meetings and deadlines back to their facts", () => {
    const records = dataset.appointments.filter(isDfdg);
    expect(records.filter((record) => record.type === 'FRIST').length).toBeGreaterThan(30);
    for (const record of records) expect(roundTrip(record)).toEqual(facts(record));
  });

  it('keeps meetings and deadlines apart, with field names of its own and sharing said the other way round', () => {
    const answer = renderDfdg(dataset, personas.thomas.cpr);
    expect(answer.samtaler.map((item) => item.samtaleId)).toEqual(thomas.filter((record) => record.type === 'AFTALE').map((record) => record.aftaleId));
    expect(answer.frister.map((item) => item.fristId)).toEqual([deadline.aftaleId]);
    expect(Object.keys(answer.samtaler[0]).sort()).toEqual(
      ['emne', 'jobcenterKommune', 'jobcenterKommunenr', 'maaDelesMedAndreMyndigheder', 'moedested', 'omlaegLink', 'sagsnummer', 'samtaleId', 'tidspunkt', 'varighedMinutter'].sort(),
    );
    expect(answer.samtaler[0]).toMatchObject({ jobcenterKommunenr: 751, varighedMinutter: 45, maaDelesMedAndreMyndigheder: true });
    const objected = renderDfdgMeeting({ ...meeting, delingFrabedt: true });
    expect(objected.maaDelesMedAndreMyndigheder).toBe(false);
    expect(dfdgAdapter.read(objected)?.sharingObjected).toBe(true);
  });

  it('gives a meeting time with its offset and a deadline as a Danish day and time, and reads both as UTC, in winter and summer time', () => {
    const winter = renderDfdgMeeting({ ...meeting, start: '2026-01-15T08:00:00.000Z', slut: '2026-01-15T09:30:00.000Z' });
    expect([winter.tidspunkt, winter.varighedMinutter]).toEqual(['2026-01-15T09:00:00+01:00', 90]);
    expect(dfdgAdapter.read(winter)).toMatchObject({ startsAt: '2026-01-15T08:00:00.000Z', endsAt: '2026-01-15T09:30:00.000Z' });
    const open = renderDfdgMeeting({ ...meeting, slut: null });
    expect(open.varighedMinutter).toBeNull();
    expect(dfdgAdapter.read(open)?.endsAt).toBeNull();
    // Due at midnight in summer: the next Danish day at 00:00.
    const summer = renderDfdgDeadline({ ...deadline, start: '2026-07-14T22:00:00.000Z' });
    expect([summer.fristDato, summer.fristKlokkeslaet]).toEqual(['2026-07-15', '00:00']);
    expect(dfdgAdapter.read(summer)?.startsAt).toBe('2026-07-14T22:00:00.000Z');
    const winterDeadline = renderDfdgDeadline({ ...deadline, start: '2026-12-07T22:00:00.000Z' });
    expect([winterDeadline.fristDato, winterDeadline.fristKlokkeslaet]).toEqual(['2026-12-07', '23:00']);
    expect(dfdgAdapter.read(winterDeadline)?.startsAt).toBe('2026-12-07T22:00:00.000Z');
  });

  it('reads what an item leaves out as null: no meeting place, no case, no link', () => {
    const bare = renderDfdgMeeting({ ...meeting, sted: null, sagId: null, aendringslink: null });
    expect(dfdgAdapter.read(bare)).toMatchObject({ place: null, caseId: null, changeLink: null, cancelLink: null });
    const withAddress = renderDfdgMeeting({ ...meeting, sted: { navn: 'Jobcenter', adresse: 'Værkmestergade 1, 8000 Aarhus C' } });
    expect(dfdgAdapter.read(withAddress)?.place).toEqual({ name: 'Jobcenter', address: 'Værkmestergade 1, 8000 Aarhus C' });
    const noConsequence = renderDfdgDeadline({ ...deadline, konsekvens: null, aendringslink: null });
    expect(dfdgAdapter.read(noConsequence)).toMatchObject({ consequence: null, changeLink: null });
  });

  it('reads a malformed item as null and the others as they are, never throwing', () => {
    const good = [...thomas.filter((record) => record.type === 'AFTALE').map(renderDfdgMeeting), renderDfdgDeadline(deadline)];
    const first = renderDfdgMeeting(meeting);
    const due = renderDfdgDeadline(deadline);
    const broken: unknown[] = [
      { ...first, tidspunkt: 'næste tirsdag' },
      { ...first, tidspunkt: '2026-12-07T10:30:00' },
      { ...first, varighedMinutter: 'tre kvarter' },
      { ...first, varighedMinutter: -45 },
      { ...first, emne: '' },
      { ...first, jobcenterKommunenr: '0751' },
      { ...first, maaDelesMedAndreMyndigheder: 'ja' },
      { ...first, moedested: 'Jobcenter' },
      { ...due, fristDato: '7. december' },
      { ...due, fristKlokkeslaet: '25:00' },
      { ...due, fristDato: '2026-02-30' },
      // The hour skipped when summer time begins is no time in Denmark.
      { ...due, fristDato: '2026-03-29', fristKlokkeslaet: '02:30' },
      { ...due, konsekvens: 42 },
      // Both ids, or neither: not an item of either list.
      { ...first, fristId: 'FRI-1' },
      { emne: 'Jobsamtale' },
      null,
      'samtale',
      42,
      [],
    ];
    for (const item of broken) expect(dfdgAdapter.read(item)).toBeNull();
    const read = [good[0], broken[0], ...good.slice(1)].map((item) => dfdgAdapter.read(item));
    expect(read.map((item) => item?.sourceId ?? null)).toEqual([meeting.aftaleId, null, ...thomas.filter((record) => record !== meeting).map((record) => record.aftaleId)]);
  });

  describeAskingTheSystem({
    system: 'DFDG',
    adapter: dfdgAdapter,
    createHandlers: createDfdgHandlers,
    dataset,
    facts,
    items: 'meetings and deadlines',
    item: 'meeting',
    citizensWithItems: [personas.thomas, personas.ole],
    citizenWithout: personas.sara,
    body: (cpr) => ({ cprNummer: cpr }),
    badBodies: (cpr) => [JSON.stringify({ cpr }), JSON.stringify({ cprNummer: `${cpr}1` }), `cprNummer=${cpr}`],
    refusal: { fejlkode: 'UGYLDIG_FORESPOERGSEL' },
    neighbour: 'NSP',
  });
});
