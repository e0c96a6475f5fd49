import { variantOf } from './ab';

describe('an A/B variant named on the command line', () => {
  it('is a system with the settings for its process, a value keeping its own equals signs', () => {
    expect(variantOf('gateway+NODE_OPTIONS=--max-semi-space-size=32+LOG_LEVEL=silent')).toEqual({
      label: 'gateway+NODE_OPTIONS=--max-semi-space-size=32+LOG_LEVEL=silent',
      kind: 'gateway',
      fromBase: false,
      env: { NODE_OPTIONS: '--max-semi-space-size=32', LOG_LEVEL: 'silent' },
    });
  });

  it('runs the other commit when named with base:', () => {
    expect(variantOf('base:gateway-no-audit')).toMatchObject({ kind: 'gateway-no-audit', fromBase: true, env: {} });
  });

  it('is refused when it names no system the harness runs', () => {
    expect(() => variantOf('stock')).toThrow('unknown variant stock');
  });
});
