import { personas } from '../../mocks/fixtures/personas';
import { postGraphQL } from '../support/graphql-client';
import { nestedOverview as overview, onePerIndex } from '../support/overview';
import { tokenFor } from '../support/personas';
import { dumpRedis, flushRedis, OwnRedis, testRedisUrl } from '../support/redis';
import { startStack, type Stack } from '../support/stack';


describe('index answers cached in Redis', () => {
  const redisUrl = testRedisUrl(15);
  let stack: Stack;
  let thomasToken: string;

  beforeAll(async () => {
    // A generous command timeout, deadline and freshness: fifty overviews at once in one test
    // process on two busy cores take longer than the 2.5 s deadline and the proxies' 5 s TTL, and a
    // timed-out read or an expired entry would (rightly) make the call counts vary. What is tested
    // here is the number of index calls.
    stack = await startStack({
      env: {
        REDIS_URL: redisUrl,
        REDIS_COMMAND_TIMEOUT_MS: '2000',
        REQUEST_DEADLINE_MS: '9000',
        CACHE_TTL_SECONDS: 'cases=120,benefits=120,payments=120,appointments=120,proxies=120,person=120',
      },
    });
    thomasToken = await tokenFor(stack, 'thomas');
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await flushRedis(redisUrl);
    stack.simulator.recorder.reset();
  });

  const thomasOverview = () => postGraphQL(stack.gatewayUrl, overview, { token: thomasToken });

  it("cost one call per index (and appointment source) for thomas's cold overview, nested references included", async () => {
    const response = await thomasOverview();
    expect(response.body.errors).toBeUndefined();
    expect(stack.simulator.recorder.snapshot()).toEqual(onePerIndex);
  });

  it('cost no upstream call for the same overview warm, with the same answer', async () => {
    const cold = await thomasOverview();
    stack.simulator.recorder.reset();
    const warm = await thomasOverview();
    expect(stack.simulator.recorder.total()).toBe(0);
    expect(warm.body).toEqual(cold.body);
  });

  it('cost one call per index (and appointment source) for 50 identical overviews arriving at once', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => thomasOverview()));
    for (const response of responses) expect(response.body.errors).toBeUndefined();
    expect(stack.simulator.recorder.snapshot()).toEqual(onePerIndex);
  });

  it('hold no CPR number, no name and no record in clear, in any key or value', async () => {
    await thomasOverview();
    await postGraphQL(stack.gatewayUrl, overview, { token: await tokenFor(stack, 'karen') });
    const { keys, values } = await dumpRedis(redisUrl);
    expect(keys.length).toBeGreaterThan(0);
    const dataset = stack.simulator.dataset;
    const secrets = [
      ...dataset.persons.flatMap((person) => [person.cpr, person.navn, person.adresse]),
      ...dataset.cases.flatMap((record) => [record.sagId, record.titel ?? record.sagId]),
      ...dataset.proxies.map((proxy) => proxy.fuldmagtshaver.navn),
    ];
    for (const text of [...keys, ...values]) for (const secret of secrets) expect(text).not.toContain(secret);
    for (const key of keys) expect(key).toMatch(/^bg:v1:((cases|benefits|payments|appointments|proxies|person|rate|reach|seal):[A-Za-z0-9_-]+|audit:checkpoints)$/);
  });

  it("never serves one citizen another's cached data", async () => {
    const karenToken = await tokenFor(stack, 'karen');
    const thomasCold = await thomasOverview();
    const karenWarmish = await postGraphQL(stack.gatewayUrl, overview, { token: karenToken });
    const thomasWarm = await thomasOverview();
    const karenWarm = await postGraphQL(stack.gatewayUrl, overview, { token: karenToken });
    const caseIds = (body: typeof thomasCold.body) => (body.data as { me: { cases: { id: string }[] } }).me.cases.map((c) => c.id);
    expect(caseIds(thomasWarm.body)).toEqual(caseIds(thomasCold.body));
    expect(caseIds(karenWarm.body)).toEqual(caseIds(karenWarmish.body));
    for (const id of caseIds(karenWarm.body)) expect(caseIds(thomasWarm.body)).not.toContain(id);
    expect(thomasWarm.text).not.toContain(personas.karen.cpr);
  });
});

describe('a Redis that goes away', () => {
  let redis: OwnRedis;
  let stack: Stack;
  let token: string;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    stack = await startStack({ env: { REDIS_URL: redis.url } });
    token = await tokenFor(stack, 'thomas');
  });
  afterAll(async () => {
    await stack.close();
    await redis.stop();
  });

  const callsFor = async () => {
    stack.simulator.recorder.reset();
    const response = await postGraphQL(stack.gatewayUrl, overview, { token });
    return { response, calls: stack.simulator.recorder.total() };
  };

  it('costs nothing but upstream calls while it is down, and is used again when it is back', async () => {
    const cold = await callsFor();
    expect((await callsFor()).calls).toBe(0);

    await redis.stop();
    const whileDown = await callsFor();
    expect(whileDown.response.body.errors).toBeUndefined();
    expect(whileDown.response.body).toEqual(cold.response.body);
    // Without the cache each subgraph request searches every index its rules read, once: cases
    // for the cases list, the proxies' bound case, the benefits', payments' and appointments'
    // lineage, and the two nested references (a benefit's case; a payment's benefit and its case);
    // and each appointment source system once.
    await callsFor();
    expect(stack.simulator.recorder.snapshot()).toEqual({ cases: 7, benefits: 3, payments: 1, appointments: onePerIndex.appointments, proxies: 1 });

    await redis.start();
    let calls = -1;
    for (let attempt = 0; attempt < 50 && calls !== 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      calls = (await callsFor()).calls;
    }
    expect(calls).toBe(0);
  });
});

describe('a change made through the graph', () => {
  const redisUrl = testRedisUrl(14);
  let stack: Stack;
  beforeAll(async () => {
    await flushRedis(redisUrl);
    stack = await startStack({ env: { REDIS_URL: redisUrl, REDIS_COMMAND_TIMEOUT_MS: '2000' } });
  });
  afterAll(() => stack.close());

  it('removes the cached answers it makes wrong: a revoked proxy shows as revoked at once', async () => {
    const token = await tokenFor(stack, 'thomas');
    const proxies = async () =>
      (await postGraphQL<{ me: { proxies: { id: string; revokedAt: string | null }[] } }>(stack.gatewayUrl, '{ me { proxies { id revokedAt } } }', { token })).body.data!.me.proxies;
    const [before] = await proxies();
    expect(before.revokedAt).toBeNull();

    const revoked = await postGraphQL(stack.gatewayUrl, 'mutation ($id: ID!) { revokeProxy(id: $id) { id revokedAt } }', {
      token,
      variables: { id: before.id },
    });
    expect(revoked.body.errors).toBeUndefined();

    const [after] = await proxies();
    expect(after.revokedAt).toEqual(expect.any(String));
  });

  it('refuses to revoke a proxy the citizen did not grant', async () => {
    const response = await postGraphQL(stack.gatewayUrl, 'mutation { revokeProxy(id: "FM-0002") { id } }', {
      token: await tokenFor(stack, 'thomas'),
    });
    expect(response.body.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
