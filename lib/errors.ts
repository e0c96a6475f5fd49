import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The one error policy: every error a client can see has a stable `extensions.code` from this
 * list, a plain message, and where it concerns one data area, that area. Nothing else (no
 * stack, no upstream host, no personal data) leaves a service.
 */
export const errorCodes = {
  UNAUTHENTICATED: { status: 401, message: 'A valid access token is required.' },
  FORBIDDEN: { status: 200, message: 'This caller may not use this operation.' },
  NOT_FOUND: { status: 200, message: 'There is no such record for you.' },
  FORBIDDEN_AREA: { status: 200, message: 'You have no access to this area.' },
  INTERNAL_CONTEXT_INVALID: { status: 401, message: 'This service only answers the gateway.' },
  UPSTREAM_TIMEOUT: { status: 200, message: 'The source did not answer in time.' },
  UPSTREAM_UNAVAILABLE: { status: 200, message: 'The source is unavailable right now.' },
  UPSTREAM_BAD_RESPONSE: { status: 200, message: 'The source answered with data we could not read.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  BAD_USER_INPUT: { status: 200, message: 'An argument is out of range.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'Something went wrong on our side.' },
} as const;

export type ErrorCode = keyof typeof errorCodes;
export type Area = 'cases' | 'benefits' | 'payments' | 'appointments' | 'proxies';

export interface AppErrorDetails {
  area?: Area;
  message?: string;
}

/**
 * Builds the client-facing error for a code. Request-level codes carry their HTTP status; field
 * errors keep 200 so the rest of a partial result still reaches the client.
 */
export function appError(code: ErrorCode, details: AppErrorDetails = {}): GraphQLError {
  const { status, message } = errorCodes[code];
  return new GraphQLError(details.message ?? message, {
    extensions: {
      code,
      ...(details.area ? { area: details.area } : {}),
      ...(status === 200 ? {} : { http: { status } }),
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

/**
 * Apollo `formatError`: known codes pass through without stack traces; anything else becomes
 * INTERNAL_SERVER_ERROR with no message detail, so an unexpected exception can never leak a host
 * name, a query to an index, or personal data.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && knownCodes.has(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: errorCodes.INTERNAL_SERVER_ERROR.message,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
