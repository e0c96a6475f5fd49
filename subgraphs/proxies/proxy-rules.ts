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

/** A full guardian sees every card whatever `kort` says; everyone else only the cards listed. */
export function areasOf(proxy: WireProxy): Area[] {
  return proxy.type === 'VAERGEMAAL' && proxy.vaergemaalOmfang === 'FULDT' ? everyCard : proxy.kort.map((card) => cardAreas[card]);
}

/**
 * In force on a day (ISO date): not revoked, within its period, and a future power of attorney
 * only once the Family Court has put it in force. A case-bound proxy also needs its case open,
 * which only the case index can tell.
 */
export function inForceOn(proxy: WireProxy, today: string): boolean {
  return (
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
