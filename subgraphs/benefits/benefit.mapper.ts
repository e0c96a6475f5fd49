import { toAuthority, toKle, toMoney } from '../../lib/graph-types';
import { say } from '../../lib/i18n/messages';
import type { Reader } from '../runtime/context';
import { BenefitPayer, BenefitStatus, PaymentFrequency, type Benefit } from './benefit.type';
import type { WireBenefit } from './upstream.contract';

const status: Record<WireBenefit['status'], BenefitStatus> = {
  UNDER_BEHANDLING: BenefitStatus.IN_PROGRESS,
  BEVILGET: BenefitStatus.GRANTED,
  AFSLAG: BenefitStatus.REFUSED,
  OPHOERT: BenefitStatus.ENDED,
};
const payer: Record<WireBenefit['udbetaler'], BenefitPayer> = {
  KOMMUNE: BenefitPayer.MUNICIPALITY,
  UDBETALING_DANMARK: BenefitPayer.UDBETALING_DANMARK,
};
const frequency: Record<WireBenefit['beloeb']['frekvens'], PaymentFrequency> = {
  MAANEDLIG: PaymentFrequency.MONTHLY,
  KVARTALSVIS: PaymentFrequency.QUARTERLY,
  ENGANGS: PaymentFrequency.ONCE,
};

/** The index's internal benefit name is replaced by the KLE topic's plain-language name. */
export function toBenefit(wire: WireBenefit, { language }: Reader): Benefit {
  const kle = toKle(wire.kle, language, wire.myndighed.kode);
  return {
    id: wire.ydelseId,
    name: kle.name,
    kle,
    period: { from: wire.periode.fra, to: wire.periode.til },
    amount: toMoney(wire.beloeb),
    frequency: frequency[wire.beloeb.frekvens],
    status: status[wire.status],
    statusText: say(language, `benefitStatus.${status[wire.status]}`),
    paidBy: payer[wire.udbetaler],
    responsibleAuthority: toAuthority(wire.myndighed),
    case: wire.sagId ? { id: wire.sagId } : null,
  };
}

/** Most recent period first. */
export function byPeriodDescending(a: Benefit, b: Benefit): number {
  return b.period.from.localeCompare(a.period.from) || a.id.localeCompare(b.id);
}
