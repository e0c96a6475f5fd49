import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { sayNow, type MessageKey, type Params } from './i18n/messages';

/**
 * The one error policy: every error a client can see has a stable `extensions.code` from this
 * list, a plain message in the request's language (`error.<CODE>` in lib/i18n/messages.ts), and
 * where it concerns one data area, that area. Nothing else (no stack, no upstream host, no
 * personal data) leaves a service.
 */
export const errorCodes = {
  UNAUTHENTICATED: { status: 401 },
  FORBIDDEN: { status: 200 },
  INSUFFICIENT_ASSURANCE: { status: 403 },
  PROXY_NOT_VALID: { status: 403 },
  CONSENT_NOT_VALID: { status: 403 },
  NOT_FOUND: { status: 200 },
  FORBIDDEN_AREA: { status: 200 },
  INTERNAL_CONTEXT_INVALID: { status: 401 },
  UPSTREAM_TIMEOUT: { status: 200 },
  UPSTREAM_UNAVAILABLE: { status: 200 },
  UPSTREAM_BAD_RESPONSE: { status: 200 },
  BAD_REQUEST: { status: 400 },
  BAD_USER_INPUT: { status: 200 },
  PAYLOAD_TOO_LARGE: { status: 413 },
  CPR_IN_URL: { status: 400 },
  QUERY_TOO_DEEP: { status: 400 },
  TOO_MANY_ALIASES: { status: 400 },
  QUERY_TOO_COSTLY: { status: 400 },
  TOO_MANY_DIRECTIVES: { status: 400 },
  QUERY_TOO_LARGE: { status: 400 },
  QUERY_BUDGET_EXHAUSTED: { status: 429 },
  SERVER_BUSY: { status: 503 },
  PERSISTED_DOCUMENT_NOT_FOUND: { status: 400 },
  PERSISTED_DOCUMENT_REQUIRED: { status: 400 },
  AUDIT_UNAVAILABLE: { status: 503 },
  RATE_LIMITED: { status: 429 },
  CITIZEN_LIMIT_REACHED: { status: 429 },
  INTERNAL_SERVER_ERROR: { status: 500 },
} as const;

export type ErrorCode = keyof typeof errorCodes;
export type Area = 'cases' | 'benefits' | 'payments' | 'appointments' | 'proxies';

export interface AppErrorDetails {
  area?: Area;
  /** A message that says more than the code's own, and what it is built from. */
  detail?: MessageKey;
  params?: Params;
  /** For a 429: when to try again (the `Retry-After` header). */
  retryAfterSeconds?: number;
}

/**
 * Builds the client-facing error for a code. Request-level codes carry their HTTP status; field
 * errors keep 200 so the rest of a partial result still reaches the client.
 */
export function appError(code: ErrorCode, details: AppErrorDetails = {}): GraphQLError {
  const { status } = errorCodes[code];
  const headerList: [string, string][] = [];
  // RFC 6750: a 401 names the scheme the client should authenticate with.
  if (code === 'UNAUTHENTICATED') headerList.push(['www-authenticate', 'Bearer realm="borger-graph"']);
  if (details.retryAfterSeconds !== undefined) headerList.push(['retry-after', String(details.retryAfterSeconds)]);
  const headers = headerList.length > 0 ? { headers: new HeaderMap(headerList) } : {};
  // Apollo reads `http.headers` as a HeaderMap; typed loosely, as graphql-yoga (in the benchmark's
  // Hive baseline) declares that extension with plain-object headers for every program that loads it.
  const extensions: Record<string, unknown> = {
    code,
    ...(details.area ? { area: details.area } : {}),
    ...(status === 200 ? {} : { http: { status, ...headers } }),
  };
  return new GraphQLError(sayNow(details.detail ?? `error.${code}`, details.params), { extensions });
}

const knownCodes = new Set<string>([
  ...Object.keys(errorCodes),
  // Apollo's own request errors are safe to show as they are.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The only extensions a client ever sees; everything else (stack, upstream response, URLs) is dropped. */
const publicExtensions = ['code', 'area', 'serviceName'] as const;
/** In production the subgraph's name is ours to know: `area` says what a client needs. */
const productionExtensions = ['code', 'area'] as const;

/**
 * Messages from GraphQL itself that can repeat what the client sent (a CPR number in a variable)
 * or say how the server broke, rewritten to say only what is wrong.
 */
function plainMessage(code: string, message: string): string {
  const variable = /^Variable "(\$\w+)" got invalid value/.exec(message);
  if (variable) return sayNow('error.variableInvalid', { variable: variable[1] });
  if (code === 'GRAPHQL_PARSE_FAILED' && !message.startsWith('Syntax Error')) return sayNow('error.parseFailed');
  // A literal of the wrong type is repeated in the message (`holderCpr: 1503721233`): never a CPR number.
  return message.replace(/(?<!\d)\d{6}-?\d{4}(?!\d)/g, '[cpr]');
}

/** graphql-js's parser stops at `maxTokens` with a syntax error of its own wording. */
function stoppedAtTokenLimit(formatted: GraphQLFormattedError): boolean {
  return formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && / tokens\. Parsing aborted\.$/.test(formatted.message);
}

/**
 * Apollo `formatError`: errors with a known code keep their message and the public extensions;
 * anything else, and any internal error, becomes INTERNAL_SERVER_ERROR with no detail, so an
 * unexpected exception can never leak a host name, a query to an index, or personal data.
 */
export function errorFormatter(production: boolean) {
  const shown = production ? productionExtensions : publicExtensions;
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (stoppedAtTokenLimit(formatted)) return { message: sayNow('error.QUERY_TOO_LARGE'), extensions: { code: 'QUERY_TOO_LARGE' } };
    const code = formatted.extensions?.code;
    const path = formatted.path ? { path: formatted.path } : {};
    if (typeof code === 'string' && knownCodes.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const extensions = Object.fromEntries(
        shown.filter((name) => formatted.extensions?.[name] !== undefined).map((name) => [name, formatted.extensions![name]]),
      );
      return { message: plainMessage(code, formatted.message), ...(formatted.locations ? { locations: formatted.locations } : {}), ...path, extensions };
    }
    return { message: sayNow('error.INTERNAL_SERVER_ERROR'), ...path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** The formatter outside production (tests, `npm start`): the subgraph's name helps whoever debugs. */
export const formatError = errorFormatter(false);

/** The code a client is shown for an error, to count or log it by: a known code or INTERNAL_SERVER_ERROR. */
export function shownCode(error: Error): string {
  return String(formatError(error instanceof GraphQLError ? error.toJSON() : { message: '' }).extensions?.code);
}
