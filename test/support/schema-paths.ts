import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Query documents generated from the public schema, so that a field added to the schema is asked
 * for (and has to be judged) without anyone listing it. The public schema is the API schema of the
 * committed supergraph: what clients of the gateway can select, without the join__ machinery.
 */
export function publicSchema(supergraphPath = join(__dirname, '../../schema/supergraph.graphql')): GraphQLSchema {
  return Supergraph.build(readFileSync(supergraphPath, 'utf8')).apiSchema().toGraphQLJSSchema();
}

/** One selected field, with what a checker needs to read its value back from the response. */
export interface Selected {
  /** The key the value has in the response: the alias when there is one. */
  key: string;
  /** The field's name in the schema. */
  field: string;
  /** The type the field is on. */
  parent: string;
  /** The field's named type (element type for lists). */
  type: string;
  list: boolean;
  nonNull: boolean;
  /** The `first` the field is asked with (its default: the generator passes no value), when it takes one. */
  first: number | null;
  /** Selected sub-fields of an object type; null for scalars and enums. */
  children: Selected[] | null;
}

export type Variant = 'plain' | 'fragments';

export interface GeneratedQuery {
  root: Selected;
  document: string;
  /** Variables the document declares. */
  variables: string[];
}

export interface WalkOptions {
  /**
   * Object levels, the root field's object counting as the first: an object field one level deeper
   * than this is left out (scalars and enums are always selected).
   */
  depth: number;
  /**
   * `plain`: every field selected directly. `fragments`: every list field is selected through an
   * alias, inside an inline fragment inside a named fragment, so expectations must hold however a
   * client spells its query.
   */
  variant: Variant;
  /** Arguments the generator can fill, by name, with the variable's type (e.g. `cpr: String!`). */
  fillable?: Record<string, string>;
}

/** `area` and `id`: the record `Citizen.itemHistory` is asked about (the oracle's `historyItem`). */
const defaultFillable: Record<string, string> = { cpr: 'String!', purpose: 'String!', area: 'ItemArea!', id: 'ID!' };

/** The alias a list gets in the `fragments` variant. */
export const aliasOf = (field: string) => `a_${field}`;

interface Filled {
  text: string;
  variables: [string, string][];
}

/**
 * Arguments: required ones from the fillable variables (or the field cannot be selected), optional
 * ones left to their defaults.
 */
function fillArguments(args: readonly GraphQLArgument[], fillable: Record<string, string>): Filled | null {
  const given: string[] = [];
  const variables: [string, string][] = [];
  for (const arg of args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    const variableType = fillable[arg.name];
    if (variableType !== undefined && String(arg.type) === variableType) {
      given.push(`${arg.name}: $${arg.name}`);
      variables.push([arg.name, variableType]);
    } else if (required) {
      return null;
    }
  }
  return { text: given.length > 0 ? `(${given.join(', ')})` : '', variables };
}

function firstOf(field: GraphQLField<unknown, unknown>): number | null {
  const first = field.args.find((arg) => arg.name === 'first');
  return first && typeof first.defaultValue === 'number' ? first.defaultValue : null;
}

class Generator {
  private readonly fragments = new Map<string, string>();
  private readonly variables = new Map<string, string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: Required<WalkOptions>,
  ) {}

  generate(rootName: string): GeneratedQuery | null {
    const query = this.schema.getQueryType();
    const field = query?.getFields()[rootName];
    if (!query || !field) throw new Error(`Query.${rootName} is not in the public schema`);
    const root = this.select(query, field, 1, false);
    if (!root) return null;
    const variables = [...this.variables];
    const header = variables.length > 0 ? `(${variables.map(([name, type]) => `$${name}: ${type}`).join(', ')})` : '';
    const operation = `query Matrix_${rootName}${header} {\n${root.text}\n}`;
    const document = [operation, ...this.fragments.values()].join('\n\n');
    return { root: root.selected, document, variables: variables.map(([name]) => name) };
  }

  /** One field: null when it cannot be selected (unfillable arguments, or an object with nothing left to select). */
  private select(
    parent: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
    level: number,
    aliased: boolean,
  ): { text: string; selected: Selected } | null {
    const args = fillArguments(field.args, this.options.fillable);
    if (!args) return null;
    const named = getNamedType(field.type);
    const list = isListType(getNullableType(field.type));
    const key = aliased ? aliasOf(field.name) : field.name;
    const head = `${aliased ? `${key}: ` : ''}${field.name}${args.text}`;
    const base = { key, field: field.name, parent: parent.name, type: named.name, list, nonNull: isNonNullType(field.type), first: firstOf(field) };
    let children: Selected[] | null = null;
    let text = head;
    if (isObjectType(named)) {
      if (level > this.options.depth) return null;
      const body = this.selectionSet(named, level);
      if (!body) return null;
      children = body.selected;
      text = `${head} ${body.text}`;
    } else if (!isLeafType(named)) {
      throw new Error(`${parent.name}.${field.name}: abstract types (${named.name}) are not walked yet; teach schema-paths.ts`);
    }
    for (const [name, type] of args.variables) this.variables.set(name, type);
    return { text, selected: { ...base, children } };
  }

  private selectionSet(type: GraphQLObjectType, level: number): { text: string; selected: Selected[] } | null {
    const direct: { text: string; selected: Selected }[] = [];
    const lists: { text: string; selected: Selected }[] = [];
    for (const field of Object.values(type.getFields())) {
      const isList = isListType(getNullableType(field.type));
      const throughFragments = this.options.variant === 'fragments' && isList;
      const chosen = this.select(type, field, level + 1, throughFragments);
      if (chosen) (throughFragments ? lists : direct).push(chosen);
    }
    if (direct.length + lists.length === 0) return null;
    const parts = direct.map((each) => each.text);
    if (lists.length > 0) {
      const name = `${type.name}Lists_${level}`;
      this.fragments.set(name, `fragment ${name} on ${type.name} {\n  ... on ${type.name} {\n${indent(lists.map((each) => each.text).join('\n'), 2)}\n  }\n}`);
      parts.push(`...${name}`);
    }
    return { text: `{\n${indent(parts.join('\n'), 1)}\n}`, selected: [...direct, ...lists].map((each) => each.selected) };
  }
}

const indent = (text: string, depth: number) =>
  text
    .split('\n')
    .map((line) => `${'  '.repeat(depth)}${line}`)
    .join('\n');

/**
 * One document selecting everything reachable from a root field of Query, to a bounded depth.
 * Returns null when the root field's required arguments cannot be filled.
 */
export function queryFor(schema: GraphQLSchema, rootField: string, options: WalkOptions): GeneratedQuery | null {
  const generated = new Generator(schema, { fillable: defaultFillable, ...options }).generate(rootField);
  if (generated) {
    const errors = validate(schema, parse(generated.document));
    if (errors.length > 0) throw new Error(`generated an invalid document for ${rootField}: ${errors.map((error) => error.message).join('; ')}`);
  }
  return generated;
}

/** The root fields of Query, in schema order. */
export function rootFields(schema: GraphQLSchema): string[] {
  return Object.keys(schema.getQueryType()?.getFields() ?? {});
}

/** Every (type, field) pair a generated document selects, to show the walk reaches the whole schema. */
export function selectedPairs(root: Selected): Set<string> {
  const pairs = new Set<string>();
  const visit = (node: Selected) => {
    pairs.add(`${node.parent}.${node.field}`);
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return pairs;
}

/** Every (type, field) pair of an output object type reachable from Query, for coverage checks. */
export function reachablePairs(schema: GraphQLSchema): Set<string> {
  const pairs = new Set<string>();
  const seen = new Set<string>();
  const visit = (type: GraphQLObjectType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      pairs.add(`${type.name}.${field.name}`);
      const named = getNamedType(field.type);
      if (isObjectType(named)) visit(named);
    }
  };
  const query = schema.getQueryType();
  if (query) visit(query);
  return pairs;
}

