import { proxy as registered, type Dataset, type IndexLookup } from '../../mocks/fixtures/dataset';
import { personas } from '../../mocks/fixtures/personas';
import type { SimulatedAppointment as WireAppointment } from '../../mocks/fixtures/generator';
import type { WireBenefit } from '../../subgraphs/benefits/upstream.contract';
import type { WireCase } from '../../subgraphs/cases/upstream.contract';
import type { WirePayment } from '../../subgraphs/payments/upstream.contract';
import type { WireProxy } from '../../subgraphs/proxies/upstream.contract';

/**
 * Records the access matrix adds to the personas' data, each for a rule the personas alone never
 * put to the test (every persona KLE and source system is activated, no parent is withheld while
 * its child would pass on its own, the one full guardianship lists all four cards anyway, no proxy
 * is revoked or bound to a closed case, ...). Without them, switching such a rule off would go
 * unnoticed. They are added both to the running simulator's dataset (before the first request, so
 * no cache holds an answer without them) and to the oracle's own copy.
 */

/** People who hold only the probe proxies. Fictitious, well-formed CPR numbers no persona uses. */
export const probeHolders = {
  probeGuardian: { cpr: '0101804441', name: 'Prøve Værge Gunnar' },
  probeAttorney: { cpr: '0202804452', name: 'Prøve Advokat Agnes' },
} as const;
export type ProbeHolderKey = keyof typeof probeHolders;

const PERSON = (key: ProbeHolderKey): WireProxy['fuldmagtshaver'] => ({ type: 'PERSON', id: probeHolders[key].cpr, navn: probeHolders[key].name });

function add<T>(list: T[], lookup: IndexLookup<T>, record: T, cpr: string, id: string): void {
  list.push(record);
  const byCpr = lookup.byCpr as Map<string, T[]>;
  const mine = byCpr.get(cpr);
  if (mine) mine.push(record);
  else byCpr.set(cpr, [record]);
  (lookup.byId as Map<string, T>).set(id, record);
}

function template<T>(records: readonly T[], find: (record: T) => boolean, what: string): T {
  const found = records.find(find);
  if (!found) throw new Error(`probe template missing: ${what} (did the fixtures change?)`);
  return structuredClone(found);
}

/** Adds the probe records to a dataset (in place, in its lists and its look-ups). */
export function addProbes(dataset: Dataset): void {
  const { thomas, karen, amir, sara, ole } = personas;
  const caseOf = (id: string) => template(dataset.cases, (record) => record.sagId === id, id);
  const benefitOf = (id: string) => template(dataset.benefits, (record) => record.ydelseId === id, id);
  const paymentOf = (id: string) => template(dataset.payments, (record) => record.betalingId === id, id);
  const appointmentOf = (id: string) => template(dataset.appointments, (record) => record.aftaleId === id, id);
  const addCase = (record: WireCase) => add(dataset.cases, dataset.lookup.cases, record, record.primaerPart.cpr, record.sagId);
  const addBenefit = (record: WireBenefit) => add(dataset.benefits, dataset.lookup.benefits, record, record.modtager.cpr, record.ydelseId);
  const addPayment = (record: WirePayment) => add(dataset.payments, dataset.lookup.payments, record, record.modtager.cpr, record.betalingId);
  const addAppointment = (record: WireAppointment) => add(dataset.appointments, dataset.lookup.appointments, record, record.borger.cpr, record.aftaleId);
  const addProxy = (record: WireProxy) => add(dataset.proxies, dataset.lookup.proxies, record, record.fuldmagtsgiver.cpr, record.fuldmagtId);

  // 1. A KLE no municipality has activated (17.02 Skoleårets planlægning/tilrettelæggelse), on an open case of thomas's,
  //    with a benefit, a payment and a health visitor's appointment in it (Novax, which names its case
  //    and which the region may read) whose own KLE / flag / source are activated: they are withheld
  //    only because their case is (lineage), and the payment and the appointment are the soonest of
  //    thomas's, so a chatbot or the region would show them at once.
  addCase({
    ...caseOf('SAG-T751-0001'),
    sagId: 'SAG-T751-9001',
    kle: '17.02',
    titel: 'Klasseplacering ved skolestart (probe)',
    fremdrift: 'Oplyst',
    oprettet: '2026-10-01',
    afsluttet: null,
    dokumenter: [{ dokumentId: 'DOK-T751-9001-1', titel: 'Application received', dato: '2026-10-01', indhold: 'CONFIDENTIAL probe' }],
  });
  addBenefit({ ...benefitOf('YD-T751-0001'), ydelseId: 'YD-T751-9001', kle: '32.24.04', sagId: 'SAG-T751-9001' });
  addPayment({ ...paymentOf('BET-T751-0001'), betalingId: 'BET-T751-9001', ydelseId: 'YD-T751-9001', type: 'UDBETALING', betalingsdato: '2026-11-24' });
  addAppointment({
    ...appointmentOf('AFT-T751-0009'),
    aftaleId: 'AFT-T751-9001',
    sagId: 'SAG-T751-9001',
    start: '2026-11-24T09:00:00.000Z',
    slut: '2026-11-24T09:45:00.000Z',
    aendringslink: 'https://aftaler.example.invalid/novax/probe-T751-9001',
    delingFrabedt: false,
  });

  // 2. A source system karen's municipality has not activated (SENSUM), soon: NOT_ACTIVATED.
  addAppointment({
    ...appointmentOf('AFT-K101-0003'),
    aftaleId: 'AFT-K101-9001',
    titel: 'Meeting with your support contact',
    kildesystem: 'SENSUM',
    sagId: null,
    start: '2026-12-10T10:00:00.000Z',
    slut: '2026-12-10T10:45:00.000Z',
    sted: { navn: 'Socialcenter (probe)', adresse: null },
    aendringslink: 'https://aftaler.example.invalid/sensum/probe-K101-9001',
    delingFrabedt: false,
  });
  // 3. A municipality the rules do not know (999): nothing it holds is shown.
  addBenefit({ ...benefitOf('YD-K101-0002'), ydelseId: 'YD-K101-9001', kle: '32.06.04', sagId: null, myndighed: { kode: '999', navn: 'Prøve Kommune' } });
  // 6. (with the proxy below) A payout of karen's in her open dental case: its case id is its benefit's.
  addPayment({ ...paymentOf('BET-K101-0001'), betalingId: 'BET-K101-9001', ydelseId: 'YD-K101-0002', type: 'UDBETALING', betalingsdato: '2026-12-05' });
  //    ... and an appointment in that case, which carries the case id itself.
  addAppointment({
    ...appointmentOf('AFT-K101-0002'),
    aftaleId: 'AFT-K101-9002',
    titel: 'Dental follow-up (probe)',
    kildesystem: 'NOVAX',
    sagId: 'SAG-K101-0002',
    start: '2026-12-02T08:00:00.000Z',
    slut: '2026-12-02T08:45:00.000Z',
    sted: { navn: 'Tandklinik (probe)', adresse: 'Tandvej 3, 2100 København Ø' },
    aendringslink: 'https://aftaler.example.invalid/novax/probe-K101-9002',
    delingFrabedt: false,
  });

  // 4. A second KLE held back from amir (17) by the age rule: withheld notices are grouped per KLE.
  //    29.15.04 Tandpleje for børn og unge under 22 år: the dental care a 17-year-old gets.
  addCase({ ...caseOf('SAG-A851-0001'), sagId: 'SAG-A851-9001', kle: '29.15.04', titel: 'Dental care (probe)', oprettet: '2026-02-02', afsluttet: null, fremdrift: 'Opstaaet' });

  const proxy = (fields: Partial<WireProxy> & Pick<WireProxy, 'fuldmagtId' | 'fuldmagtsgiver' | 'fuldmagtshaver' | 'type' | 'kort'>): WireProxy =>
    registered({ gyldigFra: '2025-01-01', ...fields });
  // 5. A full guardianship whose `kort` lists one card: it covers all four all the same. Over amir
  //    (17): the age rule is the young person's own view only, not their guardian's.
  addProxy(proxy({ fuldmagtId: 'FM-9001', fuldmagtsgiver: { cpr: amir.cpr }, fuldmagtshaver: PERSON('probeGuardian'), type: 'VAERGEMAAL', kort: ['SAGER'], vaergemaalOmfang: 'FULDT' }));
  // 6. A case-bound proxy for payments and appointments (karen's open dental case).
  addProxy(proxy({ fuldmagtId: 'FM-9002', fuldmagtsgiver: { cpr: karen.cpr }, fuldmagtshaver: PERSON('probeAttorney'), type: 'FULDMAGT', kort: ['BETALINGER', 'AFTALER'], sagId: 'SAG-K101-0002' }));
  // 7. Proxies that grant nothing: revoked (sara), not valid yet (ole), bound to a closed case (karen).
  addProxy(proxy({ fuldmagtId: 'FM-9003', fuldmagtsgiver: { cpr: sara.cpr }, fuldmagtshaver: PERSON('probeAttorney'), type: 'FULDMAGT', kort: ['SAGER'], tilbagekaldt: '2026-06-01T10:00:00.000Z' }));
  addProxy(proxy({ fuldmagtId: 'FM-9005', fuldmagtsgiver: { cpr: ole.cpr }, fuldmagtshaver: PERSON('probeGuardian'), type: 'FULDMAGT', kort: ['SAGER'], gyldigFra: '2099-01-01' }));
  addProxy(proxy({ fuldmagtId: 'FM-9009', fuldmagtsgiver: { cpr: karen.cpr }, fuldmagtshaver: PERSON('probeGuardian'), type: 'FULDMAGT', kort: ['SAGER'], sagId: 'SAG-K101-0001' }));
  // 8. One holder, four proxies for thomas, merged by case: appointments unbound, cases bound to his
  //    transport case (a lasting power of attorney in force, but case-bound: no access log), payments
  //    bound to his cash-benefit case (through their benefit), and cases of a closed case (ended).
  //    His job-centre appointments are then visible while the case they link to is not: a null link.
  addProxy(proxy({ fuldmagtId: 'FM-9004', fuldmagtsgiver: { cpr: thomas.cpr }, fuldmagtshaver: PERSON('probeAttorney'), type: 'FULDMAGT', kort: ['SAGER'], sagId: 'SAG-T751-0005' }));
  addProxy(proxy({ fuldmagtId: 'FM-9006', fuldmagtsgiver: { cpr: thomas.cpr }, fuldmagtshaver: PERSON('probeAttorney'), type: 'FULDMAGT', kort: ['AFTALER'] }));
  addProxy(
    proxy({ fuldmagtId: 'FM-9007', fuldmagtsgiver: { cpr: thomas.cpr }, fuldmagtshaver: PERSON('probeAttorney'), type: 'FREMTIDSFULDMAGT', kort: ['SAGER'], sagId: 'SAG-T751-0002', ikraftsat: '2026-01-15' }),
  );
  addProxy(proxy({ fuldmagtId: 'FM-9008', fuldmagtsgiver: { cpr: thomas.cpr }, fuldmagtshaver: PERSON('probeAttorney'), type: 'FULDMAGT', kort: ['BETALINGER'], sagId: 'SAG-T751-0001' }));
  // 9. Two proxies for sara that both end: on the holder's own login she is listed until the later end.
  addProxy(proxy({ fuldmagtId: 'FM-9010', fuldmagtsgiver: { cpr: sara.cpr }, fuldmagtshaver: PERSON('probeGuardian'), type: 'FULDMAGT', kort: ['SAGER'], gyldigTil: '2027-06-30' }));
  addProxy(proxy({ fuldmagtId: 'FM-9011', fuldmagtsgiver: { cpr: sara.cpr }, fuldmagtshaver: PERSON('probeGuardian'), type: 'FULDMAGT', kort: ['YDELSER'], gyldigTil: '2028-01-31' }));
  // 10. Proxies granted through the graph that the holder has not accepted (ole), or declined (amir):
  //     they grant nothing, and the holder is told where each stands on its own login.
  addProxy(proxy({ fuldmagtId: 'FM-9012', fuldmagtsgiver: { cpr: ole.cpr }, fuldmagtshaver: PERSON('probeAttorney'), type: 'FULDMAGT', kort: ['SAGER', 'YDELSER'], gyldigFra: '2026-11-01', accepteret: null }));
  addProxy(
    proxy({ fuldmagtId: 'FM-9013', fuldmagtsgiver: { cpr: amir.cpr }, fuldmagtshaver: PERSON('probeAttorney'), type: 'FULDMAGT', kort: ['AFTALER'], gyldigFra: '2026-11-01', accepteret: null, afvist: '2026-11-02T09:00:00.000Z' }),
  );
}
