import { isRecord } from './record';

/**
 * Whose records of which area a response holds, as the services that resolved them report it:
 * each subgraph lists what it returned for one request in its response's extensions (stripped by
 * the gateway), so the audit trail follows what was resolved, not what the query seemed to ask.
 */
export const disclosuresExtension = 'disclosures';

export interface Disclosure {
  /** The citizen's pseudonymous id. */
  citizen: string;
  /** A data area, or what else was shown of the citizen (`address`). */
  area: string;
  ids: string[];
}

/** One service's report for one request: what it showed, and why where the reader had to say. */
export interface DisclosureReport {
  shown: Disclosure[];
  /** The reason given for reading a citizen's data (verification staff's case reference). */
  purposes: { citizen: string; purpose: string }[];
}

const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isDisclosure = (value: unknown): boolean =>
  isRecord(value) && isName(value.citizen) && isName(value.area) && Array.isArray(value.ids) && value.ids.every((id) => typeof id === 'string');
const isPurpose = (value: unknown): boolean => isRecord(value) && isName(value.citizen) && isName(value.purpose);

/**
 * A subgraph's report as it came in, or null when it is not one (its answer is then unaccounted
 * for). Checked by hand: the gateway reads one per subgraph answer, and a schema library's parse
 * cost more than the rest of the request's context.
 */
export function readDisclosureReport(value: unknown): DisclosureReport | null {
  if (!isRecord(value) || !Array.isArray(value.shown) || !Array.isArray(value.purposes)) return null;
  return value.shown.every(isDisclosure) && value.purposes.every(isPurpose) ? (value as unknown as DisclosureReport) : null;
}

export class Disclosures {
  private readonly byCitizen = new Map<string, Map<string, Set<string>>>();
  private readonly purposes = new Map<string, string>();

  /** The reason given for reading this citizen's data (verification staff's case reference). */
  because(citizen: string, purpose: string): void {
    this.purposes.set(citizen, purpose);
  }

  add(citizen: string, area: string, ids: readonly string[] = []): void {
    const areas = this.byCitizen.get(citizen) ?? new Map<string, Set<string>>();
    const known = areas.get(area) ?? new Set<string>();
    for (const id of ids) known.add(id);
    areas.set(area, known);
    this.byCitizen.set(citizen, areas);
  }

  addReport(report: DisclosureReport): void {
    for (const { citizen, area, ids } of report.shown) this.add(citizen, area, ids);
    for (const { citizen, purpose } of report.purposes) this.because(citizen, purpose);
  }

  report(): DisclosureReport {
    return {
      shown: [...this.byCitizen].flatMap(([citizen, areas]) => [...areas].map(([area, ids]) => ({ citizen, area, ids: [...ids] }))),
      purposes: [...this.purposes].map(([citizen, purpose]) => ({ citizen, purpose })),
    };
  }

  /** Per citizen: the areas shown and the `<area>:<id>` of every record. */
  perCitizen(): { citizen: string; areas: string[]; entityIds: string[]; purpose: string | null }[] {
    return [...this.byCitizen].map(([citizen, areas]) => ({
      citizen,
      purpose: this.purposes.get(citizen) ?? null,
      areas: [...areas.keys()].sort(),
      entityIds: [...areas].flatMap(([area, ids]) => [...ids].map((id) => `${area}:${id}`)).sort(),
    }));
  }
}
