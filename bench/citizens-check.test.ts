import { createServer } from 'node:http';
import { checkConcurrentCitizens, holdsOnlyTheirs } from './citizens-check';
import type { Floor } from './floor-client';
import { serveOnLoopback } from './loopback-service';

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

describe('the concurrent-citizens check', () => {
  const cprs = ['0101010001', '0101010002', '0101010003'];
  const full = (cpr: string) => ({ me: { id: `cit_${cpr}`, cases: [{ id: `SAG-${cpr}`, title: 'Tandpleje' }], appointments: [{ id: `AFT-${cpr}`, title: 'Jobsamtale' }] } });
  const short = (cpr: string) => ({ me: { ...full(cpr).me, appointments: [] } });
  const credentials = cprs.map((cpr) => ({ 'x-bench-cpr': cpr }));

  /** A system on loopback answering each citizen as `answerFor` says. */
  async function system(answerFor: (cpr: string) => unknown) {
    return serveOnLoopback(
      createServer((request, response) => {
        request.resume().on('end', () => {
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: answerFor(String(request.headers['x-bench-cpr'])) }));
        });
      }),
      async () => undefined,
    );
  }
  /** A floor whose first `shortFirst` answers leave a source out, as one past a breaker the burst opened does. */
  const floor = (shortFirst = 0): Floor => {
    let asked = 0;
    return { answer: async (_query, cpr) => ((asked += 1) <= shortFirst ? short(cpr) : full(cpr)), close: async () => undefined };
  };
  const noWait = async () => undefined;

  it('passes a system that gives every citizen their own answer', async () => {
    const running = await system(full);
    try {
      await expect(checkConcurrentCitizens('test', running.url, credentials, cprs, floor(), noWait)).resolves.toBe(cprs.length);
    } finally {
      await running.close();
    }
  });

  it("takes the floor's references again when they were short just after the burst, instead of failing a complete answer", async () => {
    const running = await system(full);
    try {
      await expect(checkConcurrentCitizens('test', running.url, credentials, cprs, floor(cprs.length), noWait)).resolves.toBe(cprs.length);
    } finally {
      await running.close();
    }
  });

  it("fails a system that gives a citizen another citizen's item, references taken again or not", async () => {
    const running = await system((cpr) => (cpr === cprs[0] ? { me: { ...full(cpr).me, cases: full(cprs[1]!).me.cases } } : full(cpr)));
    try {
      await expect(checkConcurrentCitizens('test', running.url, credentials, cprs, floor(cprs.length), noWait)).rejects.toThrow('1 of 3 citizens asking at once got data that is not theirs');
    } finally {
      await running.close();
    }
  });

  it('fails a system that stays short for a citizen asked alone', async () => {
    const running = await system((cpr) => (cpr === cprs[2] ? short(cpr) : full(cpr)));
    try {
      await expect(checkConcurrentCitizens('test', running.url, credentials, cprs, floor(), noWait)).rejects.toThrow("1 of 3 citizens did not get the floor's answer");
    } finally {
      await running.close();
    }
  });
});
