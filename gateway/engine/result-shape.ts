import { ERRORS } from '@apollo/federation-internals';
import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
  valueFromASTUntyped,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { isRecord } from '../../lib/record';
import { conditionHolds, type Row } from './plan-data';

/**
 * The client's answer from the data the plan fetched, by the operation's selections read once:
 * only what the client asked for, in its order, under its aliases; `__typename` from the data or
 * the type; a null where a non-null field should be bubbles up to the nearest nullable parent with
 * an error; a value that is not of its field's type becomes null with an error. The same rules as
 * Apollo's result shaping, without re-reading the operation on every request.
 */
type Variables = Record<string, unknown>;
type Skip = (variables: Variables) => boolean;

interface FieldShape {
  kind: 'field';
  responseName: string;
  typename: boolean;
  type: GraphQLOutputType;
  selections?: Shape[];
  /** For a scalar or enum field: whether a value fits its type. */
  fits?: (value: unknown) => boolean;
  skip?: Skip;
}

interface FragmentShape {
  kind: 'fragment';
  on?: GraphQLCompositeType;
  selections: Shape[];
  skip?: Skip;
}

type Shape = FieldShape | FragmentShape;

/** Thrown while compiling an operation this module does not shape (introspection): Apollo's executor answers it. */
export class NotShaped extends Error {}

function ifArgument(directive: DirectiveNode | undefined): Skip | undefined {
  const value = directive?.arguments?.find((argument) => argument.name.value === 'if')?.value;
  if (!value) return undefined;
  if (value.kind === Kind.VARIABLE) return (variables) => variables[value.name.value] === true;
  const constant = value.kind === Kind.BOOLEAN && value.value;
  return () => constant;
}

/** @skip and @include, judged on the request's variables. */
function skipOf(directives: readonly DirectiveNode[] | undefined): Skip | undefined {
  const skip = ifArgument(directives?.find((directive) => directive.name.value === 'skip'));
  const include = ifArgument(directives?.find((directive) => directive.name.value === 'include'));
  if (!skip && !include) return undefined;
  return (variables) => (skip?.(variables) ?? false) || (include ? !include(variables) : false);
}

function compileSelections(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): Shape[] {
  return selectionSet.selections.map((selection): Shape => {
    const skip = skipOf(selection.directives);
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const responseName = selection.alias?.value ?? name;
      if (name === '__typename') return { kind: 'field', responseName, typename: true, type: parent as GraphQLOutputType, skip };
      // Introspection (`__schema`, `__type`) is Apollo's executor's to answer.
      const definition = 'getFields' in parent && !name.startsWith('__') ? parent.getFields()[name] : undefined;
      if (!definition) throw new NotShaped(name);
      const named = getNamedType(definition.type);
      if (!isCompositeType(named)) return { kind: 'field', responseName, typename: false, type: definition.type, fits: fitsLeafType(named), skip };
      const selections = selection.selectionSet ? compileSelections(schema, named, selection.selectionSet, fragments) : undefined;
      return { kind: 'field', responseName, typename: false, type: definition.type, selections, skip };
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
    if (!fragment) throw new NotShaped(selection.kind);
    const on = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : undefined;
    if (on !== undefined && !isCompositeType(on)) throw new NotShaped(String(on));
    return { kind: 'fragment', on, selections: compileSelections(schema, on ?? parent, fragment.selectionSet, fragments), skip };
  });
}

const integer = /^[+-]?\d+$/;

/** Whether a value fits a scalar or enum type (a custom scalar takes anything). */
function fitsLeafType(type: GraphQLNamedType): (value: unknown) => boolean {
  if (isEnumType(type)) return (value) => typeof value === 'string' && type.getValue(value) !== undefined;
  if (!isSpecifiedScalarType(type)) return () => true;
  const { name } = type;
  return (value) => {
    if (typeof value === 'boolean') return name === 'Boolean';
    if (typeof value === 'number' && Number.isFinite(value)) return name === 'Int' || name === 'ID' ? integer.test(String(value)) : name === 'Float';
    if (typeof value === 'string') return name === 'String' || name === 'ID';
    return false;
  };
}

interface Shaping {
  schema: GraphQLSchema;
  variables: Variables;
  errors: GraphQLError[];
  path: (string | number)[];
  /**
   * What the last `updateValue` found beside the value it returned, read by its caller at once: an
   * object per value (hundreds per overview) was the engine's largest allocation.
   * `invalid`: a null where the type allows none, so the parent must be null too.
   * `hasErrors`: an error is already recorded for this value, so bubbling adds no second one.
   */
  invalid: boolean;
  hasErrors: boolean;
}

/** Sets what the caller reads beside the value, and returns the value. */
function settle(shaping: Shaping, updated: unknown, invalid: boolean, hasErrors: boolean): unknown {
  shaping.invalid = invalid;
  shaping.hasErrors = hasErrors;
  return updated;
}

/**
 * The client's answer is built of plain objects (dictionary-mode ones, from `Object.create(null)`,
 * are slower to fill and to serialise); a response name `__proto__` (an alias may be one) is
 * defined as an own property, so it never sets a prototype.
 */
function put(output: Row, responseName: string, value: unknown): void {
  if (responseName === '__proto__') Object.defineProperty(output, responseName, { value, enumerable: true, writable: true, configurable: true });
  else output[responseName] = value;
}

const BUBBLE = Symbol('null bubbles up');

function describe(path: (string | number)[], type: GraphQLOutputType, parent: GraphQLCompositeType): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? `field ${parent.name}.${last}` : `array element of type ${String(type)} at index ${last}`;
}

function typeApplies(schema: GraphQLSchema, on: GraphQLCompositeType | undefined, typename: unknown, parent: GraphQLCompositeType): boolean {
  if (!on) return true;
  return conditionHolds(schema, on, typeof typename === 'string' && typename ? schema.getType(typename) : parent);
}

function applySelections(input: Row, shapes: Shape[], output: Row, shaping: Shaping, parent: GraphQLCompositeType): typeof BUBBLE | undefined {
  for (const shape of shapes) {
    if (shape.skip?.(shaping.variables)) continue;
    if (shape.kind === 'fragment') {
      const typename = input.__typename;
      if (typename !== undefined && typeof typename !== 'string') throw new Error('Got a __typename that is not a string');
      if (typeApplies(shaping.schema, shape.on, typename, parent)) {
        if (applySelections(input, shape.selections, output, shaping, shape.on ?? parent) === BUBBLE) return BUBBLE;
      }
      continue;
    }
    const { responseName } = shape;
    const existing = Object.hasOwn(output, responseName) ? output[responseName] : undefined;
    let value = Object.hasOwn(input, responseName) ? (input[responseName] ?? null) : null;
    if (shape.typename) {
      if (existing !== undefined) continue;
      if (value === null && responseName !== '__typename') value = input.__typename ?? null;
      const type = (typeof value === 'string' ? shaping.schema.getType(value) : undefined) ?? parent;
      if (!isObjectType(type)) return BUBBLE;
      put(output, responseName, type.name);
      continue;
    }
    shaping.path.push(responseName);
    put(output, responseName, updateValue(existing, shape.type, value, shape, shaping, parent));
    shaping.path.pop();
    if (shaping.invalid) return BUBBLE;
  }
  return undefined;
}

/** The value for the client, with `shaping.invalid` and `shaping.hasErrors` set for the caller. */
function updateValue(existing: unknown, type: GraphQLOutputType, input: unknown, field: FieldShape, shaping: Shaping, parent: GraphQLCompositeType): unknown {
  const { selections } = field;
  if (existing === null || (existing !== undefined && !selections)) return settle(shaping, existing, false, false);
  if (isNonNullType(type)) {
    const inner = updateValue(existing, type.ofType, input, field, shaping, parent);
    if (inner !== null) return settle(shaping, inner, false, false);
    if (!shaping.hasErrors) {
      shaping.errors.push(ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describe(shaping.path, type.ofType, parent)}.`, { path: [...shaping.path] }));
    }
    return settle(shaping, null, true, true);
  }
  if (input === null) return settle(shaping, null, false, false);
  if (isListType(type)) {
    if (!Array.isArray(input) || (existing !== undefined && (!Array.isArray(existing) || existing.length !== input.length))) {
      throw new Error(`Invalid non-list value returned by subgraph for list type ${String(type)}`);
    }
    const previous = existing as unknown[] | undefined;
    let nullify = false;
    let hasErrors = false;
    const updated: unknown[] = new Array(input.length);
    for (let index = 0; index < input.length; index += 1) {
      shaping.path.push(index);
      updated[index] = updateValue(previous?.[index], type.ofType, (input[index] as unknown) ?? null, field, shaping, parent);
      shaping.path.pop();
      nullify ||= shaping.invalid;
      hasErrors ||= shaping.hasErrors;
    }
    return settle(shaping, nullify ? null : updated, false, hasErrors);
  }
  if (isCompositeType(type)) {
    if (!selections || !isRecord(input) || (existing !== undefined && !isRecord(existing))) {
      throw new Error(`Invalid non-object value returned by subgraph for composite type ${type.name}`);
    }
    const typename = input.__typename;
    if (typename !== undefined && typeof typename !== 'string') throw new Error(`Invalid non-string value for __typename at ${shaping.path.join('.')}`);
    let runtime: GraphQLCompositeType = type;
    if (typename) {
      const named = shaping.schema.getType(typename);
      if (!named || !isCompositeType(named)) {
        // Not the subgraph's type name in the message: it may be one the API schema hides.
        shaping.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describe(shaping.path, type, parent)}.`, { path: [...shaping.path] }));
        return settle(shaping, null, false, true);
      }
      runtime = named;
    }
    const output: Row = (existing as Row | undefined) ?? {};
    const bubbled = applySelections(input, selections, output, shaping, runtime) === BUBBLE;
    return settle(shaping, bubbled ? null : output, false, bubbled);
  }
  const fits = field.fits?.(input) ?? false;
  if (!fits) shaping.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describe(shaping.path, type, parent)}.`, { path: [...shaping.path] }));
  return settle(shaping, fits ? input : null, false, !fits);
}

export interface ResultShape {
  /** The client's data from what the plan fetched, and the errors found shaping it. */
  (fetched: Row, variables: Variables | undefined): { data: Row | null; errors: GraphQLError[] };
}

/** Reads the operation once; throws NotShaped for one this module leaves to Apollo's executor. */
export function compileResultShape(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): ResultShape {
  const root = schema.getRootType(operation.operation);
  if (!root) throw new NotShaped(operation.operation);
  const shapes = compileSelections(schema, root, operation.selectionSet, fragments);
  const defaults: Variables = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  return (fetched, variables) => {
    const shaping: Shaping = { schema, variables: { ...defaults, ...variables }, errors: [], path: [], invalid: false, hasErrors: false };
    const data: Row = {};
    const bubbled = applySelections(fetched, shapes, data, shaping, root) === BUBBLE;
    return { data: bubbled ? null : data, errors: shaping.errors };
  };
}
