import { personas } from '../../mocks/fixtures/personas';
import type { Registers } from '../registers';
import { CustodyGrants } from './custody';

const emil = personas.emil;
const father = { type: 'PERSON' as const, cpr: personas.thomas.cpr };
/** The CPR register as a fake naming who has custody of emil, and the look-ups it was asked. */
const register = (custodyHolders: string[]) => {
  const calls: string[][] = [];
  const registers: Pick<Registers, 'persons'> = {
    persons: async (cprs) => {
      calls.push(cprs);
      return [{ cpr: emil.cpr, navn: emil.name, adresse: emil.address, kommunekode: '751', adressebeskyttet: false, myndighedsindehavere: custodyHolders }];
    },
  };
  return { registers, calls };
};
const on = (day: string) => () => new Date(`${day}T12:00:00Z`);
const deadline = () => Date.now() + 1000;

describe('a parent acting for a minor without a proxy', () => {
  it('reads the areas the rules give parents, marked as custody, when the CPR register names them', async () => {
    const grants = new CustodyGrants({ registers: register([father.cpr]).registers, ttlMs: 0, now: on('2026-12-01') });
    expect(await grants.grantFor(father, emil.cpr, deadline())).toEqual({
      proxyIds: [],
      scopes: [{ areas: ['cases', 'benefits', 'payments', 'appointments'], caseId: null, custody: true }],
      areas: ['cases', 'benefits', 'payments', 'appointments'],
      fullGuardian: false,
    });
  });

  it('reads nothing when the CPR register names someone else', async () => {
    const grants = new CustodyGrants({ registers: register([personas.mother.cpr]).registers, ttlMs: 0, now: on('2026-12-01') });
    expect(await grants.grantFor(father, emil.cpr, deadline())).toBeNull();
  });

  it('ends on the child’s 18th birthday, without asking the register', async () => {
    const { registers, calls } = register([father.cpr]);
    const grants = new CustodyGrants({ registers, ttlMs: 0, now: on('2032-08-15') });
    expect(await grants.grantFor(father, emil.cpr, deadline())).toBeNull();
    expect(calls).toEqual([]);
  });

  it('still holds the day before', async () => {
    const grants = new CustodyGrants({ registers: register([father.cpr]).registers, ttlMs: 0, now: on('2032-08-14') });
    expect(await grants.grantFor(father, emil.cpr, deadline())).not.toBeNull();
  });

  it('is never held by an organisation', async () => {
    const grants = new CustodyGrants({ registers: register([father.cpr]).registers, ttlMs: 0, now: on('2026-12-01') });
    expect(await grants.grantFor({ type: 'ORGANISATION', cvr: '31234567' }, emil.cpr, deadline())).toBeNull();
  });
});
