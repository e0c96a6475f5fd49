import { http, HttpResponse } from 'msw';
import { createDataset } from '../../../mocks/fixtures/dataset';
import type { SimulatedAppointment } from '../../../mocks/fixtures/generator';
import { municipalities, personas } from '../../../mocks/fixtures/personas';
import { describeAskingTheSystem, factsOf, personaRows } from '../../../mocks/sources/adapter-testing';
import { createNspHandlers, nspBundle, renderNspAppointment, renderNspAppointments } from '../../../mocks/sources/nsp';
import { nspAdapter } from './nsp';

const dataset = createDataset({ syntheticCitizens: 30 });
const isNsp = (record: SimulatedAppointment) => record.kildesystem === 'NSP';

/** The region that runs the hospital each municipality's citizens go to, written out here to check the simulator's table. */
const regionOf: Record<string, { code: string; name: string }> = {
  '751': { code: '1082', name: 'Region Midtjylland' },
  '740': { code: '1082', name: 'Region Midtjylland' },
  '461': { code: '1083', name: 'Region Syddanmark' },
  '851': { code: '1081', name: 'Region Nordjylland' },
  '101': { code: '1084', name: 'Region Hovedstaden' },
};

/**
 * The facts of a record, as the adapter must give them back: a hospital appointment is its
 * region's. (NSP links no case and sets no deadline: no generated hospital appointment has either.)
 */
const facts = (record: SimulatedAppointment) => factsOf(record, { organiser: regionOf[record.myndighed.kode] });

const roundTrip = (record: SimulatedAppointment) => nspAdapter.read(renderNspAppointment(record));

describe('the NSP adapter (FHIR Appointment resources)', () => {
  const rows = personaRows(dataset, isNsp);
  const thomas = dataset.lookup.appointments.byCpr.get(personas.thomas.cpr)!.filter(isNsp);

  it('has hospital appointments to read for thomas, amir, karen and ole, and no deadline', () => {
    expect([...new Set(rows.map((row) => row.persona))].sort()).toEqual(['amir', 'karen', 'ole', 'thomas']);
    expect(dataset.appointments.filter((record) => isNsp(record) && record.type === 'FRIST')).toEqual([]);
  });

  it.each(rows)("reads $persona's appointment $id back to its facts, its hospital's region as organiser", ({ record }) => {
    expect(roundTrip(record)).toEqual(facts(record));
  });

  it("reads thomas's objection to sharing his first hospital appointment", () => {
    expect(thomas[0].delingFrabedt).toBe(true);
    expect(roundTrip(thomas[0])?.sharingObjected).toBe(true);
    expect(thomas.slice(1).map((record) => roundTrip(record)?.sharingObjected)).toEqual(thomas.slice(1).map(() => false));
  });

  it('knows the region of every hospital the personas go to', () => {
    for (const [code, municipality] of Object.entries(municipalities)) {
      const record = { ...thomas[1], sted: municipality.hospital, myndighed: { ...thomas[1].myndighed, kode: code } };
      expect(roundTrip(record)?.organiser).toEqual(regionOf[code]);
    }
  });

  it("reads every synthetic citizen's hospital appointments back to their facts", () => {
    const records = dataset.appointments.filter(isNsp);
    expect(records.length).toBeGreaterThan(30);
    for (const record of records) expect(roundTrip(record)).toEqual(facts(record));
  });

  it('gives the time as Copenhagen time with its offset, and reads it as UTC, in winter and summer time', () => {
    const winter = renderNspAppointment({ ...thomas[1], start: '2026-01-15T08:00:00.000Z', slut: '2026-01-15T08:45:00.000Z' });
    const summer = renderNspAppointment({ ...thomas[1], start: '2026-07-15T08:00:00.000Z', slut: null });
    expect([winter.start, winter.end, summer.start, summer.end]).toEqual(['2026-01-15T09:00:00+01:00', '2026-01-15T09:45:00+01:00', '2026-07-15T10:00:00+02:00', undefined]);
    expect([nspAdapter.read(winter)?.startsAt, nspAdapter.read(winter)?.endsAt, nspAdapter.read(summer)?.startsAt, nspAdapter.read(summer)?.endsAt]).toEqual([
      '2026-01-15T08:00:00.000Z',
      '2026-01-15T08:45:00.000Z',
      '2026-07-15T08:00:00.000Z',
      null,
    ]);
  });

  it('gives the municipality as DK Core’s four-digit code and reads it as the three-digit one', () => {
    const karen = renderNspAppointment(dataset.lookup.appointments.byCpr.get(personas.karen.cpr)!.find(isNsp)!);
    // The municipality extension and code system are DK Core's (the simulator writes with the adapter's constants).
    expect(karen.contained[0]).toMatchObject({
      address: [
        {
          extension: [
            {
              url: 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-municipalityCodes',
              valueCodeableConcept: { coding: [{ system: 'http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes', code: '0101' }] },
            },
          ],
        },
      ],
    });
    expect(nspAdapter.read(karen)?.citizenMunicipality).toBe('101');
  });

  it('reads what the appointment leaves out as null: no place (and so no region), no clinic, no link', () => {
    const bare = renderNspAppointment({ ...thomas[1], sted: null, kontakt: null, aendringslink: null });
    expect(bare.participant).toHaveLength(1);
    expect(bare).not.toHaveProperty('extension');
    expect(nspAdapter.read(bare)).toMatchObject({ place: null, organiser: null, contact: null, changeLink: null, cancelLink: null, sharingObjected: false });
    // A hospital the simulated NSP knows no region for: the place, but no organiser (configuration decides).
    const elsewhere = renderNspAppointment({ ...thomas[1], sted: { navn: 'Privathospitalet', adresse: null } });
    expect(nspAdapter.read(elsewhere)).toMatchObject({ place: { name: 'Privathospitalet', address: null }, organiser: null });
    // A clinic without phone, e-mail or opening hours is still the unit to contact.
    const quiet = renderNspAppointment({ ...thomas[1], kontakt: { navn: 'Ambulatoriet', telefon: null, email: null, aabningstider: null } });
    expect(nspAdapter.read(quiet)?.contact).toEqual({ navn: 'Ambulatoriet', telefon: null, email: null, aabningstider: null });
  });

  it('reads a malformed appointment as null and the others as they are, never throwing', () => {
    const good = thomas.map(renderNspAppointment);
    expect(good.length).toBeGreaterThan(1);
    const [first] = good;
    const replaceContained = (type: string, replacement: object) => ({
      ...first,
      contained: first.contained.map((resource) => ((resource as { resourceType: string }).resourceType === type ? replacement : resource)),
    });
    const broken: unknown[] = [
      { ...first, start: 'i morgen formiddag' },
      { ...first, start: '2026-12-07T10:30:00' },
      { ...first, end: '2020-01-01T00:00:00+01:00' },
      { ...first, description: '' },
      { ...first, resourceType: 'Encounter' },
      { ...first, status: 'aflyst' },
      { ...first, participant: [] },
      // A participant that refers to nothing in the resource.
      { ...first, participant: [...first.participant, { actor: { reference: '#ingen' }, status: 'accepted' }] },
      // No patient, so no municipality whose rules apply.
      { ...first, participant: first.participant.slice(1) },
      replaceContained('Patient', { resourceType: 'Patient', id: 'patient', address: [{}] }),
      replaceContained('Location', { resourceType: 'Location', id: 'sted' }),
      replaceContained('Organization', { resourceType: 'Organization', id: 'region', name: 'Region Midtjylland' }),
      replaceContained('HealthcareService', { resourceType: 'HealthcareService', id: 'afsnit', name: 'Ambulatoriet', telecom: 'ring' }),
      { ...first, extension: [{ url: 'https://nsp.example.invalid/fhir/StructureDefinition/delingFrabedt', valueBoolean: 'ja' }] },
      { ...first, extension: [{ url: 'https://nsp.example.invalid/fhir/StructureDefinition/aendringslink', valueString: 42 }] },
      null,
      'Appointment',
      42,
      [],
    ];
    for (const item of broken) expect(nspAdapter.read(item)).toBeNull();
    const read = [first, broken[0], ...good.slice(1)].map((item) => nspAdapter.read(item));
    expect(read.map((item) => item?.sourceId ?? null)).toEqual([first.id, null, ...good.slice(1).map((resource) => resource.id)]);
  });

  describeAskingTheSystem(
    {
      system: 'NSP',
      adapter: nspAdapter,
      createHandlers: createNspHandlers,
      dataset,
      facts,
      items: 'hospital appointments',
      item: 'appointment',
      citizensWithItems: [personas.thomas],
      citizenWithout: personas.sara,
      body: (cpr) => ({ patient: { identifier: cpr } }),
      badBodies: (cpr) => [JSON.stringify({ cpr }), JSON.stringify({ patient: { identifier: `x${cpr}` } }), `patient=${cpr}`],
      refusal: { resourceType: 'OperationOutcome' },
      neighbour: 'AULA',
    },
    ({ origin, path, server, fetchFor, post }) => {
      it('answers a FHIR searchset Bundle, one without entries for a citizen with no hospital appointment', async () => {
        const answer = await post(JSON.stringify({ patient: { identifier: personas.sara.cpr } }));
        expect(answer.headers.get('content-type')).toContain('application/fhir+json');
        expect(await answer.json()).toEqual({ resourceType: 'Bundle', type: 'searchset', total: 0 });
      });

      it('leaves out cancelled appointments and what is not a match, and passes on an entry it cannot make out', async () => {
        const [first, second] = renderNspAppointments(dataset, personas.thomas.cpr);
        const bundle = nspBundle([first, { ...second, status: 'cancelled' }]);
        const entry = [...bundle.entry!, { search: { mode: 'outcome' }, resource: { resourceType: 'OperationOutcome', issue: [] } }, 'not an entry'];
        server.use(http.post(`${origin}${path}`, () => HttpResponse.json({ ...bundle, entry })));
        const items = await fetchFor(personas.thomas.cpr);
        expect(items.map((item) => nspAdapter.read(item)?.sourceId ?? null)).toEqual([first.id, null]);
      });
    },
  );
});
