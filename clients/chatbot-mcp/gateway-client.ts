import { operations, type OperationName } from './operations';

/**
 * Calls the gateway as the citizen's chatbot: the citizen's delegated token (never a CPR of its
 * own), Danish answers. Nothing here logs, and no failure carries the token, the gateway's
 * message or a stack: a failure is one of a few kinds the tools turn into plain Danish.
 */
export type TokenSource = string | (() => string | Promise<string>);

/** Why the gateway gave no usable answer. */
export type Problem =
  /** The token is missing, expired or not valid: the citizen must log in again. */
  | 'login'
  /** The token is valid but may not read this (e.g. not a chatbot token for a citizen). */
  | 'forbidden'
  /** Too many questions for now. */
  | 'busy'
  /** The gateway or a source could not answer. */
  | 'unavailable';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; area?: string };
}

export type GatewayResult<T> = { ok: true; data: T; errors: GraphQLErrorShape[] } | { ok: false; problem: Problem };

export interface GatewayClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://api.example.dk/graphql`. */
  gatewayUrl: string;
  /** The citizen's delegated (chatbot) access token, or a function giving the current one. */
  token: TokenSource;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const loginCodes = new Set(['UNAUTHENTICATED']);
const forbiddenCodes = new Set(['FORBIDDEN', 'INSUFFICIENT_ASSURANCE', 'PROXY_NOT_VALID', 'CONSENT_NOT_VALID']);
const busyCodes = new Set(['RATE_LIMITED', 'CITIZEN_LIMIT_REACHED', 'QUERY_BUDGET_EXHAUSTED', 'SERVER_BUSY']);

export function problemFor(status: number, codes: readonly (string | undefined)[]): Problem {
  if (status === 401 || codes.some((code) => code && loginCodes.has(code))) return 'login';
  if (status === 429 || codes.some((code) => code && busyCodes.has(code))) return 'busy';
  if (status === 403 || codes.some((code) => code && forbiddenCodes.has(code))) return 'forbidden';
  return 'unavailable';
}

export function createGatewayClient(options: GatewayClientOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  return async function run<T>(operationName: OperationName, variables?: Record<string, unknown>): Promise<GatewayResult<T>> {
    let token: string;
    try {
      token = typeof options.token === 'function' ? await options.token() : options.token;
    } catch {
      return { ok: false, problem: 'login' };
    }
    if (!token) return { ok: false, problem: 'login' };
    let status: number;
    let body: { data?: T | null; errors?: GraphQLErrorShape[] };
    try {
      const response = await fetchImpl(options.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          'accept-language': 'da',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ operationName, documentId: operations[operationName], variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      body = (await response.json()) as typeof body;
    } catch {
      // Network failure, timeout or a body that is not JSON: its message may name hosts, so it is dropped.
      return { ok: false, problem: 'unavailable' };
    }
    const errors = Array.isArray(body?.errors) ? body.errors : [];
    if (status !== 200 || !body?.data) return { ok: false, problem: problemFor(status, errors.map((error) => error.extensions?.code)) };
    const refusal = errors.map((error) => error.extensions?.code).find((code) => code && (loginCodes.has(code) || forbiddenCodes.has(code)));
    if (refusal) return { ok: false, problem: problemFor(status, [refusal]) };
    return { ok: true, data: body.data, errors };
  };
}

export type GatewayClient = ReturnType<typeof createGatewayClient>;

/** Whether one of the answer's errors concerns this field of `citizenContext` (a source that did not answer). */
export function failedField(errors: readonly GraphQLErrorShape[], field: string): boolean {
  return errors.some((error) => error.path?.[0] === 'citizenContext' && (error.path.length === 1 || error.path[1] === field));
}
