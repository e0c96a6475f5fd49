import { ERRORS, errorCodeDef } from '@apollo/federation-internals';
import type { FetchNode, PlanNode, ResponsePath } from '@apollo/query-planner';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { isRecord } from '../../lib/record';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { deepMerge, objectsAt, representation, type Row } from './plan-data';
import { guessable, guessingSequence, type GuessOptions } from './speculation';

/**
 * Runs a query plan made once per operation (gateway/engine/compiled-operations.ts): the fetches
 * in the plan's order, each entity fetch's representations taken from the data fetched before,
 * each answer merged into the data where its entities are, subgraph errors given the path they
 * have in the client's answer. The same steps as Apollo's executor, without its per-request work
 * of re-reading the operation and tracing every node; plans with rewrites, conditions or @defer
 * are not compiled (Apollo's executor runs those).
 */
export type { Row } from './plan-data';

/** Where in the data a step works: the path from the root ('@' for every element of a list), and the object or objects it points to. */
export interface Cursor {
  path: ResponsePath;
  data: Row | Row[];
  root: Row;
}

export interface PlanRun {
  /** The client's variables, as sent. */
  variables: Row | undefined;
  /** Errors of the fetches, in the order they came. */
  errors: GraphQLError[];
  /** One fetch to its subgraph; throws when the subgraph gave no GraphQL answer. */
  send(fetch: FetchNode, variables: Row, path: ResponsePath): Promise<GatewayGraphQLResponse>;
  /** The same, but whose records the answer holds is told to the gateway only once `keep` is called (speculation.ts). */
  sendHeld(fetch: FetchNode, variables: Row, path: ResponsePath): Promise<HeldAnswer>;
  /** The entity a root field (by name) will answer, when the gateway knows it before asking. */
  known(field: string): Row | undefined;
}

export interface HeldAnswer {
  response: GatewayGraphQLResponse;
  keep(): void;
}

export type PlanStep = (run: PlanRun, cursor: Cursor) => Promise<void>;

/** Every concrete path the cursor's path stands for in the data, '@' replaced by each index, in the order the entities were sent. */
function concretePaths(parent: ResponsePath, path: ResponsePath, data: unknown, into: ResponsePath[]): void {
  if (data === null || data === undefined) return;
  const [head, ...rest] = path;
  if (head === undefined) into.push([...parent]);
  else if (Array.isArray(data)) data.forEach((element: unknown, index) => concretePaths([...parent, index], head === '@' ? rest : path, element, into));
  else if (isRecord(data) && typeof head === 'string' && Object.hasOwn(data, head)) concretePaths([...parent, head], rest, data[head], into);
}

/** A subgraph's error as the client sees it: its path in the client's answer and the subgraph named. */
function downstreamError(error: GraphQLFormattedError, serviceName: string, pathOf: (path: GraphQLFormattedError['path']) => ResponsePath | undefined): GraphQLError {
  const message = error.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = { originalError: error as Error, path: pathOf(error.path), extensions: { ...error.extensions, serviceName } };
  const known = errorCodeDef(error);
  if (!known && error.extensions?.code) return new GraphQLError(message, options);
  return (known ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/** `sentAt`: for an entity fetch, the position among the cursor's entities of the one each representation was taken from. */
function errorPaths(fetch: FetchNode, cursor: Cursor, sentAt: readonly number[] | undefined) {
  let entityPaths: ResponsePath[] | undefined;
  return (path: GraphQLFormattedError['path']): ResponsePath | undefined => {
    if (fetch.requires && typeof path?.[1] === 'number') {
      if (!entityPaths) concretePaths([], cursor.path, cursor.root, (entityPaths = []));
      return [...(entityPaths[sentAt?.[path[1]] ?? path[1]] ?? []), ...path.slice(2)];
    }
    return path ? [...cursor.path, ...path] : undefined;
  };
}

function fetchStep(schema: GraphQLSchema, fetch: FetchNode): PlanStep | undefined {
  if (fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length) return undefined;
  const { requires } = fetch;

  const send = async (run: PlanRun, cursor: Cursor, variables: Row, sentAt?: readonly number[]): Promise<Row | undefined> => {
    const response = await run.send(fetch, variables, cursor.path);
    if (response.errors) {
      const pathOf = errorPaths(fetch, cursor, sentAt);
      run.errors.push(...response.errors.map((error) => downstreamError(error, fetch.serviceName, pathOf)));
    }
    return isRecord(response.data) ? response.data : undefined;
  };

  const run = async (plan: PlanRun, cursor: Cursor): Promise<void> => {
    const entities = Array.isArray(cursor.data) ? cursor.data.filter(isRecord) : [cursor.data];
    if (entities.length === 0) return;
    const variables: Row = Object.create(null);
    for (const name of fetch.variableUsages ?? []) {
      const value = plan.variables && Object.hasOwn(plan.variables, name) ? plan.variables[name] : undefined;
      if (value !== undefined) variables[name] = value;
    }
    if (!requires) {
      const data = await send(plan, cursor, variables);
      for (const entity of entities) deepMerge(entity, data);
      return;
    }
    // Each entity is asked for once, however many objects point to it (the one benefit behind thirty
    // payments), and its answer merged into each of them; Apollo's executor sends it once per object.
    const representations: Row[] = [];
    const owners: Row[][] = [];
    const sentAt: number[] = [];
    const slots = new Map<string, number>();
    entities.forEach((entity, position) => {
      const represented = representation(schema, entity, requires);
      if (!represented?.__typename) return;
      const key = JSON.stringify(represented);
      const slot = slots.get(key);
      if (slot !== undefined) return void owners[slot].push(entity);
      slots.set(key, representations.length);
      representations.push(represented);
      owners.push([entity]);
      sentAt.push(position);
    });
    if (representations.length === 0) return;
    if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
    const data = await send(plan, cursor, { ...variables, representations }, sentAt);
    if (!data) return;
    const received = data._entities;
    if (!Array.isArray(received)) throw new Error('Expected "data._entities" in response to be an array');
    if (received.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
    received.forEach((entity: unknown, index) => {
      for (const owner of owners[index]) {
        if (isRecord(entity) && !entity.__typename) entity.__typename = owner.__typename;
        deepMerge(owner, entity);
      }
    });
  };

  // A failed fetch is an error of the answer; the rest of the plan still runs.
  return (plan, cursor) => run(plan, cursor).catch((error: unknown) => void plan.errors.push(error as GraphQLError));
}

/**
 * The plan as one step, or undefined when it holds a node this executor leaves to Apollo's. A
 * sequence at the root whose second step waits only for entities the gateway knows starts that
 * step at once (speculation.ts); `atRoot` is false below a Flatten.
 */
export function compilePlan(schema: GraphQLSchema, node: PlanNode, guesses: GuessOptions, atRoot = true): PlanStep | undefined {
  switch (node.kind) {
    case 'Fetch':
      return fetchStep(schema, node);
    case 'Flatten': {
      const inner = compilePlan(schema, node.node, guesses, false);
      if (!inner) return undefined;
      return async (run, cursor) => {
        const data = objectsAt(cursor.data, node.path);
        if (data === undefined || data === null) return;
        await inner(run, { path: [...cursor.path, ...node.path], data: data as Row | Row[], root: cursor.root });
      };
    }
    case 'Sequence':
    case 'Parallel': {
      const steps = node.nodes.map((child) => compilePlan(schema, child, guesses, atRoot));
      if (steps.some((step) => !step)) return undefined;
      const all = steps as PlanStep[];
      if (node.kind === 'Parallel') return async (run, cursor) => void (await Promise.all(all.map((step) => step(run, cursor))));
      const inOrder: PlanStep = async (run, cursor) => {
        for (const step of all) await step(run, cursor);
      };
      const guessed = atRoot && node.nodes.length > 1 ? guessable(node.nodes[0], node.nodes[1], guesses) : undefined;
      return guessed ? guessingSequence(schema, guessed, all, inOrder) : inOrder;
    }
    default:
      return undefined;
  }
}

export function rootCursor(root: Row): Cursor {
  return { path: [], data: root, root };
}
