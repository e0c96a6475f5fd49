import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { personas } from '../../mocks/fixtures/personas';
import { mintCitizenToken } from '../../mocks/identity/dev-issuer';
import { postGraphQL } from '../support/graphql-client';
import { startProcessStack, type ProcessStack } from '../support/process-stack';
import { flushRedis, testRedisUrl } from '../support/redis';
import { waitUntil } from '../support/wait';

/**
 * Traces as a collector receives them from the deployed federation: every service its own process
 * (one service.name each), started from its entry point so the instrumentations patch pg and
 * ioredis before they load (Jest's module loader would hide both from them in one process).
 */

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string; boolValue?: boolean; doubleValue?: number };
}
interface OtlpExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { scope: { name: string }; spans: { traceId: string; name: string; kind: number; attributes: OtlpAttribute[] }[] }[];
  }[];
}
interface ExportedSpan {
  service: unknown;
  version: unknown;
  scope: string;
  name: string;
  kind: 'server' | 'client' | 'other';
  traceId: string;
  attributes: Record<string, unknown>;
}

const kinds: Record<number, ExportedSpan['kind']> = { 2: 'server', 3: 'client' };

function attributesOf(attributes: OtlpAttribute[]): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]));
}

function spansIn(payload: string): ExportedSpan[] {
  return (JSON.parse(payload) as OtlpExport).resourceSpans.flatMap(({ resource, scopeSpans }) => {
    const { 'service.name': service, 'service.version': version } = attributesOf(resource.attributes);
    return scopeSpans.flatMap(({ scope, spans }) =>
      spans.map((span) => ({
        service,
        version,
        scope: scope.name,
        name: span.name,
        kind: kinds[span.kind] ?? 'other',
        traceId: span.traceId,
        attributes: attributesOf(span.attributes),
      })),
    );
  });
}

/** Where the services send their spans (OTLP over HTTP, JSON): every payload, as received. */
async function startCollector(): Promise<{ url: string; payloads: string[]; server: Server }> {
  const payloads: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      payloads.push(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, payloads, server };
}

const traceparent = (traceId: string) => `00-${traceId}-${'1'.repeat(16)}-01`;
/** The caller's own trace ids, so each request's spans can be told apart. */
const overviewTrace = 'a'.repeat(32);
const refusedTrace = 'b'.repeat(32);
const release = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('the traces of one request across the federation', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let stack: ProcessStack;
  let spans: ExportedSpan[];
  const inOverview = () => spans.filter((span) => span.traceId === overviewTrace);
  const ofService = (service: string) => inOverview().filter((span) => span.service === service);

  beforeAll(async () => {
    collector = await startCollector();
    const redisUrl = testRedisUrl(11);
    await flushRedis(redisUrl);
    stack = await startProcessStack({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '50', REDIS_URL: redisUrl });
    const token = await mintCitizenToken(personas.thomas.cpr, { issuer: stack.issuer.url });
    await postGraphQL(stack.gatewayUrl, '{ me { cases { id } payments { id } } }', { token, headers: { traceparent: traceparent(overviewTrace) } });
    // Refused for its URL (a CPR number in a GET's variables), but traced all the same.
    const search = new URLSearchParams({ query: '{ me { cases { id } } }', variables: JSON.stringify({ cpr: personas.karen.cpr }) });
    await fetch(`${stack.gatewayUrl}?${search}`, { headers: { traceparent: traceparent(refusedTrace) } });
    // Each process sends its spans in batches: wait until the last hops of both requests are in.
    // A service's HTTP server span ends after everything it did for the request, so it comes last.
    const arrived = () => {
      spans = collector.payloads.flatMap(spansIn);
      const has = (check: (span: ExportedSpan) => boolean) => spans.some(check);
      return (
        has((span) => span.traceId === refusedTrace && span.kind === 'server') &&
        has((span) => span.traceId === overviewTrace && span.attributes['db.system'] === 'postgresql') &&
        ['subgraph-cases', 'subgraph-payments'].every((service) => has((span) => span.service === service && span.attributes['db.system'] === 'redis')) &&
        ['gateway', 'subgraph-cases', 'subgraph-payments', 'subgraph-proxies'].every((service) =>
          has((span) => span.traceId === overviewTrace && span.service === service && span.kind === 'server'),
        )
      );
    };
    await waitUntil(arrived, 15_000, 100);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    collector?.server.close();
  });

  it('names the service and release each span comes from', () => {
    expect(new Set(inOverview().map((span) => span.service))).toEqual(new Set(['gateway', 'subgraph-cases', 'subgraph-payments', 'subgraph-proxies']));
    expect(new Set(spans.map((span) => span.version))).toEqual(new Set([release]));
  });

  it("continues the caller's trace on every hop: no span of the request starts a trace of its own", () => {
    expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set([overviewTrace, refusedTrace]));
  });

  it('has spans of our own for the request and each index call', () => {
    expect(ofService('subgraph-cases').map((span) => span.name)).toEqual(expect.arrayContaining(['graphql.request', 'upstream.call']));
  });

  it('has an HTTP server span in every service and client spans for the calls to subgraphs and indexes', () => {
    for (const service of ['gateway', 'subgraph-cases', 'subgraph-payments', 'subgraph-proxies']) {
      expect(ofService(service).filter((span) => span.kind === 'server')).toHaveLength(1);
    }
    expect(ofService('gateway').filter((span) => span.kind === 'client' && span.attributes['url.path'] === '/graphql').length).toBeGreaterThanOrEqual(3);
    expect(ofService('subgraph-cases').filter((span) => span.kind === 'client').map((span) => span.attributes['url.path'])).toContain('/sagsindeks/v1/sager/soeg');
  });

  it('has a PostgreSQL span for the audit write, with its parameters out of the statement', () => {
    const statements = ofService('gateway')
      .filter((span) => span.attributes['db.system'] === 'postgresql')
      .map((span) => String(span.attributes['db.statement']));
    // The batch travels as the one parameter, never in the statement a trace shows.
    expect(statements).toContainEqual(expect.stringMatching(/INSERT INTO audit_events [\s\S]*FROM jsonb_to_recordset\(\$1::jsonb\)/));
    expect(statements.join('\n')).not.toMatch(/cit_|\d{10}/);
  });

  it('has Redis spans for the cache that name the command alone', () => {
    const statements = ofService('subgraph-cases')
      .filter((span) => span.attributes['db.system'] === 'redis')
      .map((span) => span.attributes['db.statement']);
    expect(statements).toContain('get');
    for (const statement of statements) expect(statement).toMatch(/^[a-z]+$/);
  });

  it("keeps a GET request's query string, and the variables in it, out of its span", () => {
    const [server] = spans.filter((span) => span.traceId === refusedTrace && span.kind === 'server');
    expect(server.attributes).toMatchObject({ 'http.target': '/graphql', 'http.url': expect.stringMatching(/\/graphql$/) });
  });

  it("records no client's IP address: an address can identify a citizen", () => {
    const addressKeys = ['net.peer.ip', 'http.client_ip', 'client.address', 'network.peer.address'];
    const serverSpans = spans.filter((span) => span.kind === 'server');
    expect(serverSpans.length).toBeGreaterThan(0);
    for (const span of serverSpans) for (const key of addressKeys) expect(span.attributes).not.toHaveProperty([key]);
  });

  it('carries no personal data, token or record id in anything exported', () => {
    const everything = collector.payloads.join('\n');
    for (const persona of Object.values(personas)) expect(everything).not.toContain(persona.cpr);
    expect(everything).not.toMatch(/Bearer|eyJ|SAG-T751/);
  });
});
