import type { SubgraphName } from '../../lib/config';
import type { Disclosures } from '../../lib/disclosures';
import type { Language } from '../../lib/i18n/language';
import type { InternalContext } from '../../lib/internal-context';
import type { WirePerson } from '../../lib/person.contract';
import type { Logger } from '../../lib/logger';
import type { Upstream } from '../../lib/upstream';
import type { Access, View } from './access';

/** For whom an index record becomes a graph object: the citizen it is shown for, in the reader's language. */
export interface Reader {
  subjectId: string;
  language: Language;
}

/** The per-request context every subgraph resolver receives. */
export interface SubgraphContext {
  caller: InternalContext;
  logger: Logger;
  /** The pseudonymous id of the citizen the caller acts for, or null. */
  subjectId: string | null;
  /** Who reads what the mappers make: the subject, in the language the client asked for. */
  reader: Reader;
  /** Today, for rules that depend on the date (age); injectable for tests. */
  today: Date;
  /** What the caller may see of the citizen it acts for, through one view; FORBIDDEN when it acts for none. */
  access(view: View): Access;
  /** The subgraph's own index, for look-ups outside a citizen's records (reads go through `access`). */
  upstream: Upstream;
  /** The same index for changes, behind a breaker of its own. */
  changes: Upstream;
  /** Records by id from an index, whoever they belong to: for a holder's list of representations, never for a citizen's data. */
  batch(area: SubgraphName, ids: string[]): Promise<unknown[]>;
  /** Whose records of which area this request returned, reported to the gateway for the audit trail. */
  disclosures: Disclosures;
  /** The pseudonymous citizen id of a CPR number. */
  pseudonym(cpr: string): string;
  /** A person in the CPR register (a holder's principals' names). */
  person(cpr: string): Promise<WirePerson | null>;
  /**
   * Drops a citizen's cached answers of this subgraph's index after a change made through the graph:
   * the subject's, or the one named (a holder's answer changes the principal's proxies).
   */
  forget(cpr?: string): Promise<void>;
}
