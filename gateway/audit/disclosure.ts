import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** What one response disclosed, read from the data actually returned, not from the query. */
export interface Disclosure {
  areas: string[];
  entityIds: string[];
}

const areas = new Set(['cases', 'benefits', 'payments', 'appointments', 'proxies']);
/** Root fields that disclose a citizen's data, and the area each counts as. */
const rootAreas: Record<string, string | null> = { me: null, citizenContext: 'citizenContext', sharedAppointments: 'appointments', revokeProxy: 'proxies' };

/** Response keys to field names, through aliases and fragments, so an alias cannot hide a read. */
function fieldsOf(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): Map<string, { name: string; selectionSet?: SelectionSetNode }> {
  const fields = new Map<string, { name: string; selectionSet?: SelectionSetNode }>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      fields.set(selection.alias?.value ?? selection.name.value, { name: selection.name.value, selectionSet: selection.selectionSet });
    } else {
      const nested = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value)?.selectionSet;
      if (nested) for (const [key, field] of fieldsOf(nested, fragments)) fields.set(key, field);
    }
  }
  return fields;
}

/** Every `id` under a value: the entities it showed. */
function idsIn(value: unknown, into: Set<string>, area: string): void {
  if (Array.isArray(value)) {
    for (const item of value) idsIn(item, into, area);
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'id' && typeof inner === 'string') into.add(`${area}:${inner}`);
      else idsIn(inner, into, area);
    }
  }
}

const shown = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

export function readDisclosure(
  operation: OperationDefinitionNode,
  fragments: FragmentDefinitionNode[],
  data: Record<string, unknown> | null | undefined,
): Disclosure {
  const disclosedAreas = new Set<string>();
  const entityIds = new Set<string>();
  if (!data) return { areas: [], entityIds: [] };
  const byName = new Map(fragments.map((fragment) => [fragment.name.value, fragment]));
  for (const [key, field] of fieldsOf(operation.selectionSet, byName)) {
    if (!(field.name in rootAreas) || !shown(data[key])) continue;
    const area = rootAreas[field.name];
    if (area) {
      disclosedAreas.add(area);
      idsIn(data[key], entityIds, area);
      continue;
    }
    // `me`: each area field under it, by its real name.
    const citizen = data[key] as Record<string, unknown>;
    for (const [innerKey, inner] of field.selectionSet ? fieldsOf(field.selectionSet, byName) : []) {
      if (!areas.has(inner.name) || !shown(citizen[innerKey])) continue;
      disclosedAreas.add(inner.name);
      idsIn(citizen[innerKey], entityIds, inner.name);
    }
  }
  return { areas: [...disclosedAreas], entityIds: [...entityIds] };
}
