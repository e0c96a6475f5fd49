import type { FetchNode, PlanNode, QueryPlanSelectionNode } from '@apollo/query-planner';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import { Counter } from 'prom-client';
import { registry } from '../../lib/metrics';
import { isRecord } from '../../lib/record';
import { deepMerge, representation, type Row } from './plan-data';
import type { PlanRun, PlanStep } from './plan-execution';
import type { GraphQLSchema } from 'graphql';

/**
 * A root field whose entity the gateway knows before asking (`me` is the citizen the token is for,
 * by the pseudonym the gateway computes too) need not hold up the fetches that only need that
 * entity's key: they start with the root fetch, on a copy of the data, and their answers (with
 * whose records they hold) are kept only once the root field has answered the same entity. If it
 * answers another, nothing, or fails, they are thrown away unseen and the plan runs as written.
 */

const guesses = new Counter({
  name: 'gateway_guessed_roots_total',
  help: "Plans whose second step started with the root fetch, on the entity the gateway knew it would answer: 'kept' when it did, 'discarded' when it did not (the step then ran again).",
  labelNames: ['outcome'] as const,
  registers: [registry],
});

/** What makes a guess safe, found once when the plan is compiled: by response key, each guessed root field's name and the representations the second step sends of it. */
type Guessable = Map<string, { field: string; requires: (readonly QueryPlanSelectionNode[])[] }>;

export interface GuessOptions {
  /** Root fields (by name) the gateway can tell the entity of before asking. */
  known: ReadonlySet<string>;
  /** Whether a service's answers can be held back until kept (a remote subgraph's; not the gateway's own graph). */
  holds(service: string): boolean;
}

/** What the root fetch selects under each of its root fields, by response key. */
function rootSelections(fetch: FetchNode): Map<string, { field: string; keys: Set<string> }> {
  const roots = new Map<string, { field: string; keys: Set<string> }>();
  const keysOf = (set: SelectionSetNode | undefined, into: Set<string>): Set<string> => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) into.add(selection.alias?.value ?? selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) keysOf(selection.selectionSet, into);
    }
    return into;
  };
  const operation = parse(fetch.operation).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    roots.set(selection.alias?.value ?? selection.name.value, { field: selection.name.value, keys: keysOf(selection.selectionSet, new Set()) });
  }
  return roots;
}

/**
 * Whether `second` may start with `first`: `first` reads (never changes) root fields, and every
 * fetch of `second` is an entity fetch below a root field the gateway knows, to a service whose
 * answers can be held, that needs of the root fetch's data nothing but that entity (a deeper path
 * goes through data the step fetches itself, never through a field the root fetch brings).
 */
export function guessable(first: PlanNode, second: PlanNode, options: GuessOptions): Guessable | undefined {
  if (first.kind !== 'Fetch' || first.requires || first.operationKind !== 'query') return undefined;
  const selected = rootSelections(first);
  const roots: Guessable = new Map();
  const admits = (node: PlanNode): boolean => {
    if (node.kind === 'Parallel' || node.kind === 'Sequence') return node.nodes.every(admits);
    if (node.kind !== 'Flatten' || node.node.kind !== 'Fetch' || !node.node.requires || !options.holds(node.node.serviceName)) return false;
    const [key, next] = node.path;
    const root = typeof key === 'string' ? selected.get(key) : undefined;
    if (!root || !options.known.has(root.field)) return false;
    if (node.path.length > 1) return typeof next === 'string' && !root.keys.has(next);
    const guessed = roots.get(key as string) ?? { field: root.field, requires: [] };
    guessed.requires.push(node.node.requires);
    roots.set(key as string, guessed);
    return true;
  };
  return admits(second) && roots.size > 0 ? roots : undefined;
}

/**
 * The root fetch, the step after it started at once on the guessed entities, then the rest in
 * order; `inOrder` (the same steps one after the other) when the gateway does not know them.
 */
export function guessingSequence(schema: GraphQLSchema, roots: Guessable, [first, second, ...rest]: PlanStep[], inOrder: PlanStep): PlanStep {
  const sameRepresentations = (fetched: Row, guessed: Map<string, Row>): boolean =>
    [...roots].every(([key, { requires }]) => {
      const answered = fetched[key];
      return (
        isRecord(answered) &&
        requires.every((selections) => {
          const expected = representation(schema, guessed.get(key), selections);
          return expected !== null && JSON.stringify(representation(schema, answered, selections)) === JSON.stringify(expected);
        })
      );
    });

  return async (run, cursor) => {
    const guessed = new Map<string, Row>();
    for (const [key, { field }] of roots) {
      const entity = run.known(field);
      if (entity) guessed.set(key, entity);
    }
    if (guessed.size < roots.size || Array.isArray(cursor.data)) return inOrder(run, cursor);
    const ahead: Row = Object.create(null);
    for (const [key, entity] of guessed) ahead[key] = { ...entity };
    const held: (() => void)[] = [];
    const aside: PlanRun = {
      variables: run.variables,
      errors: [],
      known: () => undefined,
      sendHeld: (fetch, variables, path) => run.sendHeld(fetch, variables, path),
      async send(fetch, variables, path) {
        const answer = await run.sendHeld(fetch, variables, path);
        held.push(answer.keep);
        return answer.response;
      },
    };
    await Promise.all([first(run, cursor), second(aside, { path: cursor.path, data: ahead, root: ahead })]);
    if (sameRepresentations(cursor.data, guessed)) {
      guesses.inc({ outcome: 'kept' });
      deepMerge(cursor.data, ahead);
      run.errors.push(...aside.errors);
      for (const keep of held) keep();
    } else {
      guesses.inc({ outcome: 'discarded' });
      await second(run, cursor);
    }
    for (const step of rest) await step(run, cursor);
  };
}
