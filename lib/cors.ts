import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for the gateway's browser callers (`CORS_ALLOWED_ORIGINS`). An allowed origin is echoed
 * back, never `*`, and no `Access-Control-Allow-Credentials` is sent: callers authenticate with a
 * bearer token in `Authorization`, not cookies. Any other origin gets no CORS headers, and its
 * preflight a 403, so the browser refuses the call. CORS is the browser's rule, not access
 * control: a request without `Origin` (a server, curl) is served as before, and a simple
 * cross-origin request is still stopped by Apollo's CSRF prevention (a GET or a non-JSON POST
 * must carry a header that forces a preflight, e.g. `apollo-require-preflight`).
 */
export interface CorsOptions {
  allowedOrigins: readonly string[];
}

export const corsAllowedMethods = ['GET', 'POST'];
export const corsAllowedHeaders = ['authorization', 'content-type', 'accept', 'accept-language', 'x-request-id', 'apollo-require-preflight'];
export const corsExposedHeaders = ['x-request-id', 'retry-after', 'content-language'];
/** How long a browser may reuse a preflight's answer. */
const preflightMaxAgeSeconds = 600;

/**
 * Sets the CORS headers a request's origin is due; answers a preflight itself. Returns true when
 * the response has been sent (a preflight), false when the request goes on as usual.
 */
export function applyCors(options: CorsOptions, request: IncomingMessage, response: ServerResponse): boolean {
  // The answer depends on the origin, so shared caches must keep origins apart.
  response.setHeader('vary', 'Origin');
  const origin = request.headers.origin;
  const allowed = origin !== undefined && options.allowedOrigins.includes(origin);
  const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
  if (allowed) response.setHeader('access-control-allow-origin', origin);
  if (!preflight) {
    if (allowed) response.setHeader('access-control-expose-headers', corsExposedHeaders.join(', '));
    return false;
  }
  if (!allowed) {
    response.writeHead(403);
    response.end();
    return true;
  }
  response.writeHead(204, {
    'access-control-allow-methods': corsAllowedMethods.join(', '),
    'access-control-allow-headers': corsAllowedHeaders.join(', '),
    'access-control-max-age': String(preflightMaxAgeSeconds),
  });
  response.end();
  return true;
}
