import { toMoney } from './graph-types';

describe('money', () => {
  it('is shown exactly from minor units', () => {
    expect(toMoney({ oere: 1234550, valuta: 'DKK' })).toEqual({ amount: '12345.50', currency: 'DKK' });
  });

  it('keeps the sign of a debt', () => {
    expect(toMoney({ oere: -5, valuta: 'DKK' }).amount).toBe('-0.05');
  });
});
