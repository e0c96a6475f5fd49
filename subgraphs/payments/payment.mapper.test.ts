import { createDataset } from '../../mocks/fixtures/dataset';
import { personas } from '../../mocks/fixtures/personas';
import { toPayment } from './payment.mapper';

const olesPayments = createDataset().payments.filter((payment) => payment.modtager.cpr === personas.ole.cpr);

describe('a payment from a Fujitsu Prisme municipality', () => {
  it('has no payment date rather than an invented one', () => {
    for (const payment of olesPayments) expect(toPayment(payment).paymentDate).toBeNull();
  });

  it('says in plain words why the date is missing', () => {
    for (const payment of olesPayments) {
      expect(toPayment(payment).paymentDateMissingReason).toMatch(/finance system does not report payment dates/);
    }
  });
});

describe('a payment with a date', () => {
  it('gives no reason', () => {
    const dated = createDataset().payments.find((payment) => payment.betalingsdato !== null)!;
    expect(toPayment(dated).paymentDateMissingReason).toBeNull();
  });
});
