import { randomBytes } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import manifest from '../../clients/generated/persisted-documents.json';
import { persistedOperationsByName } from '../../gateway/plugins/persisted-operations';
import { externalService } from '../../lib/external-services';
import { s256Challenge } from '../identity/pkce';

/**
 * An example external service, as a bank or a budgeting app would be: the registered client
 * `budget-app` (config/clients.json). It sends the citizen to the identity provider's consent page
 * (authorization code with PKCE), exchanges the code for a token, and reads the citizen's payments
 * through the gateway on that token, as long as the consent lasts. Development only, for
 * `npm start`; it keeps its sessions in memory and trusts nothing it is sent back.
 */

export interface BudgetAppOptions {
  host?: string;
  /** The issuer's base URL (its /authorize and /token). */
  issuerUrl: string;
  /** The gateway's GraphQL URL. */
  gatewayUrl: string;
  clientId?: string;
}

export interface RunningBudgetApp {
  url: string;
  close(): Promise<void>;
}

interface Payment {
  id: string;
  kind: string;
  amount: { amount: string; currency: string };
  paymentDate: string | null;
  payingAuthority: { name: string };
}

/** Registered (clients/generated/persisted-documents.json) and sent by id, as production takes it. */
const paymentsDocumentId = persistedOperationsByName(new Map(Object.entries(manifest))).ServicePayments!.id;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

function send(response: ServerResponse, status: number, title: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    ...headers,
  });
  response.end(`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}td,th{padding:.2rem .6rem;text-align:left}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`);
}

export async function startBudgetApp(options: BudgetAppOptions): Promise<RunningBudgetApp> {
  const clientId = options.clientId ?? 'budget-app';
  const registration = externalService(clientId);
  if (!registration) throw new Error(`${clientId} is not a registered service`);
  const redirectUri = registration.redirectUris[0];
  const callback = new URL(redirectUri);
  /** Authorization requests under way, by state: the verifier never leaves this process but for /token. */
  const started = new Map<string, { verifier: string; at: number }>();
  /** Access tokens by session cookie. */
  const sessions = new Map<string, string>();

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', redirectUri);
    const session = /(?:^|;\s*)budget=([A-Za-z0-9_-]{43})/.exec(request.headers.cookie ?? '')?.[1];
    void (async () => {
      if (url.pathname === '/' && request.method === 'GET') {
        const connected = session !== undefined && sessions.has(session);
        send(
          response,
          200,
          registration.name,
          `<p>${escapeHtml(registration.purpose)}</p>
<p><a href="/connect">Hent mine udbetalinger fra det offentlige</a> (du giver samtykke hos MitID-stand-in'en)</p>
${connected ? '<p><a href="/budget">Se mit budget</a></p>' : ''}`,
        );
        return;
      }
      if (url.pathname === '/connect' && request.method === 'GET') {
        const verifier = randomBytes(32).toString('base64url');
        const state = randomBytes(16).toString('base64url');
        started.set(state, { verifier, at: Date.now() });
        const authorize = new URL('/authorize', options.issuerUrl);
        for (const [name, value] of Object.entries({
          response_type: 'code',
          client_id: clientId,
          redirect_uri: redirectUri,
          scope: url.searchParams.get('scope') ?? 'payments',
          state,
          code_challenge: s256Challenge(verifier),
          code_challenge_method: 'S256',
        })) {
          authorize.searchParams.set(name, value);
        }
        response.writeHead(303, { location: authorize.toString() });
        response.end();
        return;
      }
      if (url.pathname === callback.pathname && request.method === 'GET') {
        const state = url.searchParams.get('state') ?? '';
        const flow = started.get(state);
        started.delete(state);
        const code = url.searchParams.get('code');
        if (!flow || Date.now() - flow.at > 10 * 60_000 || !code) {
          send(response, 400, 'Ingen forbindelse', `<p>Ingen adgang: ${escapeHtml(url.searchParams.get('error') ?? 'ukendt forespørgsel')}.</p><p><a href="/">Tilbage</a></p>`);
          return;
        }
        const exchanged = await fetch(new URL('/token', options.issuerUrl), {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: flow.verifier }),
        });
        const token = (await exchanged.json()) as { access_token?: string; error?: string };
        if (!exchanged.ok || !token.access_token) {
          send(response, 502, 'Ingen forbindelse', `<p>Udstederen afviste: ${escapeHtml(token.error ?? String(exchanged.status))}.</p>`);
          return;
        }
        const id = randomBytes(32).toString('base64url');
        sessions.set(id, token.access_token);
        response.writeHead(303, { location: '/budget', 'set-cookie': `budget=${id}; HttpOnly; SameSite=Lax; Path=/` });
        response.end();
        return;
      }
      if (url.pathname === '/budget' && request.method === 'GET') {
        const token = session === undefined ? undefined : sessions.get(session);
        if (!token) {
          send(response, 200, registration.name, '<p>Du er ikke forbundet. <a href="/connect">Forbind</a></p>');
          return;
        }
        const answer = await fetch(options.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ documentId: paymentsDocumentId }),
        });
        const body = (await answer.json()) as { data?: { me: { payments: Payment[] | null } } | null; errors?: { message: string; extensions?: { code?: string } }[] };
        const payments = body.data?.me.payments ?? null;
        if (!payments) {
          const error = body.errors?.[0];
          send(response, 200, registration.name, `<p>Vi kan ikke læse dine udbetalinger: ${escapeHtml(error?.message ?? 'ukendt fejl')} (${escapeHtml(error?.extensions?.code ?? '')})</p><p><a href="/connect">Forbind igen</a></p>`);
          return;
        }
        const rows = payments
          .map((payment) => `<tr><td>${escapeHtml(payment.paymentDate ?? '—')}</td><td>${escapeHtml(payment.payingAuthority.name)}</td><td>${escapeHtml(payment.kind)}</td><td>${escapeHtml(payment.amount.amount)} ${escapeHtml(payment.amount.currency)}</td></tr>`)
          .join('');
        send(response, 200, registration.name, `<table><tr><th>Dato</th><th>Fra</th><th>Art</th><th>Beløb</th></tr>${rows}</table><p><a href="/">Forside</a></p>`);
        return;
      }
      send(response, 404, 'Ikke fundet', '');
    })().catch(() => {
      if (!response.headersSent) send(response, 500, 'Fejl', '<p>Noget gik galt.</p>');
      else response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(callback.port), options.host ?? callback.hostname, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${callback.hostname}:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
