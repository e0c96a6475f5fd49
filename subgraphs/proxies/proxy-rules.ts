import type { Area } from '../../lib/errors';
import type { WireCase } from '../cases/upstream.contract';
import type { WireProxy } from './upstream.contract';

/**
 * What a proxy in Digital Fuldmagt lets its holder do, read the same way by the gateway (which
 * grants access with it) and by the proxies subgraph (which lists a holder's representations).
 */
export const cardAreas: Record<WireProxy['kort'][number], Area> = {
  SAGER: 'cases',
  YDELSER: 'benefits',
  BETALINGER: 'payments',
  AFTALER: 'appointments',
};
const everyCard = Object.values(cardAreas);

/** What decides whether a proxy is in force, and why it ended. */
export type Lifecycle = Pick<
  WireProxy,
  'fuldmagtsgiver' | 'type' | 'gyldigFra' | 'gyldigTil' | 'ikraftsat' | 'sagId' | 'accepteret' | 'afvist' | 'tilbagekaldt'
>;

/** A full guardian sees every card whatever `kort` says; everyone else only the cards listed. */
export function areasOf(proxy: WireProxy): Area[] {
  return proxy.type === 'VAERGEMAAL' && proxy.vaergemaalOmfang === 'FULDT' ? everyCard : proxy.kort.map((card) => cardAreas[card]);
}

/**
 * In force on a day (ISO date): accepted by its holder, not revoked, within its period, and a
 * future power of attorney only once the Family Court has put it in force. A case-bound proxy also
 * needs its case open, which only the case index can tell. A pending proxy (not yet accepted, or
 * declined) lets its holder do nothing.
 */
export function inForceOn(proxy: Lifecycle, today: string): boolean {
  return (
    proxy.accepteret !== null &&
    proxy.afvist === null &&
    proxy.tilbagekaldt === null &&
    proxy.gyldigFra <= today &&
    (proxy.gyldigTil === null || today <= proxy.gyldigTil) &&
    (proxy.type !== 'FREMTIDSFULDMAGT' || (proxy.ikraftsat !== null && proxy.ikraftsat <= today))
  );
}

/** The cases the case-bound ones among these proxies depend on, for one batch look-up. */
export function boundCaseIds(proxies: WireProxy[]): string[] {
  return [...new Set(proxies.flatMap((proxy) => (proxy.sagId === null ? [] : [proxy.sagId])))];
}

/** The proxies not bound to a case, or bound to one that is still open and the principal's own. */
export function withOpenCases(proxies: WireProxy[], cases: Pick<WireCase, 'sagId' | 'afsluttet' | 'primaerPart'>[]): WireProxy[] {
  const open = new Map(cases.filter((found) => found.afsluttet === null).map((found) => [found.sagId, found.primaerPart.cpr]));
  return proxies.filter((proxy) => proxy.sagId === null || open.get(proxy.sagId) === proxy.fuldmagtsgiver.cpr);
}

export type ProxyStatusCode = 'PENDING' | 'NOT_YET_IN_FORCE' | 'IN_FORCE' | 'ENDED';
export type ProxyEndReasonCode = 'REVOKED' | 'DECLINED' | 'EXPIRED' | 'CASE_CLOSED';
export interface ProxyState {
  status: ProxyStatusCode;
  /** Why it ended; null unless `status` is ENDED. */
  endReason: ProxyEndReasonCode | null;
}

/**
 * Where a proxy stands on a day, as both its principal and its holder are told. `boundCase` is the
 * case a case-bound proxy depends on as the case index has it (null when the index has no such
 * case); ignored for an unbound proxy. IN_FORCE here is exactly `inForceOn` and `withOpenCases`
 * together, so what the parties are told is what the gateway grants.
 *
 * Ended, in this order: revoked by the principal; declined by the holder; otherwise whichever
 * came first of its last day passing and its case closing (a case that is gone, or not the
 * principal's, counts as closed). Not ended: pending until the holder accepts; accepted but before
 * its first day (or a lasting power of attorney the Family Court has not put in force): not yet in
 * force.
 */
export function stateOn(
  proxy: Lifecycle,
  today: string,
  boundCase: Pick<WireCase, 'afsluttet' | 'primaerPart'> | null = null,
): ProxyState {
  const ended = (endReason: ProxyEndReasonCode): ProxyState => ({ status: 'ENDED', endReason });
  if (proxy.tilbagekaldt !== null) return ended('REVOKED');
  if (proxy.afvist !== null) return ended('DECLINED');
  const expiredOn = proxy.gyldigTil !== null && proxy.gyldigTil < today ? proxy.gyldigTil : null;
  let caseClosedOn: string | null = null;
  if (proxy.sagId !== null) {
    const lost = boundCase === null || boundCase.primaerPart.cpr !== proxy.fuldmagtsgiver.cpr;
    // A case that is gone has no closing day: it counts as closed before anything else.
    if (lost) caseClosedOn = '';
    else if (boundCase.afsluttet !== null) caseClosedOn = boundCase.afsluttet;
  }
  if (caseClosedOn !== null && (expiredOn === null || caseClosedOn <= expiredOn)) return ended('CASE_CLOSED');
  if (expiredOn !== null) return ended('EXPIRED');
  if (proxy.accepteret === null) return { status: 'PENDING', endReason: null };
  return { status: inForceOn(proxy, today) ? 'IN_FORCE' : 'NOT_YET_IN_FORCE', endReason: null };
}
