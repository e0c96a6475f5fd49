import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { INVALID_SPAN_CONTEXT, trace, SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { Resource } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

/**
 * OpenTelemetry traces across gateway, subgraphs and upstream calls, with W3C trace context on
 * every hop. Off unless an OTLP endpoint is configured (or a test asks for an in-memory exporter).
 * Spans name indexes, paths and outcomes only: never a CPR number, a token or a query's variables.
 * Apollo's gateway adds its own request, plan and fetch spans (for the operations its executor runs)
 * once a provider is registered; the instrumentations add HTTP (server and, through undici,
 * client), PostgreSQL and Redis spans and carry the trace context from hop to hop.
 */
export const tracer = trace.getTracer('borger-graph');

let started = false;

/**
 * The release running: the package.json of the working directory, which is the repository root
 * under `npm start` and in tests, and /app in the image (deploy/Dockerfile copies it there; the
 * compiled code under dist/ has no package.json beside it).
 */
function releaseVersion(): string {
  return (JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string }).version;
}

function register(service: string, exporter: SpanExporter, batch: boolean): void {
  if (started) return;
  started = true;
  // Named here, not found by resource detectors: the cloud and host detectors ask metadata
  // endpoints over the network, and nothing but spans to our own collector may leave.
  const resource = new Resource({ [ATTR_SERVICE_NAME]: service, [ATTR_SERVICE_VERSION]: releaseVersion() });
  const provider = new BasicTracerProvider({ resource });
  provider.addSpanProcessor(withoutClientAddresses);
  provider.addSpanProcessor(batch ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter));
  provider.register({ contextManager: new AsyncLocalStorageContextManager().enable(), propagator: new W3CTraceContextPropagator() });
}

/** Where the HTTP instrumentation records who called: an IP address can identify a citizen. */
const clientAddressAttributes = ['net.peer.ip', 'http.client_ip', 'client.address', 'network.peer.address'];

/**
 * Drops the caller's address from server spans before any exporter sees them. The HTTP
 * instrumentation sets it both when a request starts and when it is answered, so no hook can
 * keep it out; this processor runs first on every ended span.
 */
const withoutClientAddresses: SpanProcessor = {
  onStart: () => undefined,
  onEnd: (span) => {
    if (span.kind !== SpanKind.SERVER) return;
    for (const key of clientAddressAttributes) delete (span.attributes as Record<string, unknown>)[key];
  },
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/** A request's path without its query string, which for a GET holds the query and its variables. */
function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://service.invalid').pathname;
}

/** Spans of the libraries we talk through, each told to record what identifies the call and no data. */
function libraryInstrumentations() {
  return [
    new HttpInstrumentation({
      // Probes and scrapes come every few seconds and would bury the requests.
      ignoreIncomingRequestHook: (request) => pathOf(request) !== '/graphql',
      // These replace the URL attributes the instrumentation takes from the request line.
      startIncomingSpanHook: (request) => {
        const path = pathOf(request);
        return { 'http.target': path, 'http.url': `http://${request.headers.host ?? 'localhost'}${path}` };
      },
    }),
    // undici carries gateway -> subgraph calls (the engine's agent) and subgraph -> index calls (Node's
    // fetch); both publish on its diagnostics channels. Their URLs are configured bases and fixed
    // paths; the CPR numbers travel in the POST bodies.
    new UndiciInstrumentation(),
    // Every statement is parameterised: db.statement is the SQL text, the values stay out
    // (enhancedDatabaseReporting is off). Start-up migrations outside a request make no traces.
    new PgInstrumentation({ requireParentSpan: true }),
    // Keys are keyed hashes and values sealed, but the command name says all a trace needs.
    new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
  ];
}

/**
 * Exports by OTLP over HTTP when an endpoint is configured; otherwise tracing stays off. The
 * instrumentations patch `http`, `pg` and `ioredis` when they are required, so a process calls
 * this before it loads the modules that use them (see the entry points).
 */
export function startTracing(service: string, otlpEndpoint: string | undefined): void {
  if (!otlpEndpoint) return;
  register(service, new OTLPTraceExporter({ url: `${otlpEndpoint.replace(/\/$/, '')}/v1/traces` }), true);
  registerInstrumentations({ instrumentations: libraryInstrumentations() });
}

/** For tests: every finished span, in memory. */
export function startTracingInMemory(): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  register('test', exporter, false);
  return exporter;
}

/** What `work` is given while tracing is off: a span that records nothing. */
const untraced = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** Runs `work` inside a new span that records failure; the span is active for everything inside. */
export async function inSpan<T>(name: string, attributes: Record<string, string>, work: (span: Span) => Promise<T>): Promise<T> {
  // Off, the API's no-op tracer would still make a span and enter a context on every request and index call.
  if (!started) return work(untraced);
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
