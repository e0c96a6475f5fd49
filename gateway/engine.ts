import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { Fetcher, FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import { subgraphNames, type SubgraphName } from '../lib/config';
import { appError } from '../lib/errors';
import { budgetHeader } from '../lib/internal-context';

/** What the gateway keeps of the deadline for merging and answering after subgraphs reply. */
export const gatewayMarginMs = 100;

/** A subgraph answer's headers, as undici parsed them (names in lower case), behind the Fetch API's methods Apollo calls. */
class AnswerHeaders implements FetcherHeaders {
  private readonly byName = new Map<string, string>();

  constructor(headers: IncomingHttpHeaders) {
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) this.byName.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  get(name: string): string | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.byName.set(name.toLowerCase(), value);
  }

  append(name: string, value: string): void {
    const prior = this.get(name);
    this.set(name, prior === null ? value : `${prior}, ${value}`);
  }

  delete(name: string): void {
    this.byName.delete(name.toLowerCase());
  }

  entries() {
    return this.byName.entries();
  }

  keys() {
    return this.byName.keys();
  }

  values() {
    return this.byName.values();
  }

  [Symbol.iterator]() {
    return this.byName.entries();
  }
}

/** A subgraph answer read to its end within the budget: its body can be read as often as Apollo likes. */
class AnswerResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly ok: boolean;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: FetcherHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.body).buffer as ArrayBuffer;
  }

  clone(): FetcherResponse {
    return this;
  }
}

/**
 * The fetcher to the subgraphs: undici's request on the engine's keep-alive agent, given up once
 * the request's budget and the margin are spent, so a hung subgraph cannot hold the client past its
 * deadline. The budget covers the answer's body too, and its timer is cleared as soon as the body
 * is in. Giving up rejects with a `TimeoutError` as Node's `AbortSignal.timeout` would (what
 * `subgraphFailure` reads); anything else (refused, reset) with undici's own error.
 */
export function subgraphFetcher(agent: Dispatcher): Fetcher {
  return async (url, init = {}) => {
    const budget = Number(init.headers?.[budgetHeader]);
    const limit = Number.isFinite(budget) && budget > 0 ? budget + gatewayMarginMs : 10_000;
    const giveUp = new AbortController();
    const timer = setTimeout(() => giveUp.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), limit);
    try {
      // The undici instrumentation (lib/tracing.ts) adds the trace context of Apollo's fetch span.
      const answer = await undiciRequest(url, {
        dispatcher: agent,
        method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: init.headers,
        body: init.body,
        signal: giveUp.signal,
      });
      const body = await answer.body.text();
      return new AnswerResponse(url, answer.statusCode, answer.statusText, new AnswerHeaders(answer.headers), body);
    } finally {
      clearTimeout(timer);
    }
  };
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
  // One pool of kept-alive connections per subgraph, for as long as the engine runs.
  const agent = new Agent();
  const fetcher = subgraphFetcher(agent);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) =>
      options.localSubgraphs[name]
        ? new LocalGraphQLDataSource(options.localSubgraphs[name])
        : new RemoteGraphQLDataSource<TContext & Record<string, unknown>>({
        // The URL comes from configuration, never from the committed supergraph.
        url: options.subgraphUrls[name as SubgraphName],
        fetcher,
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
  return {
    load: (load) => gateway.load(load),
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    async stop() {
      await gateway.stop();
      await agent.close();
    },
  };
}
