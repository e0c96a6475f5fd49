import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { LRUCache } from 'lru-cache';
import { Kind, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { QueryLimits } from '../../lib/config';
import { appError, type AppErrorDetails, type ErrorCode } from '../../lib/errors';
import type { MessageKey } from '../../lib/i18n/messages';
import { operationCost, variableSizes } from './query-cost';

/** Apollo's `parseOptions`: the parser stops at the limit, before building a huge document. */
export function tokenLimit(limits: QueryLimits) {
  return { maxTokens: limits.maxTokens };
}

type Refusal = { code: ErrorCode } & Pick<AppErrorDetails, 'detail' | 'params'>;

/**
 * The shape limits, counted by graphql-armor's rules, which follow every fragment spread (the
 * same chain refused inline is refused through twelve named fragments). The rules only report:
 * the first refusal is turned into our own code and message.
 */
function shapeRefusal(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits): Refusal | null {
  const refusals: Refusal[] = [];
  const refuse = (code: ErrorCode, detail: MessageKey, limit: number) => [() => void refusals.push({ code, detail, params: { limit } })];
  const quiet = { propagateOnRejection: false, exposeLimits: false };
  validate(schema, document, [
    maxDepthRule({
      ...quiet,
      n: limits.maxDepth,
      flattenFragments: true,
      onReject: refuse('QUERY_TOO_DEEP', 'error.queryDepth', limits.maxDepth),
    }),
    maxAliasesRule({ ...quiet, n: limits.maxAliases, onReject: refuse('TOO_MANY_ALIASES', 'error.queryAliases', limits.maxAliases) }),
    maxDirectivesRule({
      ...quiet,
      n: limits.maxDirectives,
      onReject: refuse('TOO_MANY_DIRECTIVES', 'error.queryDirectives', limits.maxDirectives),
    }),
  ]);
  return refusals[0] ?? null;
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
}

type Verdict = { refusal: Refusal } | { cost: number };

function costVerdict(cost: number, limits: QueryLimits): Verdict {
  if (cost > limits.maxCost) {
    return { refusal: { code: 'QUERY_TOO_COSTLY', detail: 'error.queryCost', params: { cost, limit: limits.maxCost } } };
  }
  return { cost };
}

/** Documents (and, apart, costs) whose verdicts are kept: every client's operations and more, yet bounded against a flood of one-off documents. */
const verdictsKept = 1000;

/**
 * What an operation would cost, or why it is refused before it costs anything, kept so that an
 * operation sent again is not walked again. The shape limits depend on the document alone; its
 * cost also on the sizes its variables give, so a cost is kept under the sizes of the variables
 * its walk read (none for most documents).
 */
export function keptVerdicts(limits: QueryLimits) {
  const documents = new LRUCache<string, { refusal: Refusal } | { reads: string[] }>({ max: verdictsKept });
  const costs = new LRUCache<string, Verdict>({ max: verdictsKept });
  const costKey = (key: string, reads: string[], sizeOf: (variable: string) => number) => [key, ...reads.map(sizeOf)].join(' ');
  return {
    /** `key` names the document and the operation in it: equal keys, equal operations. */
    judge(key: string, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Verdict {
      const sizeOf = variableSizes(operation, variables);
      const walkCost = (size: (variable: string) => number) => costVerdict(operationCost(schema, operation, fragmentsOf(document), size), limits);
      let known = documents.get(key);
      if (!known) {
        const refusal = shapeRefusal(schema, document, limits);
        if (refusal) {
          known = { refusal };
        } else {
          const reads = new Set<string>();
          const verdict = walkCost((variable) => {
            reads.add(variable);
            return sizeOf(variable);
          });
          known = { reads: [...reads] };
          costs.set(costKey(key, known.reads, sizeOf), verdict);
        }
        documents.set(key, known);
      }
      if ('refusal' in known) return known;
      const sized = costKey(key, known.reads, sizeOf);
      let verdict = costs.get(sized);
      if (!verdict) {
        verdict = walkCost(sizeOf);
        costs.set(sized, verdict);
      }
      return verdict;
    },
    /** Verdicts are the schema's: a new one judges afresh. */
    clear() {
      documents.clear();
      costs.clear();
    },
  };
}

/**
 * Refuses, with its own code, an operation too deep, too aliased, too directive-laden or too
 * costly to run; an accepted one is charged to its caller's budget (`charge` may refuse too).
 */
export function queryLimitsPlugin<TContext extends BaseContext>(
  limits: QueryLimits,
  charge: (context: TContext, cost: number) => Promise<void>,
): ApolloServerPlugin<TContext> {
  const verdicts = keptVerdicts(limits);
  return {
    async serverWillStart() {
      return { schemaDidLoadOrUpdate: () => verdicts.clear() };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, operation, request, queryHash, contextValue }) {
          if (!operation) return;
          const verdict = verdicts.judge(`${queryHash} ${operation.name?.value ?? ''}`, schema, document, operation, request.variables ?? {});
          if ('refusal' in verdict) throw appError(verdict.refusal.code, verdict.refusal);
          await charge(contextValue, verdict.cost);
        },
      };
    },
  };
}
