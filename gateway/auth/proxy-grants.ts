import { LRUCache } from 'lru-cache';
import type { Area } from '../../lib/errors';
import { casesIndex, casesResponseSchema } from '../../subgraphs/cases/upstream.contract';
import { proxiesIndex, proxiesResponseSchema, type WireProxy } from '../../subgraphs/proxies/upstream.contract';
import type { Upstream } from '../../lib/upstream';

/** What a valid proxy lets its holder read for the citizen who granted it. */
export interface Grant {
  proxyId: string;
  areas: Area[];
  boundCaseId: string | null;
}

const cardAreas: Record<WireProxy['kort'][number], Area> = {
  SAGER: 'cases',
  YDELSER: 'benefits',
  BETALINGER: 'payments',
  AFTALER: 'appointments',
};

export interface ProxyGrantsOptions {
  registry: Upstream;
  caseIndex: Upstream;
  /** Short, so a revocation takes effect within seconds on every replica. */
  ttlMs: number;
  now?: () => Date;
}

const caseStatus = casesResponseSchema.transform((response) => response.sager);
const proxyList = proxiesResponseSchema.transform((response) => response.fuldmagter);

/**
 * Asks Digital Fuldmagt, on every request (through a cache of a few seconds), whether the holder
 * may act for the citizen now: in force, not revoked, and when bound to a case, that case still
 * open (the proxy ends when the case closes).
 */
export class ProxyGrants {
  private readonly recent: LRUCache<string, { grant: Grant | null }>;
  private readonly now: () => Date;

  constructor(private readonly options: ProxyGrantsOptions) {
    this.recent = new LRUCache({ max: 10_000, ttl: options.ttlMs });
    this.now = options.now ?? (() => new Date());
  }

  async grantFor(holderCpr: string, subjectCpr: string, deadline: number): Promise<Grant | null> {
    const key = `${holderCpr}>${subjectCpr}`;
    const remembered = this.recent.get(key);
    if (remembered) return remembered.grant;
    const grant = await this.lookUp(holderCpr, subjectCpr, deadline);
    this.recent.set(key, { grant });
    return grant;
  }

  private async lookUp(holderCpr: string, subjectCpr: string, deadline: number): Promise<Grant | null> {
    const today = this.now().toISOString().slice(0, 10);
    const proxies = await this.options.registry.post(proxiesIndex.search, { cpr: subjectCpr }, proxyList, { deadline });
    const proxy = proxies.find(
      (candidate) =>
        candidate.fuldmagtshaver.type === 'PERSON' &&
        candidate.fuldmagtshaver.id === holderCpr &&
        candidate.tilbagekaldt === null &&
        candidate.gyldigFra <= today &&
        (candidate.gyldigTil === null || today <= candidate.gyldigTil),
    );
    if (!proxy) return null;
    if (proxy.sagId) {
      const [boundCase] = await this.options.caseIndex.post(casesIndex.batch, { ider: [proxy.sagId] }, caseStatus, { deadline });
      if (!boundCase || boundCase.primaerPart.cpr !== subjectCpr || boundCase.afsluttet !== null) return null;
    }
    return { proxyId: proxy.fuldmagtId, areas: proxy.kort.map((card) => cardAreas[card]), boundCaseId: proxy.sagId };
  }
}
