import type { Area } from '../../lib/errors';
import type { Language } from '../../lib/i18n/language';
import { say } from '../../lib/i18n/messages';
import type { Reader } from '../runtime/context';
import { areasOf, type ProxyState, type ProxyStatusCode } from './proxy-rules';
import { Card, HolderKind, ProxyEndReason, ProxyKind, ProxyStatus, type HeldProxy, type Proxy, type ProxyFacts, type Representation } from './proxy.type';
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
export function toProxy(wire: WireProxy, reader: Reader): Proxy {
  return {
    id: wire.fuldmagtId,
    holder: { name: wire.fuldmagtshaver.navn, kind: HolderKind[wire.fuldmagtshaver.type] },
    representedCitizen: { id: reader.subjectId },
    cards: wire.kort.map((code) => card[code]),
    kind: kind[wire.type],
    validFrom: wire.gyldigFra,
    validTo: wire.gyldigTil,
    boundCase: wire.sagId ? { id: wire.sagId } : null,
    revokedAt: wire.tilbagekaldt,
    acceptedAt: wire.accepteret,
    facts: factsOf(wire),
  };
}

/** What a proxy's status is worked out from, without the parties' CPR or CVR. */
export function factsOf(wire: WireProxy): ProxyFacts {
  const { type, gyldigFra, gyldigTil, ikraftsat, sagId, accepteret, afvist, tilbagekaldt } = wire;
  return { type, gyldigFra, gyldigTil, ikraftsat, sagId, accepteret, afvist, tilbagekaldt };
}

/** A proxy's state as the graph shows it: the codes, and the same in plain words in the reader's language. */
export function toStatus(state: ProxyState, language: Language) {
  return {
    status: ProxyStatus[state.status],
    statusText: say(language, `proxyStatus.${state.status}`),
    endReason: state.endReason === null ? null : ProxyEndReason[state.endReason],
    endReasonText: state.endReason === null ? null : say(language, `proxyEnd.${state.endReason}`),
  };
}

/** A proxy as its holder sees it: who granted it (by pseudonym and name), never a CPR. */
export function toHeldProxy(wire: WireProxy, state: ProxyState, grantor: { citizenId: string; name: string }, language: Language): HeldProxy {
  return {
    id: wire.fuldmagtId,
    grantor,
    cards: wire.kort.map((code) => card[code]),
    kind: kind[wire.type],
    validFrom: wire.gyldigFra,
    validTo: wire.gyldigTil,
    boundCaseId: wire.sagId,
    ...toStatus(state, language),
    acceptedAt: wire.accepteret,
    revokedAt: wire.tilbagekaldt,
  };
}

const statusOrder: Record<ProxyStatusCode, number> = { PENDING: 0, IN_FORCE: 1, NOT_YET_IN_FORCE: 2, ENDED: 3 };
type Ordered = { status: ProxyStatusCode; validFrom: string; id: string };

/** Pending first (they wait for an answer), then in force, not yet in force, ended; newest first within each. */
export function heldOrder(a: Ordered, b: Ordered): number {
  return statusOrder[a.status] - statusOrder[b.status] || b.validFrom.localeCompare(a.validFrom) || a.id.localeCompare(b.id);
}

/** Newest grant first. */
export function byValidFromDescending(a: Proxy, b: Proxy): number {
  return b.validFrom.localeCompare(a.validFrom) || a.id.localeCompare(b.id);
}

const areaCards: Partial<Record<Area, Card>> = { cases: Card.CASES, benefits: Card.BENEFITS, payments: Card.PAYMENTS, appointments: Card.APPOINTMENTS };

/** One representation per citizen: every proxy in force for them together (cards joined, the latest end). */
export function toRepresentations(proxies: WireProxy[], citizen: (cpr: string) => { citizenId: string; name: string }): Representation[] {
  const byCitizen = new Map<string, WireProxy[]>();
  for (const proxy of proxies) byCitizen.set(proxy.fuldmagtsgiver.cpr, [...(byCitizen.get(proxy.fuldmagtsgiver.cpr) ?? []), proxy]);
  return [...byCitizen].map(([cpr, held]) => {
    const areas = new Set(held.flatMap(areasOf));
    const ends = held.map((proxy) => proxy.gyldigTil);
    return {
      ...citizen(cpr),
      cards: Object.values(Card).filter((value) => [...areas].some((area) => areaCards[area] === value)),
      kinds: [...new Set(held.map((proxy) => kind[proxy.type]))],
      validTo: ends.includes(null) ? null : (ends as string[]).sort().at(-1)!,
      boundCaseIds: [...new Set(held.flatMap((proxy) => (proxy.sagId === null ? [] : [proxy.sagId])))],
    };
  }).sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
