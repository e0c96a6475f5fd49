import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import type { GraphQLDataSource } from '@apollo/gateway';
// The package's index does not export the enum its data sources read.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { QueryPlanner, type FetchNode, type ResponsePath } from '@apollo/query-planner';
import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { compilePlan, rootCursor, type PlanRun, type PlanStep, type Row } from './plan-execution';
import type { GuessOptions } from './speculation';
import { SubgraphSource } from './subgraph-source';
import { compileResultShape, type ResultShape } from './result-shape';

/** Root fields whose entity the gateway knows before asking, by field name: the entity's representation for the request's context, if it knows it. */
export type KnownRoots<TContext> = Record<string, (context: TContext) => Row | undefined>;

/** An operation ready to run: its plan's steps and the shape of its answer. */
interface CompiledOperation {
  plan: PlanStep | undefined;
  shape: ResultShape;
}

/** How many operations are kept compiled: a production gateway takes only its manifest's, a development one anything. */
const compiledKept = 1_000;

export interface CompiledOperations {
  /** Runs the request's operation by its compiled plan, or returns undefined for one left to Apollo's executor (a subscription, introspection, a plan with rewrites, conditions or @defer). */
  execute(requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> | undefined;
}

/**
 * Operations planned and read once, then run per request without Apollo's executor's per-request
 * work (building its operation model twice, shaping the result through it, a trace span per plan
 * node). The planner is Apollo's, on the same supergraph, so the plan is the one Apollo's executor
 * would run; the fetches go through the same data sources.
 */
export function compiledOperations<TContext>(
  supergraphSdl: string,
  sources: ReadonlyMap<string, GraphQLDataSource>,
  knownRoots: KnownRoots<TContext> = {},
): CompiledOperations {
  const supergraph = Supergraph.build(supergraphSdl);
  const planner = new QueryPlanner(supergraph);
  const plannedApi = supergraph.apiSchema();
  const apiSchema = plannedApi.toGraphQLJSSchema();
  // Entity types named in a fetch's `requires` may be hidden from the API schema.
  const supergraphSchema = supergraph.schema.toGraphQLJSSchema();
  const compiled = new LRUCache<string, CompiledOperation | false>({ max: compiledKept });
  const guesses: GuessOptions = {
    known: new Set(Object.keys(knownRoots)),
    holds: (service) => sources.get(service) instanceof SubgraphSource,
  };

  const compile = (requestContext: GatewayGraphQLRequestContext): CompiledOperation | false => {
    const { document, operation, request } = requestContext;
    if (!operation || operation.operation === 'subscription') return false;
    try {
      const plan = planner.buildQueryPlan(operationFromDocument(plannedApi, document, { operationName: request.operationName }));
      if (plan.node?.kind === 'Subscription') return false;
      const steps = plan.node ? compilePlan(supergraphSchema, plan.node, guesses) : undefined;
      if (plan.node && !steps) return false;
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
      return { plan: steps, shape: compileResultShape(apiSchema, operation, fragments) };
    } catch {
      // Whatever this module cannot plan or shape, Apollo's executor answers (with its own error if it is one).
      return false;
    }
  };

  const run = async (operation: CompiledOperation, requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> => {
    const variables = requestContext.request.variables;
    const context = requestContext.context as TContext;
    const processOptions = (fetch: FetchNode, fetchVariables: Row, path: ResponsePath) => ({
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query: fetch.operation, variables: fetchVariables, operationName: fetch.operationName },
      incomingRequestContext: requestContext,
      context: requestContext.context,
      document: fetch.operationDocumentNode,
      pathInIncomingRequest: path,
    } as const);
    const sourceOf = (fetch: FetchNode) => {
      const source = sources.get(fetch.serviceName);
      if (!source) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
      return source;
    };
    const plan: PlanRun = {
      variables,
      errors: [],
      send: (fetch, fetchVariables, path) => sourceOf(fetch).process(processOptions(fetch, fetchVariables, path)),
      sendHeld(fetch, fetchVariables, path) {
        const source = sourceOf(fetch);
        // `guesses.holds` keeps every other source (the gateway's own graph records as it reads) out of a guessed step.
        if (!(source instanceof SubgraphSource)) throw new Error(`The answers of "${fetch.serviceName}" cannot be held back`);
        return source.answer(processOptions(fetch, fetchVariables, path));
      },
      known: (field) => knownRoots[field]?.(context),
    };
    const fetched: Row = Object.create(null);
    if (operation.plan) await operation.plan(plan, rootCursor(fetched));
    try {
      const { data, errors } = operation.shape(fetched, variables);
      // As Apollo's executor: errors found shaping are the client's only when no fetch failed (a
      // failed fetch explains them), and then under `valueCompletion`, not `errors`.
      if (plan.errors.length === 0 && errors.length > 0) return { data, extensions: { valueCompletion: errors } };
      return plan.errors.length === 0 ? { data } : { data, errors: plan.errors };
    } catch (error) {
      return { errors: [error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error })] };
    }
  };

  return {
    execute(requestContext) {
      const key = `${requestContext.queryHash}\n${requestContext.request.operationName ?? ''}`;
      let operation = compiled.get(key);
      if (operation === undefined) {
        operation = compile(requestContext);
        compiled.set(key, operation);
      }
      return operation ? run(operation, requestContext) : undefined;
    },
  };
}
