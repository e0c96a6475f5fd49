import type { z } from 'zod';
import { casesIndex, type WireCase } from '../../subgraphs/cases/upstream.contract';
import { proxiesIndex, type WireProxy } from '../../subgraphs/proxies/upstream.contract';
import { proxy as registered } from '../../mocks/fixtures/dataset';
import { registers } from '../registers';
import { ProxyGrants } from './proxy-grants';
import type { Holder } from './token-verifier';

const today = '2025-06-15';
const citizenCpr = '1503721233';
const otherCitizenCpr = '2202450842';
const lawyer: Holder = { type: 'PERSON', cpr: '1111652417' };
const lawFirm: Holder = { type: 'ORGANISATION', cvr: '12345678' };

function proxy(overrides: Partial<WireProxy> = {}): WireProxy {
  return registered({
    fuldmagtId: 'FM-1',
    fuldmagtsgiver: { cpr: citizenCpr },
    fuldmagtshaver: { type: 'PERSON', id: '1111652417', navn: 'Advokat Lise Lovmand' },
    type: 'FULDMAGT',
    kort: ['SAGER'],
    gyldigFra: '2025-01-01',
    ...overrides,
  });
}

function wireCase(sagId: string, overrides: Partial<WireCase> = {}): WireCase {
  return {
    sagId,
    titel: 'Ansøgning om befordringsgodtgørelse',
    kle: '32.18.08',
    fremdrift: 'Oplyst',
    foelsomhed: 'FORTROLIGE_PERSONOPLYSNINGER',
    primaerPart: { cpr: citizenCpr },
    oprettet: '2025-02-01',
    afsluttet: null,
    myndighed: { kode: '751', navn: 'Aarhus Kommune' },
    ansvarligEnhed: { navn: 'Jobcenter Aarhus', telefon: null, email: null, aabningstider: null },
    sagsbehandler: null,
    visDokumenttitler: true,
    dokumenter: [],
    ejerSystem: 'SBSYS',
    ...overrides,
  };
}

/** Digital Fuldmagt and the case index as fakes that answer through the real wire schemas. */
function grantsOver(proxies: WireProxy[], cases: WireCase[] = [], at = `${today}T12:00:00Z`) {
  const caseLookups: string[][] = [];
  const index = (servedPath: string, answer: (body: { cpr?: string; ider?: string[] }) => unknown) => ({
    post: async <S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> => {
      if (path !== servedPath) throw new Error(`unexpected call to ${path}`);
      return schema.parse(answer(body as never));
    },
  });
  const grants = new ProxyGrants({
    registers: registers({
      proxies: index(proxiesIndex.search, ({ cpr }) => ({ fuldmagter: proxies.filter((candidate) => candidate.fuldmagtsgiver.cpr === cpr) })),
      cases: index(casesIndex.batch, ({ ider = [] }) => {
        caseLookups.push(ider);
        return { sager: cases.filter((found) => ider.includes(found.sagId)) };
      }),
      persons: index('(the CPR register is not asked)', () => ({})),
    }),
    ttlMs: 1000,
    now: () => new Date(at),
  });
  return { grantFor: (holder: Holder) => grants.grantFor(holder, citizenCpr, Date.now() + 1000), caseLookups };
}

describe('a proxy grant', () => {
  it('gives a person holder with two proxies the union of their cards', async () => {
    const { grantFor } = grantsOver([
      proxy({ fuldmagtId: 'FM-1', kort: ['SAGER'] }),
      proxy({ fuldmagtId: 'FM-2', kort: ['YDELSER', 'AFTALER'] }),
    ]);
    expect(await grantFor(lawyer)).toEqual({
      proxyIds: ['FM-1', 'FM-2'],
      scopes: [{ areas: ['cases', 'benefits', 'appointments'], caseId: null }],
      areas: ['cases', 'benefits', 'appointments'],
      fullGuardian: false,
    });
  });

  it('lets a partial guardianship see only its cards', async () => {
    const { grantFor } = grantsOver([proxy({ type: 'VAERGEMAAL', vaergemaalOmfang: 'DELVIST', kort: ['BETALINGER'] })]);
    expect((await grantFor(lawyer))?.areas).toEqual(['payments']);
  });

  it('lets a full guardianship see all four cards whatever its cards say', async () => {
    const { grantFor } = grantsOver([proxy({ type: 'VAERGEMAAL', vaergemaalOmfang: 'FULDT', kort: ['SAGER'] })]);
    expect((await grantFor(lawyer))?.areas).toEqual(['cases', 'benefits', 'payments', 'appointments']);
  });

  it('lets a full guardian read the access log', async () => {
    const { grantFor } = grantsOver([proxy({ type: 'VAERGEMAAL', vaergemaalOmfang: 'FULDT' })]);
    expect((await grantFor(lawyer))?.fullGuardian).toBe(true);
  });

  it('does not let a partial guardian read the access log', async () => {
    const { grantFor } = grantsOver([proxy({ type: 'VAERGEMAAL', vaergemaalOmfang: 'DELVIST' })]);
    expect((await grantFor(lawyer))?.fullGuardian).toBe(false);
  });

  it('refuses a proxy its holder has not accepted yet, and one the holder declined', async () => {
    expect(await grantsOver([proxy({ accepteret: null })]).grantFor(lawyer)).toBeNull();
    expect(await grantsOver([proxy({ afvist: `${today}T09:00:00.000Z` })]).grantFor(lawyer)).toBeNull();
  });

  it('refuses a future power of attorney not yet in force', async () => {
    const { grantFor } = grantsOver([proxy({ type: 'FREMTIDSFULDMAGT', ikraftsat: null })]);
    expect(await grantFor(lawyer)).toBeNull();
  });

  it('refuses a future power of attorney put in force only after today', async () => {
    const { grantFor } = grantsOver([proxy({ type: 'FREMTIDSFULDMAGT', ikraftsat: '2025-06-16' })]);
    expect(await grantFor(lawyer)).toBeNull();
  });

  it('accepts a future power of attorney in force, with the access log', async () => {
    const { grantFor } = grantsOver([proxy({ type: 'FREMTIDSFULDMAGT', ikraftsat: today, kort: ['SAGER', 'YDELSER'] })]);
    expect(await grantFor(lawyer)).toMatchObject({ areas: ['cases', 'benefits'], fullGuardian: true });
  });

  it('gives an organisation holder identified by CVR its grant', async () => {
    const { grantFor } = grantsOver([proxy({ fuldmagtshaver: { type: 'ORGANISATION', id: '12345678', navn: 'Lovmand Advokater' } })]);
    expect(await grantFor(lawFirm)).toMatchObject({ proxyIds: ['FM-1'], areas: ['cases'] });
  });

  it('does not give a person the grant of an organisation whose CVR matches', async () => {
    const { grantFor } = grantsOver([proxy({ fuldmagtshaver: { type: 'ORGANISATION', id: '12345678', navn: 'Lovmand Advokater' } })]);
    expect(await grantFor({ type: 'PERSON', cpr: '12345678' })).toBeNull();
  });

  it('refuses a proxy held by someone else', async () => {
    const { grantFor } = grantsOver([proxy({ fuldmagtshaver: { type: 'PERSON', id: '0909703316', navn: 'Værge Viggo Værnsen' } })]);
    expect(await grantFor(lawyer)).toBeNull();
  });

  it('binds a case-bound proxy to its case while the case is open', async () => {
    const { grantFor } = grantsOver([proxy({ sagId: 'SAG-1', kort: ['SAGER', 'YDELSER'] })], [wireCase('SAG-1')]);
    expect((await grantFor(lawyer))?.scopes).toEqual([{ areas: ['cases', 'benefits'], caseId: 'SAG-1' }]);
  });

  it('refuses a case-bound proxy once its case is closed', async () => {
    const { grantFor } = grantsOver([proxy({ sagId: 'SAG-1' })], [wireCase('SAG-1', { afsluttet: '2025-06-01' })]);
    expect(await grantFor(lawyer)).toBeNull();
  });

  it("refuses a case-bound proxy whose case is another citizen's", async () => {
    const { grantFor } = grantsOver([proxy({ sagId: 'SAG-1' })], [wireCase('SAG-1', { primaerPart: { cpr: otherCitizenCpr } })]);
    expect(await grantFor(lawyer)).toBeNull();
  });

  it('keeps an unbound scope and one scope per bound case, merging proxies bound to the same case', async () => {
    const { grantFor } = grantsOver(
      [
        proxy({ fuldmagtId: 'FM-1', kort: ['AFTALER'] }),
        proxy({ fuldmagtId: 'FM-2', sagId: 'SAG-1', kort: ['SAGER'] }),
        proxy({ fuldmagtId: 'FM-3', sagId: 'SAG-1', kort: ['YDELSER'] }),
      ],
      [wireCase('SAG-1')],
    );
    expect((await grantFor(lawyer))?.scopes).toEqual([
      { areas: ['appointments'], caseId: null },
      { areas: ['cases', 'benefits'], caseId: 'SAG-1' },
    ]);
  });

  it('looks up all bound cases in one batch', async () => {
    const { grantFor, caseLookups } = grantsOver(
      [proxy({ fuldmagtId: 'FM-1', sagId: 'SAG-1' }), proxy({ fuldmagtId: 'FM-2', sagId: 'SAG-2' }), proxy({ fuldmagtId: 'FM-3', sagId: 'SAG-1' })],
      [wireCase('SAG-1'), wireCase('SAG-2')],
    );
    await grantFor(lawyer);
    expect(caseLookups).toEqual([['SAG-1', 'SAG-2']]);
  });

  it('asks Digital Fuldmagt and the case index once for the requests that need the same grant at once', async () => {
    const { grantFor, caseLookups } = grantsOver([proxy({ sagId: 'SAG-1' })], [wireCase('SAG-1')]);
    const grants = await Promise.all([grantFor(lawyer), grantFor(lawyer), grantFor(lawyer)]);
    expect(grants.map((grant) => grant?.proxyIds)).toEqual([['FM-1'], ['FM-1'], ['FM-1']]);
    expect(caseLookups).toEqual([['SAG-1']]);
  });

  it('does not let a case-bound full guardian read the access log', async () => {
    const { grantFor } = grantsOver([proxy({ type: 'VAERGEMAAL', vaergemaalOmfang: 'FULDT', sagId: 'SAG-1' })], [wireCase('SAG-1')]);
    expect((await grantFor(lawyer))?.fullGuardian).toBe(false);
  });

  it('refuses an expired proxy', async () => {
    const { grantFor } = grantsOver([proxy({ gyldigTil: '2025-06-14' })]);
    expect(await grantFor(lawyer)).toBeNull();
  });

  it('accepts a proxy on the last day of its period', async () => {
    const { grantFor } = grantsOver([proxy({ gyldigTil: today })]);
    expect(await grantFor(lawyer)).not.toBeNull();
  });

  it('ends at midnight Danish time on its last day, not two hours later at midnight UTC', async () => {
    const { grantFor } = grantsOver([proxy({ gyldigTil: today })], [], `${today}T22:30:00Z`);
    expect(await grantFor(lawyer)).toBeNull();
  });

  it('refuses a proxy whose period has not begun', async () => {
    const { grantFor } = grantsOver([proxy({ gyldigFra: '2025-06-16' })]);
    expect(await grantFor(lawyer)).toBeNull();
  });

  it('refuses a revoked proxy', async () => {
    const { grantFor } = grantsOver([proxy({ tilbagekaldt: '2025-06-10T09:00:00Z' })]);
    expect(await grantFor(lawyer)).toBeNull();
  });

  it('still counts the valid proxies when another of the holder is revoked', async () => {
    const { grantFor } = grantsOver([
      proxy({ fuldmagtId: 'FM-1', kort: ['SAGER'], tilbagekaldt: '2025-06-10T09:00:00Z' }),
      proxy({ fuldmagtId: 'FM-2', kort: ['YDELSER'] }),
    ]);
    expect(await grantFor(lawyer)).toMatchObject({ proxyIds: ['FM-2'], areas: ['benefits'] });
  });
});
