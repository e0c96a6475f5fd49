import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { z } from 'zod';

/**
 * The breaking-change check (`npm run schema:check`, in CI): the published API schema
 * (`schema/api.graphql`) against the last released one (`schema/released/api.graphql`). A breaking
 * change fails the check unless `schema/released/deliberate-changes.json` lists it with a reason
 * and the day its element was deprecated, at least the notice period ago; a removed field, argument,
 * input field or enum value must also be deprecated in the released schema. The platform's promise
 * (README): deprecate first, remove no earlier than six months later.
 */
/** The published API schema, written by `npm run compose`. */
export const apiSchemaPath = 'schema/api.graphql';
export const releasedSchemaPath = 'schema/released/api.graphql';
export const deliberateChangesPath = 'schema/released/deliberate-changes.json';
/** Six months' notice, counted in days. */
export const noticeDays = 182;

const deliberateChange = z.object({
  /** The changed element as graphql-inspector names it: `Type.field`, `Type.field.argument`, `Enum.VALUE`, `Type`. */
  path: z.string().min(1),
  /** graphql-inspector's change type (e.g. `FIELD_REMOVED`); unset: any breaking change at the path. */
  type: z.string().optional(),
  reason: z.string().min(1),
  /** The day the element was deprecated (the release that deprecated it), YYYY-MM-DD. */
  deprecatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
});
export type DeliberateChange = z.infer<typeof deliberateChange>;
export const deliberateChanges = z.object({ changes: z.array(deliberateChange) });

export interface SchemaCheck {
  /** Breaking changes accepted because they are listed, deprecated long enough. */
  accepted: { change: Change; entry: DeliberateChange }[];
  /** Breaking changes that fail the check, each with why. */
  refused: { change: Change; why: string }[];
  /** Changes that may break some clients (e.g. a new enum value), reported, not failing. */
  dangerous: Change[];
  safe: Change[];
  /** Listed changes that did not happen (stale entries), reported, not failing. */
  unused: DeliberateChange[];
}

/** Kinds of change whose element can carry @deprecated in the released schema, and must have. */
const removals = new Set<string>(['FIELD_REMOVED', 'FIELD_ARGUMENT_REMOVED', 'INPUT_FIELD_REMOVED', 'ENUM_VALUE_REMOVED']);

/** Whether the element at a graphql-inspector path is deprecated in a schema. */
export function deprecatedIn(schema: GraphQLSchema, path: string): boolean {
  const [typeName, member, argument] = path.split('.');
  const type = schema.getType(typeName);
  if (!type || member === undefined) return false;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason != null;
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    const field = type.getFields()[member];
    if (!field) return false;
    if (argument === undefined) return field.deprecationReason != null;
    if (!('args' in field)) return false;
    return field.args.find((each) => each.name === argument)?.deprecationReason != null;
  }
  return false;
}

const dayMs = 24 * 60 * 60 * 1000;

export async function checkSchema(releasedSdl: string, currentSdl: string, listed: DeliberateChange[], today = new Date()): Promise<SchemaCheck> {
  const released = buildSchema(releasedSdl);
  const changes = await diff(released, buildSchema(currentSdl));
  const result: SchemaCheck = { accepted: [], refused: [], dangerous: [], safe: [], unused: [] };
  const used = new Set<DeliberateChange>();
  for (const change of changes) {
    if (change.criticality.level === CriticalityLevel.Dangerous) result.dangerous.push(change);
    if (change.criticality.level === CriticalityLevel.NonBreaking) result.safe.push(change);
    if (change.criticality.level !== CriticalityLevel.Breaking) continue;
    const entry = listed.find((each) => each.path === change.path && (each.type === undefined || each.type === change.type));
    if (!entry) {
      result.refused.push({ change, why: `not listed in ${deliberateChangesPath}` });
      continue;
    }
    used.add(entry);
    const deprecatedOn = Date.parse(`${entry.deprecatedOn}T00:00:00Z`);
    const removableFrom = new Date(deprecatedOn + noticeDays * dayMs);
    if (Number.isNaN(deprecatedOn)) {
      result.refused.push({ change, why: `deprecatedOn ${entry.deprecatedOn} is not a date` });
    } else if (removableFrom.getTime() > today.getTime()) {
      result.refused.push({ change, why: `deprecated on ${entry.deprecatedOn}: the notice runs until ${removableFrom.toISOString().slice(0, 10)} (${noticeDays} days)` });
    } else if (removals.has(change.type) && !deprecatedIn(released, change.path ?? '')) {
      result.refused.push({ change, why: 'removed without being deprecated in the released schema first' });
    } else {
      result.accepted.push({ change, entry });
    }
  }
  result.unused = listed.filter((entry) => !used.has(entry));
  return result;
}
