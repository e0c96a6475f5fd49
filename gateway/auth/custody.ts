import rulesFile from '../../config/access-rules.json';
import { ageFromCpr } from '../../lib/cpr';
import { areaNames, type Scope } from '../../lib/internal-context';
import type { Registers } from '../registers';
import type { Grant, ProxyGrants } from './proxy-grants';
import { RecentLookUps } from './recent-look-ups';
import type { Holder } from './token-verifier';

const custodyAreas = areaNames.filter((area) => (rulesFile.custody.areas as readonly string[]).includes(area));
/** The age at which custody ends. */
export const adulthood = 18;

export interface CustodyOptions {
  /** The CPR register. */
  registers: Pick<Registers, 'persons'>;
  /** As short as a proxy grant's, so a change of custody takes effect within seconds. */
  ttlMs: number;
  now?: () => Date;
}

/**
 * A parent acts for a minor child without a proxy: the CPR register says who has custody. The
 * grant covers the areas config/access-rules.json gives parents, is marked as custody (so the
 * subgraphs keep from the parent what the youth rule already shows an older child), and ends on
 * the child's 18th birthday. A person, never an organisation, holds custody.
 */
export class CustodyGrants {
  private readonly recent: RecentLookUps<Grant | null>;
  private readonly now: () => Date;

  constructor(private readonly options: CustodyOptions) {
    this.recent = new RecentLookUps(options.ttlMs);
    this.now = options.now ?? (() => new Date());
  }

  async grantFor(holder: Holder, childCpr: string, deadline: number): Promise<Grant | null> {
    if (holder.type !== 'PERSON' || ageFromCpr(childCpr, this.now()) >= adulthood) return null;
    return this.recent.get(`${holder.cpr}>${childCpr}`, async () => {
      const [child] = await this.options.registers.persons([childCpr], deadline);
      const scopes: Scope[] = [{ areas: custodyAreas, caseId: null, custody: true }];
      return child?.myndighedsindehavere.includes(holder.cpr) ? { proxyIds: [], scopes, areas: custodyAreas, fullGuardian: false } : null;
    });
  }
}

/** A holder's proxies say what it may read where it has any; otherwise custody of a minor may. */
export function proxyOrCustody(proxies: Pick<ProxyGrants, 'grantFor'>, custody: Pick<CustodyGrants, 'grantFor'>): Pick<ProxyGrants, 'grantFor'> {
  return {
    async grantFor(holder, subjectCpr, deadline) {
      return (await proxies.grantFor(holder, subjectCpr, deadline)) ?? custody.grantFor(holder, subjectCpr, deadline);
    },
  };
}
