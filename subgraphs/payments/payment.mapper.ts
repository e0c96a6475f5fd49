import { toAuthority, toMoney } from '../../lib/graph-types';
import { PaymentKind, type Payment } from './payment.type';
import type { WirePayment } from './upstream.contract';

/** Known gap: municipalities on Fujitsu Prisme do not deliver the payment date. */
function missingDateReason(wire: WirePayment): string | null {
  if (wire.betalingsdato !== null) return null;
  return wire.finanssystem === 'FUJITSU_PRISME'
    ? "The municipality's finance system does not report payment dates. Contact the municipality to learn when it is paid."
    : 'The source did not report a payment date.';
}

export function toPayment(wire: WirePayment): Payment {
  return {
    id: wire.betalingId,
    kind: wire.type === 'UDBETALING' ? PaymentKind.PAYOUT : PaymentKind.DEBT,
    amount: toMoney(wire.beloeb),
    paymentDate: wire.betalingsdato,
    paymentDateMissingReason: missingDateReason(wire),
    payingAuthority: toAuthority(wire.myndighed),
    benefit: wire.ydelseId ? { id: wire.ydelseId } : null,
  };
}

/** Latest payment first; payments without a date last. */
export function byDateDescending(a: Payment, b: Payment): number {
  return (b.paymentDate ?? '').localeCompare(a.paymentDate ?? '') || a.id.localeCompare(b.id);
}
