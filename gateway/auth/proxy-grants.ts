import { danishDate } from '../../lib/danish-date';
import type { Area } from '../../lib/errors';
import { areaNames, type Scope } from '../../lib/internal-context';
import { areasOf, boundCaseIds, inForceOn, withOpenCases } from '../../subgraphs/proxies/proxy-rules';
import type { WireProxy } from '../../subgraphs/proxies/upstream.contract';
import type { Registers } from '../registers';
import { RecentLookUps } from './recent-look-ups';
import type { Holder } from './token-verifier';

/** What all of a holder's valid proxies for one citizen let it read, merged. */
export interface Grant {
  proxyIds: string[];
  /** One per case a proxy is bound to, plus one (caseId null) for the unbound proxies together. */
  scopes: Scope[];
  /** The union of the scopes' areas. */
  areas: Area[];
  /** An unbound full guardianship or future power of attorney in force: reads the access log too. */
  fullGuardian: boolean;
}


export interface ProxyGrantsOptions {
  /** Digital Fuldmagt for the proxies, the case index for whether a bound case is still open. */
  registers: Pick<Registers, 'proxiesOf' | 'cases'>;
  /** Short, so a revocation takes effect within seconds on every replica. */
  ttlMs: number;
  now?: () => Date;
}


const holderId = (holder: Holder) => (holder.type === 'PERSON' ? holder.cpr : holder.cvr);


/** Union in the canonical order, so equal grants look equal. */
const union = (lists: Area[][]): Area[] => areaNames.filter((area) => lists.some((list) => list.includes(area)));

function merge(proxies: WireProxy[]): Grant {
  const byCase = new Map<string | null, Area[][]>();
  for (const proxy of proxies) byCase.set(proxy.sagId, [...(byCase.get(proxy.sagId) ?? []), areasOf(proxy)]);
  const scopes = [...byCase].map(([caseId, lists]) => ({ areas: union(lists), caseId }));
  return {
    proxyIds: proxies.map((proxy) => proxy.fuldmagtId),
    scopes,
    areas: union(scopes.map((scope) => scope.areas)),
    fullGuardian: proxies.some(
      (proxy) => proxy.sagId === null && ((proxy.type === 'VAERGEMAAL' && proxy.vaergemaalOmfang === 'FULDT') || proxy.type === 'FREMTIDSFULDMAGT'),
    ),
  };
}

/**
 * Asks Digital Fuldmagt, on every request (through a cache of a few seconds), what the holder may
 * read for the citizen now. Every proxy of the holder's that is in force counts: not revoked,
 * within its period, a future power of attorney only once put in force, and when bound to a case,
 * only while that case is open (the proxy ends when the case closes).
 */
export class ProxyGrants {
  private readonly recent: RecentLookUps<Grant | null>;
  private readonly now: () => Date;

  constructor(private readonly options: ProxyGrantsOptions) {
    this.recent = new RecentLookUps(options.ttlMs);
    this.now = options.now ?? (() => new Date());
  }

  grantFor(holder: Holder, subjectCpr: string, deadline: number): Promise<Grant | null> {
    return this.recent.get(`${holder.type}:${holderId(holder)}>${subjectCpr}`, () => this.lookUp(holder, subjectCpr, deadline));
  }

  private async lookUp(holder: Holder, subjectCpr: string, deadline: number): Promise<Grant | null> {
    const today = danishDate(this.now());
    const proxies = await this.options.registers.proxiesOf(subjectCpr, deadline);
    const inForce = proxies.filter(
      (proxy) =>
        proxy.fuldmagtsgiver.cpr === subjectCpr &&
        proxy.fuldmagtshaver.type === holder.type &&
        proxy.fuldmagtshaver.id === holderId(holder) &&
        inForceOn(proxy, today),
    );
    const caseIds = boundCaseIds(inForce);
    const cases = await this.options.registers.cases(caseIds, deadline);
    const valid = withOpenCases(inForce, cases);
    return valid.length > 0 ? merge(valid) : null;
  }
}
