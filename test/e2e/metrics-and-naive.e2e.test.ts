import { personas } from '../../mocks/fixtures/personas';
import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

// Asking for a non-key field of the referenced entity makes the gateway resolve it in its subgraph.
const overview = '{ me { cases { id } benefits { id case { id title } } payments { id benefit { id name } } appointments { id } proxies { id } } }';

describe('a subgraph in the naive baseline mode (no batching, no cache)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { BATCHING_ENABLED: 'false', CACHE_ENABLED: 'false' } });
  });
  afterAll(() => stack.close());

  it('asks the index at least once per referenced entity, which is what batching and the cache save', async () => {
    const response = await postGraphQL(stack.gatewayUrl, overview, { token: await tokenFor(stack, 'thomas') });
    expect(response.body.errors).toBeUndefined();
    const { dataset, recorder } = stack.simulator;
    const referencing = (ids: (string | null)[]) => ids.filter(Boolean).length;
    const thomasBenefits = dataset.benefits.filter((record) => record.modtager.cpr === personas.thomas.cpr);
    const thomasPayments = dataset.payments.filter((record) => record.modtager.cpr === personas.thomas.cpr);
    // The rules also look up each payment's benefit and each benefit's case, one call per id here.
    expect(recorder.count('cases', 'batch')).toBeGreaterThanOrEqual(referencing(thomasBenefits.map((record) => record.sagId)));
    expect(recorder.count('benefits', 'batch')).toBeGreaterThanOrEqual(referencing(thomasPayments.map((record) => record.ydelseId)));
  });
});

describe('the metrics a subgraph exposes', () => {
  let stack: Stack;
  let metrics: string;
  beforeAll(async () => {
    stack = await startStack();
    await postGraphQL(stack.gatewayUrl, overview, { token: await tokenFor(stack, 'thomas') });
    metrics = await (await fetch(stack.subgraphUrls.cases.replace('/graphql', '/metrics'))).text();
  });
  afterAll(() => stack.close());

  it('count upstream calls per index and outcome', () => {
    expect(metrics).toMatch(/upstream_calls_total\{index="cases",outcome="ok"\} \d+/);
  });

  it('time upstream calls per index', () => {
    expect(metrics).toMatch(/upstream_latency_seconds_count\{index="cases"\} \d+/);
  });

  it('count cache look-ups per index and result', () => {
    expect(metrics).toMatch(/cache_lookups_total\{index="cases",result="(miss|hit)"\} \d+/);
  });

  it('record DataLoader batch sizes', () => {
    expect(metrics).toMatch(/dataloader_batch_size_count\{index="cases"\} \d+/);
  });

  it('carry no personal data in any label', () => {
    for (const persona of Object.values(personas)) expect(metrics).not.toContain(persona.cpr);
    expect(metrics).not.toMatch(/SAG-|YD-|cit_/);
  });
});

describe('the metrics the gateway exposes', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const unauthenticated = async () => {
    const metrics = await (await fetch(stack.gatewayUrl.replace('/graphql', '/metrics'))).text();
    return Number(/graphql_errors_total\{code="UNAUTHENTICATED"\} (\d+)/.exec(metrics)?.[1] ?? 0);
  };

  it('count a refusal before any query ran by its code: a forged token is one more UNAUTHENTICATED', async () => {
    const before = await unauthenticated();
    const [header, payload] = (await tokenFor(stack, 'thomas')).split('.');
    const response = await postGraphQL(stack.gatewayUrl, '{ me { cases { id } } }', { token: `${header}.${payload}.${'A'.repeat(86)}` });
    expect(response.status).toBe(401);
    expect(await unauthenticated()).toBe(before + 1);
  });
});
