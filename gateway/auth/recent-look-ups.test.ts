import { setTimeout as sleep } from 'node:timers/promises';
import { RecentLookUps } from './recent-look-ups';

/** A register whose answers the test releases, counting the calls made to it. */
function register() {
  const calls: string[] = [];
  const waiting: { resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  return {
    calls,
    lookUp: (key: string) => () => {
      calls.push(key);
      return new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
    },
    answer: (value: string) => waiting.shift()!.resolve(value),
    fail: (error: Error) => waiting.shift()!.reject(error),
  };
}

describe('recent look-ups', () => {
  it('asks the register once for requests that miss at the same moment, and gives each the answer', async () => {
    const fuldmagt = register();
    const recent = new RecentLookUps<string>(2_000);
    const asked = [1, 2, 3].map(() => recent.get('lawyer>thomas', fuldmagt.lookUp('lawyer>thomas')));
    expect(fuldmagt.calls).toEqual(['lawyer>thomas']);
    fuldmagt.answer('cases, benefits');
    expect(await Promise.all(asked)).toEqual(['cases, benefits', 'cases, benefits', 'cases, benefits']);
  });

  it('remembers the answer for the time given, then asks again', async () => {
    const fuldmagt = register();
    const recent = new RecentLookUps<string>(100);
    const first = recent.get('lawyer>thomas', fuldmagt.lookUp('lawyer>thomas'));
    fuldmagt.answer('cases');
    await first;
    expect(await recent.get('lawyer>thomas', fuldmagt.lookUp('lawyer>thomas'))).toBe('cases');
    await sleep(150);
    const again = recent.get('lawyer>thomas', fuldmagt.lookUp('lawyer>thomas'));
    fuldmagt.answer('nothing: revoked');
    expect(await again).toBe('nothing: revoked');
    expect(fuldmagt.calls).toHaveLength(2);
  });

  it('keeps one key apart from another', async () => {
    const fuldmagt = register();
    const recent = new RecentLookUps<string>(2_000);
    const forThomas = recent.get('lawyer>thomas', fuldmagt.lookUp('lawyer>thomas'));
    const forAsta = recent.get('lawyer>asta', fuldmagt.lookUp('lawyer>asta'));
    fuldmagt.answer('thomas: cases');
    fuldmagt.answer('asta: nothing');
    expect([await forThomas, await forAsta]).toEqual(['thomas: cases', 'asta: nothing']);
  });

  it('gives a failed look-up to every request that shared it, remembers nothing, and asks again next time', async () => {
    const fuldmagt = register();
    const recent = new RecentLookUps<string>(2_000);
    const asked = [1, 2].map(() => recent.get('lawyer>thomas', fuldmagt.lookUp('lawyer>thomas')));
    expect(fuldmagt.calls).toHaveLength(1);
    fuldmagt.fail(new Error('UPSTREAM_TIMEOUT'));
    for (const each of asked) await expect(each).rejects.toThrow('UPSTREAM_TIMEOUT');
    const again = recent.get('lawyer>thomas', fuldmagt.lookUp('lawyer>thomas'));
    fuldmagt.answer('cases');
    expect(await again).toBe('cases');
    expect(fuldmagt.calls).toHaveLength(2);
  });
});
