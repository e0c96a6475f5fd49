import type { QueryPlanSelectionNode, ResponsePath } from '@apollo/query-planner';
import { isAbstractType, isInterfaceType, isObjectType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { isRecord } from '../../lib/record';

/** The data a plan's fetches gather, read and merged by the steps of plan-execution.ts and speculation.ts. */
export type Row = Record<string, unknown>;

/** Copies `source` into `target`, objects field by field and lists of the same length element by element. */
export function deepMerge(target: Row, source: unknown): void {
  if (!isRecord(source)) return;
  for (const key of Object.keys(source)) {
    const value = source[key];
    // A lying subgraph's "__proto__" must not become the prototype of the client's data.
    if (value === undefined || key === '__proto__') continue;
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isRecord(existing) && isRecord(value)) deepMerge(existing, value);
    else if (Array.isArray(existing) && Array.isArray(value) && existing.length === value.length) {
      value.forEach((element, index) => {
        if (isRecord(existing[index]) && isRecord(element)) deepMerge(existing[index] as Row, element);
        else existing[index] = element;
      });
    } else target[key] = value;
  }
}

/** Whether a fragment's type condition takes in an object of `type`: the same type, or one of an interface's or union's. */
export function conditionHolds(schema: GraphQLSchema, condition: GraphQLNamedType | undefined, type: GraphQLNamedType | undefined): boolean {
  if (!condition || !type) return false;
  return condition === type || (isAbstractType(condition) && (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type));
}

/** Whether an object fetched before is of the type an inline fragment of `requires` names. */
function isOfType(schema: GraphQLSchema, row: Row, typeName: string): boolean {
  const typename = row.__typename;
  if (typeof typename !== 'string') return false;
  return typename === typeName || conditionHolds(schema, schema.getType(typeName), schema.getType(typename));
}

/**
 * The representation of an entity for a fetch's `requires` (its key fields and `__typename`), or
 * null when a field is missing: it failed to come, and the entity is left out of the fetch.
 */
export function representation(schema: GraphQLSchema, source: unknown, selections: readonly QueryPlanSelectionNode[]): Row | null {
  if (!isRecord(source)) return null;
  // A plain object: its keys are the plan's (schema field names, never `__proto__`), and it is serialised at once.
  const result: Row = {};
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const key = selection.alias ?? selection.name;
      const value = Object.hasOwn(source, key) ? source[key] : undefined;
      if (value === undefined) return null;
      const inner = selection.selections;
      if (!inner) result[key] = value;
      else if (Array.isArray(value)) result[key] = value.map((element: unknown) => representation(schema, element, inner));
      else result[key] = representation(schema, value, inner);
    } else if (selection.typeCondition && isOfType(schema, source, selection.typeCondition)) {
      deepMerge(result, representation(schema, source, selection.selections));
    }
  }
  return result;
}

/** The objects at `path` below the cursor, every list along it flattened. */
export function objectsAt(value: unknown, path: ResponsePath): unknown {
  if (path.length === 0 || value === undefined || value === null) return value;
  const [head, ...rest] = path;
  if (head === '@') return Array.isArray(value) ? value.flatMap((element: unknown) => objectsAt(element, rest)) : undefined;
  return isRecord(value) && typeof head === 'string' && Object.hasOwn(value, head) ? objectsAt(value[head], rest) : undefined;
}

