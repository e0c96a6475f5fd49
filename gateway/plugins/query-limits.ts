import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { Kind, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { QueryLimits } from '../../lib/config';
import { appError, type AppErrorDetails, type ErrorCode } from '../../lib/errors';
import type { MessageKey } from '../../lib/i18n/messages';
import { operationCost } from './query-cost';


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

/** What an operation would cost, or why it is refused before it costs anything. */
export function judge(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): { refusal: Refusal } | { cost: number } {
  const refusal = shapeRefusal(schema, document, limits);
  if (refusal) return { refusal };
  const cost = operationCost(schema, operation, fragmentsOf(document), variables);
  if (cost > limits.maxCost) {
    return { refusal: { code: 'QUERY_TOO_COSTLY', detail: 'error.queryCost', params: { cost, limit: limits.maxCost } } };
  }
  return { cost };
}

/**
 * Refuses, with its own code, an operation too deep, too aliased, too directive-laden or too
 * costly to run; an accepted one is charged to its caller's budget (`charge` may refuse too).
 */
export function queryLimitsPlugin<TContext extends BaseContext>(
  limits: QueryLimits,
  charge: (context: TContext, cost: number) => Promise<void>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, operation, request, contextValue }) {
          if (!operation) return;
          const verdict = judge(schema, document, operation, request.variables ?? {}, limits);
          if ('refusal' in verdict) throw appError(verdict.refusal.code, verdict.refusal);
          await charge(contextValue, verdict.cost);
        },
      };
    },
  };
}
