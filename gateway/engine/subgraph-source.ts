import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';
import { subgraphNames, type SubgraphName } from '../../lib/config';
import { appError } from '../../lib/errors';
import { isRecord } from '../../lib/record';
import type { HeldAnswer } from './plan-execution';
import type { SubgraphAnswer, SubgraphPost } from './subgraph-post';

/** What the gateway does around each fetch to a subgraph (gateway/server.ts decides it). */
export interface SubgraphHooks<TContext> {
  /** Headers one fetch to one subgraph carries for this client request. */
  headersFor(context: TContext, fetch: { subgraph: string; mutation: boolean }): Promise<Record<string, string>>;
  /** Each subgraph answer's extensions (whose records it holds), before the engine merges the data. */
  received(context: TContext, extensions: Record<string, unknown> | undefined, hasData: boolean): void;
}

/**
 * A subgraph that did not answer in time (a busy machine, a hung index) or at all is that area's
 * failure, with its code and area, never an unexplained INTERNAL_SERVER_ERROR for the client.
 */
function subgraphFailure(name: string, error: Error): Error {
  if (error instanceof GraphQLError) return error;
  const area = (subgraphNames as readonly string[]).includes(name) ? { area: name as SubgraphName } : {};
  return appError(error.name === 'TimeoutError' ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', area);
}

/** An answer outside 2xx, as Apollo's own data source reports it (401 and 403 keep their meaning). */
function statusError(answer: SubgraphAnswer, body: unknown): GraphQLError {
  const extensions: GraphQLErrorExtensions = { response: { url: answer.url, status: answer.status, statusText: answer.statusText, body } };
  if (answer.status === 401) extensions.code = 'UNAUTHENTICATED';
  else if (answer.status === 403) extensions.code = 'FORBIDDEN';
  return new GraphQLError(`${answer.status}: ${answer.statusText}`, { extensions });
}

function parsedBody(answer: SubgraphAnswer): unknown {
  const type = answer.headers['content-type'];
  const json = typeof type === 'string' && (type.startsWith('application/json') || type.startsWith('application/graphql-response+json'));
  return json ? JSON.parse(answer.body) : answer.body;
}

/**
 * One remote subgraph, for both executors (Apollo's and the compiled plans'): the fetch's query
 * POSTed with the hooks' headers, the answer's extensions handed to `received` and never passed
 * on to the client. Any failure to get a GraphQL answer is the area's (`subgraphFailure`).
 */
export class SubgraphSource<TContext> implements GraphQLDataSource<TContext & Record<string, unknown>> {
  constructor(
    private readonly name: string,
    private readonly url: string,
    private readonly post: SubgraphPost,
    private readonly hooks: SubgraphHooks<TContext>,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<TContext & Record<string, unknown>>): Promise<GatewayGraphQLResponse> {
    const { response, keep } = await this.answer(options);
    keep();
    return response;
  }

  /** The fetch, its answer's extensions handed to `received` only when `keep` is called (a guessed step's, speculation.ts). */
  async answer(options: GraphQLDataSourceProcessOptions<TContext & Record<string, unknown>>): Promise<HeldAnswer> {
    const { query, variables, operationName } = options.request;
    if (!query) throw new Error('Missing query');
    const context = options.context as TContext;
    // The planner writes each fetch's operation itself; a mutation's starts with the keyword.
    const mutation = /^\s*mutation\b/.test(query);
    const headers = { 'content-type': 'application/json', ...(await this.hooks.headersFor(context, { subgraph: this.name, mutation })) };
    let body: Record<string, unknown>;
    try {
      const answer = await this.post(this.url, headers, JSON.stringify({ query, variables, operationName }));
      const parsed = parsedBody(answer);
      if (answer.status < 200 || answer.status > 299) throw statusError(answer, parsed);
      if (!isRecord(parsed)) throw new Error('Expected a JSON object from the subgraph');
      body = parsed;
    } catch (error) {
      throw subgraphFailure(this.name, error as Error);
    }
    const { extensions, ...response } = body;
    const hasData = response.data !== null && response.data !== undefined;
    return {
      response: response as GatewayGraphQLResponse,
      keep: () => this.hooks.received(context, extensions as Record<string, unknown> | undefined, hasData),
    };
  }
}
