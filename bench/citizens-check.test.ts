import { holdsOnlyTheirs } from './citizens-check';

/** The floor's answer for one citizen, in the overview's shape. */
const theirs = {
  me: {
    id: 'cit_a',
    cases: [{ id: 'SAG-A-1', title: 'Tandpleje' }],
    appointments: [
      { id: 'AFT-A-1', title: 'Ambulant kontrol' },
      { id: 'AFT-A-2', title: 'Jobsamtale' },
    ],
  },
};

describe("the concurrent-citizens check's test of an answer", () => {
  it('accepts the floor answer itself', () => {
    expect(holdsOnlyTheirs(JSON.parse(JSON.stringify(theirs)), theirs)).toBe(true);
  });

  it("accepts an answer short of a source's items", () => {
    expect(holdsOnlyTheirs({ me: { ...theirs.me, appointments: [theirs.me.appointments[1]] } }, theirs)).toBe(true);
  });

  it("refuses an item of someone else's", () => {
    expect(holdsOnlyTheirs({ me: { ...theirs.me, appointments: [{ id: 'AFT-B-1', title: 'Tandeftersyn' }] } }, theirs)).toBe(false);
  });

  it("refuses another citizen's id", () => {
    expect(holdsOnlyTheirs({ me: { ...theirs.me, id: 'cit_b' } }, theirs)).toBe(false);
  });

  it('refuses an item of theirs with a field changed', () => {
    expect(holdsOnlyTheirs({ me: { ...theirs.me, cases: [{ id: 'SAG-A-1', title: 'Sygedagpenge' }] } }, theirs)).toBe(false);
  });
});
