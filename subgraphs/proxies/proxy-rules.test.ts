import { proxy as registered } from '../../mocks/fixtures/dataset';
import type { WireCase } from '../cases/upstream.contract';
import { boundCaseIds, inForceOn, stateOn, withOpenCases } from './proxy-rules';
import type { WireProxy } from './upstream.contract';

const today = '2026-11-23';
const principal = '1503721233';

function proxy(overrides: Partial<WireProxy> = {}): WireProxy {
  return registered({
    fuldmagtId: 'FM-1',
    fuldmagtsgiver: { cpr: principal },
    fuldmagtshaver: { type: 'PERSON', id: '1111652417', navn: 'Advokat Lise Lovmand' },
    type: 'FULDMAGT',
    kort: ['SAGER'],
    gyldigFra: '2026-11-01',
    ...overrides,
  });
}
const boundCase = (afsluttet: string | null, owner = principal): Pick<WireCase, 'sagId' | 'afsluttet' | 'primaerPart'> => ({
  sagId: 'SAG-1',
  afsluttet,
  primaerPart: { cpr: owner },
});

describe('a proxy the citizen granted', () => {
  it('grants nothing while its holder has not accepted it', () => {
    const pending = proxy({ accepteret: null });
    expect(inForceOn(pending, today)).toBe(false);
    expect(stateOn(pending, today)).toEqual({ status: 'PENDING', endReason: null });
  });

  it('is in force once accepted, within its period', () => {
    const accepted = proxy({ accepteret: '2026-11-02T08:00:00.000Z' });
    expect(inForceOn(accepted, today)).toBe(true);
    expect(stateOn(accepted, today)).toEqual({ status: 'IN_FORCE', endReason: null });
  });

  it('is accepted but not yet in force before its first day', () => {
    const early = proxy({ gyldigFra: '2026-12-01', accepteret: '2026-11-20T08:00:00.000Z' });
    expect(inForceOn(early, today)).toBe(false);
    expect(stateOn(early, today)).toEqual({ status: 'NOT_YET_IN_FORCE', endReason: null });
  });

  it('counts a lasting power of attorney the Family Court has not put in force as not yet in force', () => {
    expect(stateOn(proxy({ type: 'FREMTIDSFULDMAGT', ikraftsat: null }), today)).toEqual({ status: 'NOT_YET_IN_FORCE', endReason: null });
  });

  it('grants nothing once declined by its holder, and says so', () => {
    const declined = proxy({ accepteret: null, afvist: '2026-11-03T08:00:00.000Z' });
    expect(inForceOn(declined, today)).toBe(false);
    expect(stateOn(declined, today)).toEqual({ status: 'ENDED', endReason: 'DECLINED' });
  });
});

describe('why a proxy ended', () => {
  it('is REVOKED when the citizen revoked it, also after its last day has passed', () => {
    expect(stateOn(proxy({ tilbagekaldt: '2026-11-10T10:00:00.000Z', gyldigTil: '2026-11-10' }), today)).toEqual({ status: 'ENDED', endReason: 'REVOKED' });
  });

  it('is REVOKED when revoked while still pending', () => {
    expect(stateOn(proxy({ accepteret: null, tilbagekaldt: '2026-11-10T10:00:00.000Z' }), today).endReason).toBe('REVOKED');
  });

  it('is EXPIRED after its last day, not on it', () => {
    expect(stateOn(proxy({ gyldigTil: '2026-11-22' }), today)).toEqual({ status: 'ENDED', endReason: 'EXPIRED' });
    expect(stateOn(proxy({ gyldigTil: today }), today).status).toBe('IN_FORCE');
  });

  it('is EXPIRED for a grant never accepted before its last day', () => {
    expect(stateOn(proxy({ accepteret: null, gyldigTil: '2026-11-22' }), today).endReason).toBe('EXPIRED');
  });

  it('is CASE_CLOSED when its case closed, and the proxy then grants nothing', () => {
    const bound = proxy({ sagId: 'SAG-1' });
    expect(stateOn(bound, today, boundCase('2026-11-15'))).toEqual({ status: 'ENDED', endReason: 'CASE_CLOSED' });
    expect(withOpenCases([bound], [boundCase('2026-11-15')])).toEqual([]);
  });

  it('is CASE_CLOSED when its case is gone or not the citizen’s', () => {
    const bound = proxy({ sagId: 'SAG-1' });
    expect(stateOn(bound, today, null).endReason).toBe('CASE_CLOSED');
    expect(stateOn(bound, today, boundCase(null, '2202450842')).endReason).toBe('CASE_CLOSED');
  });

  it('names what came first when both its period and its case ended', () => {
    expect(stateOn(proxy({ sagId: 'SAG-1', gyldigTil: '2026-11-10' }), today, boundCase('2026-11-15')).endReason).toBe('EXPIRED');
    expect(stateOn(proxy({ sagId: 'SAG-1', gyldigTil: '2026-11-20' }), today, boundCase('2026-11-15')).endReason).toBe('CASE_CLOSED');
  });

  it('is in force, bound to an open case of the citizen’s, exactly when the gateway would grant it', () => {
    const bound = proxy({ sagId: 'SAG-1' });
    expect(boundCaseIds([bound])).toEqual(['SAG-1']);
    expect(stateOn(bound, today, boundCase(null)).status).toBe('IN_FORCE');
    expect(withOpenCases([bound], [boundCase(null)])).toEqual([bound]);
  });
});
