import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracingInMemory } from '../../lib/tracing';
import { personas } from '../../mocks/fixtures/personas';
import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

describe('a trace of one request', () => {
  const exporter = startTracingInMemory();
  let stack: Stack;
  let spans: ReadableSpan[];

  beforeAll(async () => {
    stack = await startStack({ env: { CACHE_ENABLED: 'false' } });
    exporter.reset();
    await postGraphQL(stack.gatewayUrl, '{ me { cases { id } payments { id } } }', { token: await tokenFor(stack, 'thomas') });
    spans = exporter.getFinishedSpans();
  });
  afterAll(() => stack.close());

  const services = () => spans.filter((span) => span.name === 'graphql.request').map((span) => span.attributes.service);

  it('has spans for the gateway, the subgraphs and the upstream calls', () => {
    expect(services()).toEqual(expect.arrayContaining(['gateway', 'subgraph-cases', 'subgraph-payments', 'subgraph-proxies']));
    expect(spans.filter((span) => span.name === 'upstream.call').map((span) => span.attributes.index)).toEqual(
      expect.arrayContaining(['cases', 'payments']),
    );
  });

  it('keeps one trace id across every hop', () => {
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
  });

  it('carries no personal data in any span', () => {
    const everything = JSON.stringify(spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events })));
    for (const persona of Object.values(personas)) expect(everything).not.toContain(persona.cpr);
    expect(everything).not.toMatch(/Bearer|SAG-T751/);
  });
});
