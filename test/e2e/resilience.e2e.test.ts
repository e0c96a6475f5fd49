import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';
import { waitUntil } from '../support/wait';

const overview = `{ me {
  cases { id } benefits { id } appointments { id }
  payments { id } paymentsFreshness { asOf stale }
} }`;
type Overview = {
  me: {
    cases: unknown[] | null;
    benefits: unknown[] | null;
    appointments: unknown[] | null;
    payments: unknown[] | null;
    paymentsFreshness: { asOf: string; stale: boolean } | null;
  };
};

const paymentsError = (response: GraphQLResponse<Overview>) =>
  response.body.errors?.find((error) => error.extensions?.area === 'payments');

describe('a bad day on the service platform', () => {
  let stack: Stack;
  let token: string;
  const ask = () => postGraphQL<Overview>(stack.gatewayUrl, overview, { token });

  beforeAll(async () => {
    stack = await startStack({
      env: {
        REQUEST_DEADLINE_MS: '1500',
        UPSTREAM_TIMEOUT_MS: '600',
        BREAKER_FAILURE_THRESHOLD: '3',
        BREAKER_OPEN_MS: '400',
        // Stale answers are served when the index fails; the TTL is short so the tests see it.
        CACHE_TTL_SECONDS: 'cases=0,benefits=0,payments=0,appointments=0,proxies=0,person=0',
        CACHE_STALE_WHILE_REVALIDATE_SECONDS: '0',
      },
    });
    token = await tokenFor(stack, 'thomas');
  });
  afterAll(() => stack.close());
  afterEach(() => stack.simulator.faults.clear());

  it('answers within the deadline with every other area when payments hang', async () => {
    const coldStack = await startStack({ env: { REQUEST_DEADLINE_MS: '1500', UPSTREAM_TIMEOUT_MS: '600', CACHE_ENABLED: 'false' } });
    coldStack.simulator.faults.set('payments', { kind: 'hang' });
    try {
      const started = performance.now();
      const response = await postGraphQL<Overview>(coldStack.gatewayUrl, overview, { token: await tokenFor(coldStack, 'thomas') });
      expect(performance.now() - started).toBeLessThan(2500);
      const { me } = response.body.data!;
      expect(me.cases!.length).toBeGreaterThan(0);
      expect(me.benefits!.length).toBeGreaterThan(0);
      expect(me.appointments!.length).toBeGreaterThan(0);
      expect(me.payments).toBeNull();
      expect(paymentsError(response)?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', area: 'payments' });
    } finally {
      await coldStack.close();
    }
  });

  it('shows the cached payments, marked stale with their age, when the payments index is down', async () => {
    const fresh = await ask();
    expect(fresh.body.data!.me.paymentsFreshness!.stale).toBe(false);
    stack.simulator.faults.set('payments', { kind: 'error', status: 503 });
    const response = await ask();
    expect(response.body.data!.me.payments).toEqual(fresh.body.data!.me.payments);
    expect(response.body.data!.me.paymentsFreshness).toEqual({ asOf: fresh.body.data!.me.paymentsFreshness!.asOf, stale: true });
  });

  it('gives a clear error for a malformed answer, and keeps serving', async () => {
    const noCache = await startStack({ env: { CACHE_ENABLED: 'false' } });
    try {
      const thomas = await tokenFor(noCache, 'thomas');
      noCache.simulator.faults.set('payments', { kind: 'malformed' });
      const broken = await postGraphQL<Overview>(noCache.gatewayUrl, overview, { token: thomas });
      expect(paymentsError(broken)?.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', area: 'payments' });
      expect(broken.body.data!.me.cases!.length).toBeGreaterThan(0);
      noCache.simulator.faults.clear();
      const healed = await postGraphQL<Overview>(noCache.gatewayUrl, overview, { token: thomas });
      expect(healed.body.errors).toBeUndefined();
    } finally {
      await noCache.close();
    }
  });

  it('opens the breaker after repeated failures, and closes it once the index is back', async () => {
    const noCache = await startStack({ env: { CACHE_ENABLED: 'false', BREAKER_FAILURE_THRESHOLD: '2', BREAKER_OPEN_MS: '300' } });
    try {
      const thomas = await tokenFor(noCache, 'thomas');
      const paymentsCalls = () => noCache.simulator.recorder.count('payments');
      noCache.simulator.faults.set('payments', { kind: 'reset' });
      const failing = await postGraphQL<Overview>(noCache.gatewayUrl, overview, { token: thomas });
      expect(paymentsError(failing)?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', area: 'payments' });

      // The first request failed twice (one retry): the breaker is open and the index is spared.
      const before = paymentsCalls();
      const refused = await postGraphQL<Overview>(noCache.gatewayUrl, overview, { token: thomas });
      expect(paymentsError(refused)?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
      expect(paymentsCalls()).toBe(before);

      noCache.simulator.faults.clear();
      await new Promise((resolve) => setTimeout(resolve, 350));
      const recovered = await postGraphQL<Overview>(noCache.gatewayUrl, overview, { token: thomas });
      expect(recovered.body.errors).toBeUndefined();
      expect(recovered.body.data!.me.payments!.length).toBeGreaterThan(0);
    } finally {
      await noCache.close();
    }
  });

  it('never shows a stack trace or an internal host name in an error', async () => {
    const production = await startStack({ env: { NODE_ENV: 'production', CACHE_ENABLED: 'false' } });
    try {
      production.simulator.faults.set('payments', { kind: 'reset' });
      const response = await postGraphQL(production.gatewayUrl, overview, { token: await tokenFor(production, 'thomas') });
      expect(response.body.errors!.length).toBeGreaterThan(0);
      expect(response.text).not.toMatch(/127\.0\.0\.1|localhost|stacktrace|\bat [\w.]+ \(/);
    } finally {
      await production.close();
    }
  });
});

describe('shutting down', () => {
  it('finishes the requests under way before it stops', async () => {
    const stack = await startStack({ env: { CACHE_ENABLED: 'false' } });
    stack.simulator.faults.set('payments', { kind: 'latency', ms: 400 });
    const pending = postGraphQL<Overview>(stack.gatewayUrl, '{ me { cases { id } payments { id } } }', { token: await tokenFor(stack, 'thomas') });
    // Under way once both subgraphs have asked their index (payments then waits 400 ms): a fixed
    // pause raced a loaded machine, where the request had not yet reached them when the close began.
    const underWay = () => stack.simulator.recorder.count('cases') > 0 && stack.simulator.recorder.count('payments') > 0;
    await waitUntil(underWay, 10_000, 10);
    const closing = stack.close();
    const response = await pending;
    await closing;
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.me.payments!.length).toBeGreaterThan(0);
  });
});
