import { Card, HolderKind, ProxyKind, type Proxy } from './proxy.type';
import type { WireProxy } from './upstream.contract';

const kind: Record<WireProxy['type'], ProxyKind> = {
  FULDMAGT: ProxyKind.POWER_OF_ATTORNEY,
  VAERGEMAAL: ProxyKind.GUARDIANSHIP,
  FREMTIDSFULDMAGT: ProxyKind.FUTURE_POWER_OF_ATTORNEY,
};
const card: Record<WireProxy['kort'][number], Card> = {
  SAGER: Card.CASES,
  YDELSER: Card.BENEFITS,
  BETALINGER: Card.PAYMENTS,
  AFTALER: Card.APPOINTMENTS,
};

/** The holder is shown by name and kind only: never their CPR or CVR. */
export function toProxy(wire: WireProxy, representedCitizenId: string): Proxy {
  return {
    id: wire.fuldmagtId,
    holder: { name: wire.fuldmagtshaver.navn, kind: HolderKind[wire.fuldmagtshaver.type] },
    representedCitizen: { id: representedCitizenId },
    cards: wire.kort.map((code) => card[code]),
    kind: kind[wire.type],
    validFrom: wire.gyldigFra,
    validTo: wire.gyldigTil,
    boundCase: wire.sagId ? { id: wire.sagId } : null,
    revokedAt: wire.tilbagekaldt,
  };
}

/** Newest grant first. */
export function byValidFromDescending(a: Proxy, b: Proxy): number {
  return b.validFrom.localeCompare(a.validFrom) || a.id.localeCompare(b.id);
}
