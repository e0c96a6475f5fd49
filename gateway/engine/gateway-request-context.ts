import { dirname, join } from 'node:path';
import type { BaseContext, GraphQLRequestContext, HeaderMap } from '@apollo/server';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';

/** What Apollo Server passes beside the request's context when it builds the gateway's. */
interface Builder {
  server: { logger: GatewayGraphQLRequestContext['logger']; cache: GatewayGraphQLRequestContext['cache'] };
  internals: { includeStacktraceInErrorResponses: boolean };
}

type Build = (requestContext: GraphQLRequestContext<BaseContext>, server: Builder['server'], internals: Builder['internals']) => GatewayGraphQLRequestContext;

/** Apollo's HeaderMap seen through the Fetch-style headers the gateway interface speaks, as Apollo's own adapter does. */
class MapHeaders {
  constructor(readonly map: HeaderMap) {}

  append(name: string, value: string): void {
    const present = this.map.get(name);
    this.map.set(name, present === undefined ? value : `${present}, ${value}`);
  }

  delete(name: string): void {
    this.map.delete(name);
  }

  get(name: string): string | null {
    return this.map.get(name) ?? null;
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  set(name: string, value: string): void {
    this.map.set(name, value);
  }

  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  values(): IterableIterator<string> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** The response's HTTP head for the gateway: its status read from and written to the request's, by accessors on the class. */
class ResponseHead {
  readonly headers: MapHeaders;

  constructor(private readonly response: GraphQLRequestContext<BaseContext>['response']) {
    this.headers = new MapHeaders(response.http.headers);
  }

  get status(): number | undefined {
    return this.response.http.status;
  }

  set status(status: number | undefined) {
    this.response.http.status = status;
  }
}

/**
 * The context Apollo Server hands the gateway's executor, with the same fields as Apollo's own
 * (`makeGatewayGraphQLRequestContext` in @apollo/server 5).
 */
const gatewayRequestContext: Build = (requestContext, server, internals) => {
  const { request: given, response } = requestContext;
  const request: GatewayGraphQLRequestContext['request'] = {};
  if ('query' in given) request.query = given.query;
  if ('operationName' in given) request.operationName = given.operationName;
  if ('variables' in given) request.variables = given.variables;
  if ('extensions' in given) request.extensions = given.extensions;
  if (given.http) {
    const { search } = given.http;
    const question = search !== '' && !search.startsWith('?') ? '?' : '';
    request.http = { method: given.http.method, url: `https://unknown-url.invalid/${question}${search}`, headers: new MapHeaders(given.http.headers) };
  }
  return {
    request,
    response: { http: new ResponseHead(response) },
    logger: server.logger,
    schema: requestContext.schema,
    schemaHash: 'schemaHash no longer exists since Apollo Server 4' as GatewayGraphQLRequestContext['schemaHash'],
    context: requestContext.contextValue,
    cache: server.cache,
    queryHash: requestContext.queryHash,
    document: requestContext.document,
    source: requestContext.source,
    operationName: requestContext.operationName,
    operation: requestContext.operation,
    errors: requestContext.errors,
    metrics: requestContext.metrics,
    debug: internals.includeStacktraceInErrorResponses,
    overallCachePolicy: requestContext.overallCachePolicy,
    requestIsBatched: requestContext.requestIsBatched,
  } as GatewayGraphQLRequestContext;
};

/** Apollo Server's module that builds the gateway's request context, by path: the package exports no such entry. */
function apolloBuilderModule(): { makeGatewayGraphQLRequestContext: Build } {
  return require(join(dirname(require.resolve('@apollo/server')), 'utils', 'makeGatewayGraphQLRequestContext.js'));
}

/**
 * Apollo's builder makes `response.http` an object literal with a `get status`/`set status` pair
 * closing over the request. V8 gives every such object a hidden class of its own, made in the old
 * generation and holding that request's closures, so each request's context, contextValue and
 * answer outlive the young-generation collections after it ended and are promoted: measured, ~40 kB
 * a request (ten times the floor's), scavenges of ~20 ms and an old generation filled with the dead.
 * Built as above, all share one hidden class and a request's objects die young. Apollo's request
 * pipeline reads the builder from its module's exports on every request, so it is replaced there,
 * once; a version of Apollo Server without that module fails here, at start-up, not silently.
 */
export function useGatewayRequestContext(): void {
  const module = apolloBuilderModule();
  if (typeof module.makeGatewayGraphQLRequestContext !== 'function') throw new Error('@apollo/server no longer builds the gateway request context where expected');
  module.makeGatewayGraphQLRequestContext = gatewayRequestContext;
}
