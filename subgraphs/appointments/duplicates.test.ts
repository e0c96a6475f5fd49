import type { AppointmentRecord } from './appointment.record';
import { mergeDuplicates } from './duplicates';

const hospital = { name: 'Aarhus Universitetshospital', address: 'Palle Juul-Jensens Boulevard 99, 8200 Aarhus N' };
const rank = (system: string) => ({ NSP: 1, NOVAX: 3, WFP: 3 })[system] ?? 99;

function record(system: string, sourceId: string, facts: Partial<AppointmentRecord> = {}): AppointmentRecord {
  return {
    id: sourceId,
    kind: 'APPOINTMENT',
    title: 'Ambulant kontrol',
    startsAt: '2026-12-03T08:30:00.000Z',
    endsAt: '2026-12-03T09:15:00.000Z',
    place: hospital,
    sourceSystem: system,
    provenance: [{ system, sourceId }],
    responsible: { code: '1082', name: 'Region Midtjylland' },
    municipality: '751',
    contact: null,
    generalContact: { navn: 'Patientkontoret', telefon: null, email: null, aabningstider: null },
    changeLink: { url: 'https://www.sundhed.dk/borger/min-side', isFallback: true },
    cancelLink: null,
    caseId: null,
    cpr: '1503721233',
    sharingObjected: false,
    consequence: null,
    ...facts,
  };
}

describe('the same appointment from two source systems', () => {
  it('is shown once, from the system of lower rank, with the provenance of both', () => {
    const merged = mergeDuplicates([record('NOVAX', 'NOV-1'), record('NSP', 'NSP-1')], rank);
    expect(merged).toHaveLength(1);
    expect(merged[0].id).toBe('NSP-1');
    expect(merged[0].provenance).toEqual([
      { system: 'NSP', sourceId: 'NSP-1' },
      { system: 'NOVAX', sourceId: 'NOV-1' },
    ]);
  });

  it('is recognised within the same minute, whatever the seconds', () => {
    expect(mergeDuplicates([record('NSP', 'NSP-1'), record('NOVAX', 'NOV-1', { startsAt: '2026-12-03T08:30:40.000Z' })], rank)).toHaveLength(1);
  });

  it('is recognised by the place name, whatever its case and spacing', () => {
    expect(mergeDuplicates([record('NSP', 'NSP-1'), record('NOVAX', 'NOV-1', { place: { name: ' aarhus  universitetshospital', address: null } })], rank)).toHaveLength(1);
  });
});

describe('appointments that only look alike', () => {
  it('stay two when they start in different minutes', () => {
    expect(mergeDuplicates([record('NSP', 'NSP-1'), record('NOVAX', 'NOV-1', { startsAt: '2026-12-03T08:31:00.000Z' })], rank)).toHaveLength(2);
  });

  it('stay two when they are at different places', () => {
    expect(mergeDuplicates([record('NSP', 'NSP-1'), record('NOVAX', 'NOV-1', { place: { name: 'Sundhedshuset', address: null } })], rank)).toHaveLength(2);
  });

  it('stay two when they come from the same system', () => {
    expect(mergeDuplicates([record('NSP', 'NSP-1'), record('NSP', 'NSP-2')], rank)).toHaveLength(2);
  });

  it('stay two when they are deadlines: two systems setting the same date ask for two things', () => {
    const deadline = { kind: 'DEADLINE' as const, place: null };
    expect(mergeDuplicates([record('WFP', 'W-1', deadline), record('NOVAX', 'N-1', deadline)], rank)).toHaveLength(2);
  });
});
