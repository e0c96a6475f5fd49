import { OwnRedis } from '../support/redis';
import { breakAuditStore, startStack, type Stack } from '../support/stack';

const readiness = async (stack: Stack) => {
  const response = await fetch(stack.gatewayUrl.replace('/graphql', '/readyz'));
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, unknown> } };
};

describe("the gateway's readiness", () => {
  it('reports the audit store, Redis and every subgraph up when all are', async () => {
    const stack = await startStack();
    try {
      expect(await readiness(stack)).toEqual({
        status: 200,
        body: {
          status: 'ready',
          checks: { audit: 'up', redis: 'none', subgraphs: { cases: 'up', benefits: 'up', payments: 'up', appointments: 'up', proxies: 'up' } },
        },
      });
    } finally {
      await stack.close();
    }
  });

  it('stays ready with a subgraph down, which it names: the other areas still answer', async () => {
    const stack = await startStack();
    try {
      await stack.stopSubgraph('payments');
      const { status, body } = await readiness(stack);
      expect(status).toBe(200);
      expect(body.checks.subgraphs).toMatchObject({ payments: 'down', cases: 'up' });
    } finally {
      await stack.close();
    }
  });

  it('stays ready with Redis down, which it names: the limits let requests through and the cache misses', async () => {
    const redis = await OwnRedis.start();
    const stack = await startStack({ env: { REDIS_URL: redis.url } });
    try {
      await redis.stop();
      const { status, body } = await readiness(stack);
      expect(status).toBe(200);
      expect(body.checks.redis).toBe('down');
    } finally {
      await stack.close();
    }
  });

  it('is not ready when the audit store cannot record: no personal data may leave unrecorded', async () => {
    const stack = await startStack();
    try {
      await breakAuditStore(stack);
      const { status, body } = await readiness(stack);
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'not ready', checks: { audit: 'down' } });
    } finally {
      await stack.close();
    }
  });
});
