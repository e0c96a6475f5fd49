import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

const overview = `{ me { id
  cases { id title progress }
  benefits { id name case { id } }
  payments { id amount { amount } benefit { id } }
  appointments { id title }
  proxies { id holder { name } }
} }`;

const codesOf = (responses: GraphQLResponse[]) => responses.flatMap((response) => (response.body.errors ?? []).map((error) => error.extensions?.code));

describe('a gateway whose work queue is full', () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack({ env: { MAX_CONCURRENT_REQUESTS: '2', MAX_QUEUED_REQUESTS: '5', REQUEST_DEADLINE_MS: '5000' } });
    token = await tokenFor(stack, 'thomas');
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.simulator.faults.set('payments', { kind: 'latency', ms: 1500 }));
  afterEach(() => stack.simulator.faults.clear());

  it('answers its health probes before any of the queued work is done', async () => {
    const finished: string[] = [];
    const work = Array.from({ length: 7 }, () => postGraphQL(stack.gatewayUrl, overview, { token }).then(() => finished.push('overview')));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const probes = ['/healthz', '/readyz'].map((path) =>
      fetch(stack.gatewayUrl.replace('/graphql', path)).then((response) => finished.push(`${path} ${response.status}`)),
    );
    await Promise.all([...work, ...probes]);
    expect(finished.slice(0, 2).sort()).toEqual(['/healthz 200', '/readyz 200']);
  });

  it('refuses what does not fit in the queue at once, with 503 SERVER_BUSY and Retry-After', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, () => postGraphQL(stack.gatewayUrl, overview, { token })));
    const busy = responses.filter((response) => response.status === 503);
    expect(busy).toHaveLength(5);
    for (const response of busy) {
      expect(response.body.errors![0].extensions!.code).toBe('SERVER_BUSY');
      expect(response.headers.get('retry-after')).toBe('1');
    }
    expect(responses.filter((response) => response.status === 200)).toHaveLength(7);
  });
});

describe('200 overviews at once on a machine whose cores are all busy', () => {
  let stack: Stack;
  let burners: ChildProcess[];
  beforeAll(async () => {
    stack = await startStack();
    burners = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  });
  afterAll(async () => {
    for (const burner of burners) burner.kill('SIGKILL');
    await stack.close();
  });

  it('end without an INTERNAL_SERVER_ERROR: each is an answer, a named upstream error or SERVER_BUSY', async () => {
    const tokens = await Promise.all((['thomas', 'karen', 'amir', 'sara'] as const).map((persona) => tokenFor(stack, persona)));
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) => postGraphQL(stack.gatewayUrl, overview, { token: tokens[index % tokens.length] })),
    );
    expect(codesOf(responses)).not.toContain('INTERNAL_SERVER_ERROR');
    for (const response of responses) expect([200, 503]).toContain(response.status);
  }, 60_000);
});
