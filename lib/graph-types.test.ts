import { toKle, toMoney } from './graph-types';

describe('money', () => {
  it('is shown exactly from minor units', () => {
    expect(toMoney({ oere: 1234550, valuta: 'DKK' })).toEqual({ amount: '12345.50', currency: 'DKK' });
  });

  it('keeps the sign of a debt', () => {
    expect(toMoney({ oere: -5, valuta: 'DKK' }).amount).toBe('-0.05');
  });
});

describe('KLE names', () => {
  it('use the plain-language name of the topic', () => {
    expect(toKle('15.20.38').name).toBe('Transport allowance for taking part in an offer (under 18)');
  });

  it('fall back to the group for a topic not in the excerpt', () => {
    expect(toKle('32.18.99').name).toBe('Cash benefit');
  });

  it('fall back to the code itself when nothing is known', () => {
    expect(toKle('99.99.99').name).toBe('KLE 99.99.99');
  });
});
