import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OAuthClient } from './oauth-server';

/**
 * CORS for the token endpoint: a public client in a browser (the citizen page) posts its code and
 * `code_verifier` to /token from its own origin, and may read the answer only if the issuer says
 * so. Allowed are exactly the origins of the registered public clients' redirect URIs, echoed back,
 * never `*`, and without credentials (the page sends no cookies; the code and verifier are the
 * proof). Any other origin gets no CORS headers, and its preflight a 403.
 */

const preflightMaxAgeSeconds = 600;

/** The origins the registered public clients send the browser back to. */
export function publicClientOrigins(clients: Readonly<Record<string, OAuthClient>>): ReadonlySet<string> {
  return new Set(Object.values(clients).flatMap((client) => (client.kind === 'public' ? client.redirectUris.map((uri) => new URL(uri).origin) : [])));
}

/** Sets the headers a request to /token is due; answers a preflight itself (true when it did). */
export function applyTokenCors(origins: ReadonlySet<string>, request: IncomingMessage, response: ServerResponse): boolean {
  response.setHeader('vary', 'Origin');
  const origin = request.headers.origin;
  const allowed = origin !== undefined && origins.has(origin);
  if (allowed) response.setHeader('access-control-allow-origin', origin);
  if (request.method !== 'OPTIONS') return false;
  if (!allowed || request.headers['access-control-request-method'] !== 'POST') {
    response.writeHead(403);
    response.end();
    return true;
  }
  response.writeHead(204, {
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type, accept',
    'access-control-max-age': String(preflightMaxAgeSeconds),
  });
  response.end();
  return true;
}
