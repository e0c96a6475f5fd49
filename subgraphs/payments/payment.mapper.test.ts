import { createDataset } from '../../mocks/fixtures/dataset';
import { personas } from '../../mocks/fixtures/personas';
import { toPayment } from './payment.mapper';
import { PaymentDateGap } from './payment.type';

const olesPayments = createDataset().payments.filter((payment) => payment.modtager.cpr === personas.ole.cpr);
const inDanish = { subjectId: 'cit_ole', language: 'da' } as const;
const inEnglish = { subjectId: 'cit_ole', language: 'en' } as const;

describe('a payment from a Fujitsu Prisme municipality', () => {
  it('has no payment date rather than an invented one', () => {
    for (const payment of olesPayments) expect(toPayment(payment, inDanish).paymentDate).toBeNull();
  });

  it('says why the date is missing as a code', () => {
    for (const payment of olesPayments) expect(toPayment(payment, inDanish).paymentDateGap).toBe(PaymentDateGap.FINANCE_SYSTEM_SILENT);
  });

  it('says why the date is missing in plain Danish', () => {
    for (const payment of olesPayments) expect(toPayment(payment, inDanish).paymentDateMissingReason).toMatch(/økonomisystem oplyser ikke udbetalingsdatoer/);
  });

  it('says why the date is missing in plain English when asked', () => {
    for (const payment of olesPayments) {
      expect(toPayment(payment, inEnglish).paymentDateMissingReason).toMatch(/finance system does not report payment dates/);
    }
  });
});

describe('a payment with a date', () => {
  it('gives no reason', () => {
    const dated = createDataset().payments.find((payment) => payment.betalingsdato !== null)!;
    expect(toPayment(dated, inDanish).paymentDateMissingReason).toBeNull();
    expect(toPayment(dated, inDanish).paymentDateGap).toBeNull();
  });
});
