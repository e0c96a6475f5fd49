import { context, propagation, trace, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

/**
 * OpenTelemetry traces across gateway, subgraphs and upstream calls, with W3C trace context on
 * every hop. Off unless an OTLP endpoint is configured (or a test asks for an in-memory exporter).
 * Spans name indexes, paths and outcomes only: never a CPR number, a token or a query's variables.
 * Apollo's gateway adds its own request, plan and fetch spans once a provider is registered.
 */
export const tracer = trace.getTracer('borger-graph');

let started = false;

function register(exporter: SpanExporter, batch: boolean): void {
  if (started) return;
  started = true;
  const provider = new BasicTracerProvider();
  provider.addSpanProcessor(batch ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter));
  provider.register({ contextManager: new AsyncLocalStorageContextManager().enable(), propagator: new W3CTraceContextPropagator() });
}

/** Exports by OTLP over HTTP when an endpoint is configured; otherwise tracing stays off. */
export function startTracing(otlpEndpoint: string | undefined): void {
  if (otlpEndpoint) register(new OTLPTraceExporter({ url: `${otlpEndpoint.replace(/\/$/, '')}/v1/traces` }), true);
}

/** For tests: every finished span, in memory. */
export function startTracingInMemory(): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  register(exporter, false);
  return exporter;
}

/** The W3C `traceparent` (and `tracestate`) of the active span, to send on an outgoing request. */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The trace context a caller sent, to continue its trace. */
export function incomingTrace(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(context.active(), headers, {
    get: (carrier, key) => {
      const value = carrier[key];
      return Array.isArray(value) ? value[0] : value;
    },
    keys: (carrier) => Object.keys(carrier),
  });
}

/** Runs `work` inside a new span that records failure; the span is active for everything inside. */
export async function inSpan<T>(name: string, attributes: Record<string, string>, work: (span: Span) => Promise<T>, parent?: Context): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, parent ?? context.active(), async (span) => {
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
