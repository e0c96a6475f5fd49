import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The one error policy: every error a client can see has a stable `extensions.code` from this
 * list, a plain message, and where it concerns one data area, that area. Nothing else (no
 * stack, no upstream host, no personal data) leaves a service.
 */
export const errorCodes = {
  UNAUTHENTICATED: { status: 401, message: 'A valid access token is required.' },
  FORBIDDEN: { status: 200, message: 'This caller may not use this operation.' },
  INSUFFICIENT_ASSURANCE: {
    status: 403,
    message: 'Personal data needs a login at assurance level Substantial or High (MitID).',
  },
  PROXY_NOT_VALID: {
    status: 403,
    message: 'No proxy in force lets you act for this citizen: it may be revoked, expired, or ended with its case.',
  },
  NOT_FOUND: { status: 200, message: 'There is no such record for you.' },
  FORBIDDEN_AREA: { status: 200, message: 'You have no access to this area.' },
  INTERNAL_CONTEXT_INVALID: { status: 401, message: 'This service only answers the gateway.' },
  UPSTREAM_TIMEOUT: { status: 200, message: 'The source did not answer in time.' },
  UPSTREAM_UNAVAILABLE: { status: 200, message: 'The source is unavailable right now.' },
  UPSTREAM_BAD_RESPONSE: { status: 200, message: 'The source answered with data we could not read.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  BAD_USER_INPUT: { status: 200, message: 'An argument is out of range.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  CPR_IN_URL: { status: 400, message: 'Send personal identifiers in a POST body, never in a URL.' },
  QUERY_TOO_DEEP: { status: 400, message: 'The query is nested too deeply.' },
  TOO_MANY_ALIASES: { status: 400, message: 'The query uses too many aliases.' },
  QUERY_TOO_COSTLY: { status: 400, message: 'The query asks for too much at once.' },
  TOO_MANY_DIRECTIVES: { status: 400, message: 'The query uses too many directives.' },
  QUERY_TOO_LARGE: { status: 400, message: 'The query is too long.' },
  QUERY_BUDGET_EXHAUSTED: { status: 429, message: 'You have asked for too much data this minute; try again shortly.' },
  SERVER_BUSY: { status: 503, message: 'The service is busy; try again shortly.' },
  OPERATION_NOT_ALLOWED: { status: 400, message: 'Only registered operations are accepted here.' },
  AUDIT_UNAVAILABLE: {
    status: 503,
    message: 'Your data cannot be shown right now, because we could not record that it was shown. Try again shortly.',
  },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again shortly.' },
  CITIZEN_LIMIT_REACHED: {
    status: 429,
    message: 'You have read as many different citizens this hour as your agreement allows; try again later.',
  },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'Something went wrong on our side.' },
} as const;

export type ErrorCode = keyof typeof errorCodes;
export type Area = 'cases' | 'benefits' | 'payments' | 'appointments' | 'proxies';

export interface AppErrorDetails {
  area?: Area;
  message?: string;
  /** For a 429: when to try again (the `Retry-After` header). */
  retryAfterSeconds?: number;
}

/**
 * Builds the client-facing error for a code. Request-level codes carry their HTTP status; field
 * errors keep 200 so the rest of a partial result still reaches the client.
 */
export function appError(code: ErrorCode, details: AppErrorDetails = {}): GraphQLError {
  const { status, message } = errorCodes[code];
  const headerList: [string, string][] = [];
  // RFC 6750: a 401 names the scheme the client should authenticate with.
  if (code === 'UNAUTHENTICATED') headerList.push(['www-authenticate', 'Bearer realm="borger-graph"']);
  if (details.retryAfterSeconds !== undefined) headerList.push(['retry-after', String(details.retryAfterSeconds)]);
  const headers = headerList.length > 0 ? { headers: new HeaderMap(headerList) } : {};
  return new GraphQLError(details.message ?? message, {
    extensions: {
      code,
      ...(details.area ? { area: details.area } : {}),
      ...(status === 200 ? {} : { http: { status, ...headers } }),
    },
  });
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
  if (variable) return `Variable "${variable[1]}" has an invalid value.`;
  if (code === 'GRAPHQL_PARSE_FAILED' && !message.startsWith('Syntax Error')) return 'The query could not be parsed.';
  return message;
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
    if (stoppedAtTokenLimit(formatted)) return { message: errorCodes.QUERY_TOO_LARGE.message, extensions: { code: 'QUERY_TOO_LARGE' } };
    const code = formatted.extensions?.code;
    const path = formatted.path ? { path: formatted.path } : {};
    if (typeof code === 'string' && knownCodes.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const extensions = Object.fromEntries(
        shown.filter((name) => formatted.extensions?.[name] !== undefined).map((name) => [name, formatted.extensions![name]]),
      );
      return { message: plainMessage(code, formatted.message), ...(formatted.locations ? { locations: formatted.locations } : {}), ...path, extensions };
    }
    return { message: errorCodes.INTERNAL_SERVER_ERROR.message, ...path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** The formatter outside production (tests, `npm start`): the subgraph's name helps whoever debugs. */
export const formatError = errorFormatter(false);
