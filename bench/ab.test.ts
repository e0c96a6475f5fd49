import { resolve } from 'node:path';
import { abSettings, variantOf } from './ab';

describe('an A/B variant named on the command line', () => {
  it('is a system with the settings for its process, a value keeping its own equals signs', () => {
    expect(variantOf('gateway+NODE_OPTIONS=--max-semi-space-size=32+LOG_LEVEL=silent')).toEqual({
      label: 'gateway+NODE_OPTIONS=--max-semi-space-size=32+LOG_LEVEL=silent',
      kind: 'gateway',
      fromBase: false,
      env: { NODE_OPTIONS: '--max-semi-space-size=32', LOG_LEVEL: 'silent' },
      nodeFlags: [],
    });
  });

  it('gives a setting starting with two dashes to node itself, as a flag NODE_OPTIONS would refuse', () => {
    expect(variantOf('floor-recorded+--trace-gc+TAG=floor+--max-semi-space-size=32')).toMatchObject({
      kind: 'floor-recorded',
      env: { TAG: 'floor' },
      nodeFlags: ['--trace-gc', '--max-semi-space-size=32'],
    });
  });

  it('runs the other commit when named with base:', () => {
    expect(variantOf('base:gateway-no-audit')).toMatchObject({ kind: 'gateway-no-audit', fromBase: true, env: {} });
  });

  it('is refused when it names no system the harness runs', () => {
    expect(() => variantOf('naive')).toThrow('unknown variant naive');
  });
});

describe('the A/B command line', () => {
  it('closes the loop on ten connections after three seconds of warm-up unless told otherwise', () => {
    expect(abSettings([])).toMatchObject({ rounds: 6, seconds: 5, warmupSeconds: 3, ratePerSecond: undefined, base: undefined, stub: false, paired: false });
  });

  it("measures the citizen's warm overview unless told another scenario", () => {
    expect(abSettings([]).scenario).toMatchObject({ name: 'overview-warm', caller: 'citizen', persona: 'thomas' });
  });

  it("measures another warm scenario of the bench's with its caller and stock beside our gateway", () => {
    const settings = abSettings(['--scenario', 'chatbot-warm', '--variants', 'gateway,stock,hive']);
    expect(settings.scenario).toMatchObject({ name: 'chatbot-warm', caller: 'chatbot' });
    expect(settings.variants.map((variant) => variant.kind)).toEqual(['gateway', 'stock', 'hive']);
  });

  it('refuses a cold scenario, whose citizen must be fresh on every request', () => {
    expect(() => abSettings(['--scenario', 'overview-cold'])).toThrow("--scenario must name a warm scenario of the bench's, not overview-cold");
  });

  it('refuses the floor on a scenario it has no plan for', () => {
    expect(() => abSettings(['--scenario', 'partner-warm', '--variants', 'gateway,floor'])).toThrow('floor does not run partner-warm');
  });

  it('measures the variants side by side over the same seconds when paired', () => {
    expect(abSettings(['--paired', 'true']).paired).toBe(true);
  });

  it('sends every variant the same number of requests a second when given a rate', () => {
    expect(abSettings(['--rate', '150', '--warmup', '40']).ratePerSecond).toBe(150);
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => abSettings(['--rate', 'fast'])).toThrow('--rate must be a positive number, not fast');
  });

  it('refuses a base: variant without the other checkout, rather than comparing this one with itself', () => {
    expect(() => abSettings(['--variants', 'gateway,base:gateway'])).toThrow('a base: variant needs --base');
  });

  it('takes the other checkout for a base: variant as an absolute path', () => {
    expect(abSettings(['--variants', 'gateway,base:gateway', '--base', 'other']).base).toBe(resolve('other'));
  });
});
