import { connect } from '../../gateway/audit/sql';
import { AuditStore } from '../../gateway/audit/store';
import { personas } from '../../mocks/fixtures/personas';
import { mintCitizenToken } from '../../mocks/identity/dev-issuer';
import { postGraphQL } from '../support/graphql-client';
import { nestedOverview as overview, onePerIndex } from '../support/overview';
import { startProcessStack, type ProcessStack } from '../support/process-stack';
import { flushRedis, testRedisUrl } from '../support/redis';

/**
 * Scale-out on one machine, as deployed: two gateways and two of each subgraph, each its own
 * process, sharing one Redis and one audit database. What must not change with replicas: the
 * upstream cost, the rate limit, and the audit chain.
 */

const requestsPerMinute = 6;

describe('two gateways and two of each subgraph sharing Redis and PostgreSQL', () => {
  const redisUrl = testRedisUrl(10);
  let stack: ProcessStack;
  const tokenOf = (persona: keyof typeof personas) => mintCitizenToken(personas[persona].cpr, { issuer: stack.issuer.url });
  const overviewVia = async (replica: number, token: string) => postGraphQL(stack.gatewayUrls[replica]!, overview, { token });

  beforeAll(async () => {
    await flushRedis(redisUrl);
    stack = await startProcessStack(
      {
        REDIS_URL: redisUrl,
        RATE_LIMIT_PER_MINUTE: String(requestsPerMinute),
        RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10000',
        // Processes on two busy cores: generous time, so a slow answer never turns into a second index call.
        REDIS_COMMAND_TIMEOUT_MS: '2000',
        REQUEST_DEADLINE_MS: '9000',
        CACHE_TTL_SECONDS: 'cases=120,benefits=120,payments=120,appointments=120,proxies=120,person=120',
      },
      { replicas: 2 },
    );
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await flushRedis(redisUrl);
  });
  beforeEach(() => stack.simulator.recorder.reset());

  it("answers thomas's overview warm from the other replica, without another index call", async () => {
    const token = await tokenOf('thomas');
    const cold = await overviewVia(0, token);
    expect(cold.body.errors).toBeUndefined();
    expect(stack.simulator.recorder.snapshot()).toEqual(onePerIndex);
    stack.simulator.recorder.reset();
    const warm = await overviewVia(1, token);
    expect(stack.simulator.recorder.total()).toBe(0);
    expect(warm.body).toEqual(cold.body);
  });

  it("costs one call per index for amir's overview asked through both gateways at once", async () => {
    const token = await tokenOf('amir');
    const answers = await Promise.all(Array.from({ length: requestsPerMinute }, (_, index) => overviewVia(index % 2, token)));
    expect(answers.map(({ status }) => status)).toEqual(Array(requestsPerMinute).fill(200));
    expect(stack.simulator.recorder.snapshot()).toEqual(onePerIndex);
  });

  it("counts ole's requests against one limit whichever gateway takes them", async () => {
    const token = await tokenOf('ole');
    const statuses: number[] = [];
    for (let index = 0; index < requestsPerMinute + 2; index += 1) statuses.push((await overviewVia(index % 2, token)).status);
    expect(statuses).toEqual([...Array(requestsPerMinute).fill(200), 429, 429]);
  });

  it('leaves an audit chain that verifies after both gateways wrote to it at once', async () => {
    const citizens = ['thomas', 'sara', 'karen', 'sister', 'lawyer'] as const;
    const tokens = await Promise.all(citizens.map(tokenOf));
    const answers = await Promise.all(tokens.flatMap((token) => [overviewVia(0, token), overviewVia(1, token)]));
    expect(answers.every(({ status }) => status === 200)).toBe(true);
    const sql = await connect(stack.databaseUrl);
    try {
      const verification = await new AuditStore(sql).verify();
      expect(verification.ok).toBe(true);
      // Every request above, and those of the tests before, each disclosed data and left an event.
      expect(verification.checked).toBeGreaterThanOrEqual(answers.length);
    } finally {
      await sql.close();
    }
  });
});
