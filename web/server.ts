import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/**
 * Serves the built citizen page (web/dist): its files, and index.html for every other path, so the
 * issuer's redirect to /callback and a reload of /adgangslog land on the page. index.html tells the
 * page where the gateway and the issuer are (meta tags), and a Content-Security-Policy lets it load
 * only its own files and talk only to those two.
 */
export interface WebServerOptions {
  host?: string;
  port?: number;
  /** The built page. */
  distDir: string;
  /** The gateway's GraphQL URL. */
  gatewayUrl: string;
  /** The issuer's base URL (its /authorize and /token). */
  issuerUrl: string;
}

export interface RunningWebServer {
  url: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function securityHeaders(gatewayUrl: string, issuerUrl: string): Record<string, string> {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src ${new URL(gatewayUrl).origin} ${new URL(issuerUrl).origin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    // The callback's address holds a code for a moment: it must not travel on as a Referer.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const headers = securityHeaders(options.gatewayUrl, options.issuerUrl);
  const root = normalize(options.distDir + sep);
  // Read once: the build does not change under a running server.
  const index = (await readFile(join(root, 'index.html'), 'utf8')).replace(
    '</head>',
    `<meta name="mit-overblik:gateway" content="${escapeAttribute(options.gatewayUrl)}">\n<meta name="mit-overblik:issuer" content="${escapeAttribute(options.issuerUrl)}">\n</head>`,
  );

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://page.invalid').pathname);
    const file = normalize(join(root, path));
    const send = (status: number, type: string, body: string | Buffer, cache: string) => {
      response.writeHead(status, { ...headers, 'content-type': type, 'cache-control': cache });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (path.includes('\0') || !file.startsWith(root)) {
      send(404, 'text/plain; charset=utf-8', 'Ikke fundet', 'no-store');
      return;
    }
    if (extname(path) === '' || path === '/index.html') {
      send(200, contentTypes['.html']!, index, 'no-store');
      return;
    }
    const body = await readFile(file).catch(() => null);
    if (!body) {
      send(404, 'text/plain; charset=utf-8', 'Ikke fundet', 'no-store');
      return;
    }
    // Vite names every asset by its content's hash, so a file under /assets/ never changes.
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    send(200, contentTypes[extname(path)] ?? 'application/octet-stream', body, cache);
  }

  const server = createServer((request, response) => {
    respond(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(400, headers);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
