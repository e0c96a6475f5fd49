/**
 * What a data export holds, area by area: the fields read through the graph (as dotted paths,
 * which are also the CSV columns), the list's freshness and withheld fields, and where each item
 * comes from (source system) and who answers for it (data owner).
 */

export interface Authority {
  code: string;
  name: string;
}

export interface SourceSystem {
  code: string;
  name: string;
}

export interface ExportArea {
  /** The name in the export (and its CSV file): the Citizen list field. */
  name: 'cases' | 'benefits' | 'payments' | 'appointments' | 'deadlines' | 'proxies';
  /** The subgraph area whose freshness, withheld notices and disclosures it shares. */
  area: 'cases' | 'benefits' | 'payments' | 'appointments' | 'proxies';
  fields: string[];
  /** The index the area is read from; null where each item names its own (appointments, deadlines). */
  source: SourceSystem | null;
  /** Who is responsible for the item's data. */
  owner(item: Record<string, unknown>): Authority;
  withheld: boolean;
}

const contact = ['contact.office', 'contact.phone', 'contact.email', 'contact.openingHours'];
const authority = (field: string) => [`${field}.code`, `${field}.name`];
const authorityOf = (field: string) => (item: Record<string, unknown>) => item[field] as Authority;
/** Digital Fuldmagt is run by the Agency for Digital Government on behalf of all authorities. */
const digitalFuldmagtOwner: Authority = { code: 'DIGST', name: 'Digitaliseringsstyrelsen' };

const calendarItem = [
  'id',
  'title',
  'sourceSystem',
  'provenance.system',
  'provenance.sourceId',
  ...authority('responsibleAuthority'),
  ...contact,
  'contactIsGeneral',
  'contactNote',
  'case.id',
];

export const exportAreas: ExportArea[] = [
  {
    name: 'cases',
    area: 'cases',
    source: { code: 'SF1470', name: 'Sags- og Dokumentindeks' },
    fields: ['id', 'title', 'kle.code', 'kle.name', 'progress', 'progressText', 'openedOn', 'closedOn', ...authority('responsibleAuthority'), ...contact, 'documents.id', 'documents.title', 'documents.date'],
    owner: authorityOf('responsibleAuthority'),
    withheld: true,
  },
  {
    name: 'benefits',
    area: 'benefits',
    source: { code: 'SF1490', name: 'Ydelsesindeks' },
    fields: ['id', 'name', 'kle.code', 'kle.name', 'period.from', 'period.to', 'amount.amount', 'amount.currency', 'frequency', 'status', 'statusText', 'paidBy', ...authority('responsibleAuthority'), 'case.id'],
    owner: authorityOf('responsibleAuthority'),
    withheld: true,
  },
  {
    name: 'payments',
    area: 'payments',
    source: { code: 'BETALINGER', name: 'Betalinger (kommunernes økonomisystemer)' },
    fields: ['id', 'kind', 'amount.amount', 'amount.currency', 'paymentDate', 'paymentDateMissingReason', 'paymentDateGap', ...authority('payingAuthority'), 'benefit.id'],
    owner: authorityOf('payingAuthority'),
    withheld: true,
  },
  {
    name: 'appointments',
    area: 'appointments',
    source: null,
    fields: [...calendarItem, 'startsAt', 'endsAt', 'location.name', 'location.address', 'changeLink.url', 'changeLink.isFallback', 'cancelLink.url', 'cancelLink.isFallback'],
    owner: authorityOf('responsibleAuthority'),
    withheld: true,
  },
  {
    name: 'deadlines',
    area: 'appointments',
    source: null,
    fields: [...calendarItem, 'dueAt', 'consequence', 'actLink.url', 'actLink.isFallback'],
    owner: authorityOf('responsibleAuthority'),
    // The appointments' notices cover deadlines too.
    withheld: false,
  },
  {
    name: 'proxies',
    area: 'proxies',
    source: { code: 'DIGITAL_FULDMAGT', name: 'Digital Fuldmagt' },
    fields: ['id', 'holder.name', 'holder.kind', 'cards', 'kind', 'validFrom', 'validTo', 'boundCase.id', 'revokedAt', 'acceptedAt', 'status', 'statusText', 'endReason', 'endReasonText'],
    owner: () => digitalFuldmagtOwner,
    withheld: true,
  },
];

/** `['a', 'b.c', 'b.d']` as the selection `a b { c d }`. */
export function selectionOf(paths: string[]): string {
  const tree = new Map<string, string[]>();
  for (const path of paths) {
    const [head, ...rest] = path.split('.');
    const children = tree.get(head) ?? [];
    if (rest.length > 0) children.push(rest.join('.'));
    tree.set(head, children);
  }
  return [...tree].map(([field, children]) => (children.length > 0 ? `${field} { ${selectionOf(children)} }` : field)).join(' ');
}

/** Rows per page: the lists' own maximum (`first` at most 500). */
export const pageSize = 500;

/**
 * One page of one area, read through the graph as the citizen; every page has the same operation
 * name (an item's history reads the same pages under its own, gateway/item-history.ts).
 */
export function pageQuery(area: ExportArea, operationName = 'DataExport'): string {
  const freshness = `${area.area}Freshness { asOf stale sources { system asOf stale failed } }`;
  const withheld = area.withheld ? ` ${area.area}Withheld { reason count message minimumAge }` : '';
  return `query ${operationName}($after: ID) { me { id ${area.name}(first: ${pageSize}, after: $after) { ${selectionOf(area.fields)} } ${freshness}${withheld} } }`;
}

/** An area's freshness as the graph reports it. */
export interface Freshness {
  asOf: string;
  stale: boolean;
  sources: { system: string; asOf: string | null; stale: boolean; failed: boolean }[] | null;
}

/** One item with where it came from, who answers for it and when it was read. */
export function withProvenance(area: ExportArea, item: Record<string, unknown>, freshness: Freshness) {
  const system = area.source?.code ?? String(item.sourceSystem);
  // An appointment's own source system's read time, where the area reports one per system.
  const source = freshness.sources?.find((each) => each.system === system);
  const owner: Authority = area.owner(item);
  return {
    area: area.name,
    id: String(item.id),
    sourceSystem: system,
    sourceSystemName: area.source?.name ?? system,
    dataOwner: { code: owner.code, name: owner.name },
    retrievedAt: source?.asOf ?? freshness.asOf,
    stale: source?.stale ?? freshness.stale,
    record: item,
  };
}

/** The value at a dotted path; through a list, every element's (so `documents.id` is all the documents' ids). */
export function valuesAt(item: unknown, path: string): unknown[] {
  let values: unknown[] = [item];
  for (const key of path.split('.')) {
    values = values.flatMap((value) => {
      if (value === null || value === undefined) return [];
      const next = (value as Record<string, unknown>)[key];
      return Array.isArray(next) ? next : [next];
    });
  }
  return values.filter((value) => value !== null && value !== undefined);
}
