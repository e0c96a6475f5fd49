import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { Admission, NotAdmitted, type AdmissionLimits } from './admission';
import { applyCors, type CorsOptions } from './cors';
import { urlNamesCitizen } from './cpr-in-url';
import { currentLanguage, inLanguage, negotiateLanguage } from './i18n/language';
import { appError, type ErrorCode } from './errors';
import type { Logger } from './logger';
import { registry } from './metrics';
import { inSpan } from './tracing';

/**
 * The one HTTP front of every service (gateway and subgraphs): GraphQL over HTTP at /graphql on
 * Apollo's framework-free entry point, plus /healthz and /readyz for orchestrators.
 */
export interface HttpServiceOptions<TContext extends BaseContext> {
  /** The service's name, on its spans. */
  name: string;
  apollo: ApolloServer<TContext>;
  /** Builds the request's context; `variables` only from a POST body, never from a URL. */
  context: (request: IncomingMessage, variables: Record<string, unknown> | undefined) => Promise<TContext>;
  /** Readiness beyond being alive: what the service cannot work without, and how the rest is. */
  ready?: () => Promise<Readiness>;
  maxBodyBytes: number;
  /** A request not fully received by then is answered 408 and its socket closed. */
  bodyTimeoutMs: number;
  /** Bounds the GraphQL work taken on at once (the gateway's); unset: no bound. */
  admission?: AdmissionLimits;
  /** Further GET paths the service answers itself (the gateway's calendar feeds), admitted like GraphQL work. */
  routes?: (pathname: string) => Route | null;
  /** Browser origins allowed to call the service (the gateway's; lib/cors.ts); unset: no CORS headers. */
  cors?: CorsOptions;
  /**
   * Turns a request that names a persisted document (`documentId`, APQ hash) into one with its text,
   * or refuses it (the gateway's; gateway/plugins/persisted-operations.ts).
   */
  resolveBody?: (body: unknown) => { body: unknown } | { refused: ErrorCode };
  logger: Logger;
}

/** Answers one request on a path of the service's own; its errors are handled like GraphQL's. */
export type Route = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export type DependencyState = 'up' | 'down' | 'none';

/** What /readyz answers: whether to send this process traffic, and each dependency's state. */
export interface Readiness {
  ready: boolean;
  /** For whoever looks: only some of them decide `ready`. */
  checks: Record<string, DependencyState | Record<string, DependencyState>>;
}

export interface RunningService {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A request refused before GraphQL sees it. */
class BodyError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyError('PAYLOAD_TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyError('PAYLOAD_TOO_LARGE');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (!contentType?.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError('BAD_REQUEST');
  }
}

function variablesOf(body: unknown): Record<string, unknown> | undefined {
  const variables = (body as { variables?: unknown } | undefined)?.variables;
  return variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, code: ErrorCode, retryAfterSeconds?: number): void {
  const error = appError(code, { retryAfterSeconds });
  response.setHeader('content-language', currentLanguage());
  const http = error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
  for (const [key, value] of http?.headers ?? []) response.setHeader(key, value);
  sendJson(response, http?.status ?? 400, { errors: [{ message: error.message, extensions: { code } }] });
}

function headerMap(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function serveGraphQL<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
  search: string,
): Promise<void> {
  if (urlNamesCitizen(search)) throw new BodyError('CPR_IN_URL');
  const parsed = parseBody(await readBody(request, options.maxBodyBytes), request.headers['content-type']);
  const resolved = options.resolveBody ? options.resolveBody(parsed) : { body: parsed };
  if ('refused' in resolved) throw new BodyError(resolved.refused);
  const { body } = resolved;
  const variables = variablesOf(body);
  const language = negotiateLanguage(request.headers['accept-language'], variables);
  response.setHeader('content-language', language);
  const result = await inLanguage(language, () =>
    options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers: headerMap(request), search, body },
      context: () => options.context(request, variables),
    }),
  );
  const vary = response.getHeader('vary');
  for (const [key, value] of result.headers) response.setHeader(key, value);
  // A shared cache must keep the languages apart (and origins, when CORS set Vary: Origin).
  response.setHeader('vary', [vary, result.headers.get('vary'), 'Accept-Language'].filter(Boolean).join(', '));
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

export async function listen<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
  host: string,
  port: number,
): Promise<RunningService> {
  await options.apollo.start();
  const admission = options.admission ? new Admission(options.admission) : null;
  const server = createServer(
    {
      requestTimeout: options.bodyTimeoutMs,
      headersTimeout: Math.min(options.bodyTimeoutMs, 60_000),
      // Node looks for requests past their time this often (30 s by default): a fifth of the limit.
      connectionsCheckingInterval: Math.max(100, Math.floor(options.bodyTimeoutMs / 5)),
    },
    (request, response) => {
    const { pathname, search } = new URL(request.url ?? '/', 'http://service.invalid');
    const handle = async (): Promise<void> => {
      if (options.cors && applyCors(options.cors, request, response)) return;
      if (pathname === '/healthz') return sendJson(response, 200, { status: 'ok' });
      if (pathname === '/readyz') {
        const { ready, checks } = options.ready ? await options.ready() : { ready: true, checks: {} };
        return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
      }
      if (pathname === '/graphql') {
        const release = admission ? await admission.enter() : () => undefined;
        try {
          // Inside the HTTP instrumentation's server span, which continues the caller's trace (W3C traceparent).
          return await inSpan('graphql.request', { service: options.name }, () => serveGraphQL(options, request, response, search));
        } finally {
          release();
        }
      }
      const route = request.method === 'GET' ? options.routes?.(pathname) : null;
      if (route) {
        const release = admission ? await admission.enter() : () => undefined;
        try {
          return await route(request, response);
        } finally {
          release();
        }
      }
      if (pathname === '/metrics') {
        response.writeHead(200, { 'content-type': registry.contentType });
        response.end(await registry.metrics());
        return;
      }
      sendJson(response, 404, { errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
    };
    // Until the body is read, only the header can say which language the client wants.
    inLanguage(negotiateLanguage(request.headers['accept-language'], undefined), () =>
      handle().catch((error: unknown) => {
        if (error instanceof BodyError) return sendError(response, error.code);
        if (error instanceof NotAdmitted) return sendError(response, 'SERVER_BUSY', 1);
        options.logger.error({ err: { type: (error as Error)?.name } }, 'request failed outside GraphQL');
        if (!response.headersSent) sendError(response, 'INTERNAL_SERVER_ERROR');
        else response.end();
      }),
    );
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actualPort}/graphql`,
    port: actualPort,
    async close() {
      // Stop taking new requests, let in-flight ones finish, then drop idle keep-alive sockets.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await options.apollo.stop();
    },
  };
}
