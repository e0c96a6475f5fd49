import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { subgraphNames, type SubgraphName } from '../lib/config';
import { appError } from '../lib/errors';
import { budgetHeader } from '../lib/internal-context';

/** What the gateway keeps of the deadline for merging and answering after subgraphs reply. */
export const gatewayMarginMs = 100;

/**
 * Node's own fetch (it keeps connections to subgraphs alive), given up once the request's
 * budget and the margin are spent, so a hung subgraph cannot hold the client past its deadline.
 */
const fetchWithinBudget = ((url: string, init?: RequestInit) => {
  const budget = Number(new Headers(init?.headers).get(budgetHeader));
  const limit = Number.isFinite(budget) && budget > 0 ? budget + gatewayMarginMs : 10_000;
  // The fetch instrumentation (lib/tracing.ts) adds the trace context of Apollo's fetch span.
  return fetch(url, { ...init, signal: AbortSignal.timeout(limit) });
}) as unknown as Fetcher;

/**
 * A subgraph that did not answer in time (a busy machine, a hung index) or at all is that area's
 * failure, with its code and area, never an unexplained INTERNAL_SERVER_ERROR for the client.
 */
function subgraphFailure(name: string, error: Error): Error {
  if (error instanceof GraphQLError) return error;
  const area = (subgraphNames as readonly string[]).includes(name) ? { area: name as SubgraphName } : {};
  return appError(error.name === 'TimeoutError' ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', area);
}

/**
 * The only module that knows which federation engine runs the query plans. Apollo's gateway is
 * under the Elastic License 2.0; an operator who needs an MIT engine swaps this file (see
 * docs/decisions/0001-federation-engine.md). Auth, limits and audit never import the engine.
 */
export interface EngineOptions<TContext> {
  supergraphSdl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** Subgraphs the gateway serves itself (the access log), by name. */
  localSubgraphs: Record<string, GraphQLSchema>;
  /** Headers one fetch to one subgraph carries for this client request. */
  headersFor(context: TContext, fetch: { subgraph: string; mutation: boolean }): Promise<Record<string, string>>;
  /** Each subgraph answer's extensions (whose records it holds), before the engine merges the data. */
  received(context: TContext, extensions: Record<string, unknown> | undefined, hasData: boolean): void;
}

export function createEngine<TContext>(options: EngineOptions<TContext>): GatewayInterface {
  // Otherwise Apollo's gateway runs cloud resource detectors (requests to metadata endpoints) and
  // reports usage to Apollo every hour: nothing of this deployment goes to a third party.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  return new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) =>
      options.localSubgraphs[name]
        ? new LocalGraphQLDataSource(options.localSubgraphs[name])
        : new RemoteGraphQLDataSource<TContext & Record<string, unknown>>({
        // The URL comes from configuration, never from the committed supergraph.
        url: options.subgraphUrls[name as SubgraphName],
        fetcher: fetchWithinBudget,
        async willSendRequest({ request, context }) {
          // The planner writes each fetch's operation itself; a mutation's starts with the keyword.
          const mutation = /^\s*mutation\b/.test(request.query ?? '');
          for (const [header, value] of Object.entries(await options.headersFor(context as TContext, { subgraph: name, mutation }))) {
            request.http?.headers.set(header, value);
          }
        },
        didEncounterError: (error: Error) => {
          throw subgraphFailure(name, error);
        },
        didReceiveResponse({ response, context }) {
          options.received(context as TContext, response.extensions, response.data !== null && response.data !== undefined);
          // What the subgraph reports is for the gateway alone, never for the client.
          delete response.extensions;
          return response;
        },
      }),
  });
}
