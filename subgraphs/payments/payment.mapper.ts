import { toAuthority, toMoney } from '../../lib/graph-types';
import { say } from '../../lib/i18n/messages';
import type { Reader } from '../runtime/context';
import { PaymentDateGap, PaymentKind, type Payment } from './payment.type';
import type { WirePayment } from './upstream.contract';

/** Known gap: municipalities on Fujitsu Prisme do not deliver the payment date. */
function dateGap(wire: WirePayment): PaymentDateGap | null {
  if (wire.betalingsdato !== null) return null;
  return wire.finanssystem === 'FUJITSU_PRISME' ? PaymentDateGap.FINANCE_SYSTEM_SILENT : PaymentDateGap.NOT_REPORTED;
}

const gapText = { [PaymentDateGap.FINANCE_SYSTEM_SILENT]: 'paymentDate.financeSystemSilent', [PaymentDateGap.NOT_REPORTED]: 'paymentDate.notReported' } as const;

export function toPayment(wire: WirePayment, { language }: Reader): Payment {
  const gap = dateGap(wire);
  return {
    id: wire.betalingId,
    kind: wire.type === 'UDBETALING' ? PaymentKind.PAYOUT : PaymentKind.DEBT,
    amount: toMoney(wire.beloeb),
    paymentDate: wire.betalingsdato,
    paymentDateMissingReason: gap === null ? null : say(language, gapText[gap]),
    paymentDateGap: gap,
    payingAuthority: toAuthority(wire.myndighed),
    benefit: wire.ydelseId ? { id: wire.ydelseId } : null,
  };
}

/** Latest payment first; payments without a date last. */
export function byDateDescending(a: Payment, b: Payment): number {
  return (b.paymentDate ?? '').localeCompare(a.paymentDate ?? '') || a.id.localeCompare(b.id);
}
