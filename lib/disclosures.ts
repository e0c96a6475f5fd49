import { z } from 'zod';

/**
 * Whose records of which area a response holds, as the services that resolved them report it:
 * each subgraph lists what it returned for one request in its response's extensions (stripped by
 * the gateway), so the audit trail follows what was resolved, not what the query seemed to ask.
 */
export const disclosuresExtension = 'disclosures';

export const disclosureSchema = z.object({
  /** The citizen's pseudonymous id. */
  citizen: z.string().min(1),
  /** A data area, or what else was shown of the citizen (`address`). */
  area: z.string().min(1),
  ids: z.array(z.string()),
});
export type Disclosure = z.infer<typeof disclosureSchema>;
export const disclosureListSchema = z.array(disclosureSchema);

export class Disclosures {
  private readonly byCitizen = new Map<string, Map<string, Set<string>>>();

  add(citizen: string, area: string, ids: readonly string[] = []): void {
    const areas = this.byCitizen.get(citizen) ?? new Map<string, Set<string>>();
    const known = areas.get(area) ?? new Set<string>();
    for (const id of ids) known.add(id);
    areas.set(area, known);
    this.byCitizen.set(citizen, areas);
  }

  addAll(disclosures: readonly Disclosure[]): void {
    for (const { citizen, area, ids } of disclosures) this.add(citizen, area, ids);
  }

  list(): Disclosure[] {
    return [...this.byCitizen].flatMap(([citizen, areas]) => [...areas].map(([area, ids]) => ({ citizen, area, ids: [...ids] })));
  }

  /** Per citizen: the areas shown and the `<area>:<id>` of every record. */
  perCitizen(): { citizen: string; areas: string[]; entityIds: string[] }[] {
    return [...this.byCitizen].map(([citizen, areas]) => ({
      citizen,
      areas: [...areas.keys()].sort(),
      entityIds: [...areas].flatMap(([area, ids]) => [...ids].map((id) => `${area}:${id}`)).sort(),
    }));
  }
}
