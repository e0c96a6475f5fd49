import { personas } from '../../mocks/fixtures/personas';
import { mintToken } from '../../mocks/identity/dev-issuer';
import { postGraphQL } from '../support/graphql-client';
import { persistedDocumentsPath, persistedOperations, registeredOperations } from '../support/persisted';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

describe('abuse limits at the gateway', () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack({ env: { MAX_QUERY_DEPTH: '6', MAX_ALIASES: '3', MAX_QUERY_COST: '3000', RATE_LIMIT_PER_MINUTE: '1000' } });
    token = await tokenFor(stack, 'thomas');
  });
  afterAll(() => stack.close());

  const refusedWith = async (query: string, code: string, variables?: Record<string, unknown>) => {
    const response = await postGraphQL(stack.gatewayUrl, query, { token, variables });
    expect(response.status).toBe(400);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors![0].extensions!.code).toBe(code);
    return response;
  };

  it('refuses a query nested too deeply, such as one walking the proxy cycle', async () => {
    await refusedWith(
      '{ me { proxies { representedCitizen { proxies { representedCitizen { proxies { representedCitizen { id } } } } } } } }',
      'QUERY_TOO_DEEP',
    );
  });

  it('accepts the deepest everyday query', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { benefits { case { contact { office } } } } }', { token });
    expect(response.status).toBe(200);
  });

  it('refuses too many aliases', () => refusedWith('{ a: me { id } b: me { id } c: me { id } d: me { id } }', 'TOO_MANY_ALIASES'));

  it('refuses a query that could build too many objects', () =>
    refusedWith('{ me { cases(first: 500) { contact { office } documents { title } } } }', 'QUERY_TOO_COSTLY'));

  it('counts a list size given in the variables too', () =>
    refusedWith('query ($n: Int!) { me { cases(first: $n) { contact { office } documents { title } } } }', 'QUERY_TOO_COSTLY', { n: 500 }));

  it('refuses the proxy cycle through a chain of 12 named fragments, as it refuses it inline', () => {
    const fragments = Array.from(
      { length: 12 },
      (_, index) => `fragment F${index + 1} on Citizen { proxies(first: 500) { representedCitizen { ${index < 11 ? `...F${index + 2}` : 'id'} } } }`,
    );
    return refusedWith(`query { me { ...F1 } }\n${fragments.join('\n')}`, 'QUERY_TOO_DEEP');
  });

  it('counts a list size from a variable default', () =>
    refusedWith('query ($n: Int = 500) { me { cases(first: $n) { contact { office } documents { title } } } }', 'QUERY_TOO_COSTLY'));

  it('stops parsing a document longer than the token limit', () => refusedWith(`{ me { ${'id '.repeat(3000)} } }`, 'QUERY_TOO_LARGE'));

  it('refuses batched operations in one request', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a cross-site GET without a preflight header (CSRF)', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(400);
  });
});

describe('the rate limit', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => stack.close());

  it('answers 429 with Retry-After once a caller exceeds it, and only that caller', async () => {
    const thomas = await tokenFor(stack, 'thomas');
    const statuses = [];
    for (let request = 0; request < 4; request += 1) statuses.push((await postGraphQL(stack.gatewayUrl, '{ me { id } }', { token: thomas })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await postGraphQL(stack.gatewayUrl, '{ me { id } }', { token: thomas });
    expect(limited.body.errors![0].extensions!.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const karen = await postGraphQL(stack.gatewayUrl, '{ me { id } }', { token: await tokenFor(stack, 'karen') });
    expect(karen.status).toBe(200);
  });

  it('gives two citizens on the same chatbot a bucket each', async () => {
    const chatbotFor = (cpr: string) => mintToken({ kind: 'chatbot', clientId: 'aarhus-borgerbot', subjectCpr: cpr }, { issuer: stack.issuer.url });
    const context = '{ citizenContext { openCases { title } } }';
    const thomasBot = await chatbotFor(personas.thomas.cpr);
    for (let request = 0; request < 3; request += 1) await postGraphQL(stack.gatewayUrl, context, { token: thomasBot });
    expect((await postGraphQL(stack.gatewayUrl, context, { token: thomasBot })).status).toBe(429);
    expect((await postGraphQL(stack.gatewayUrl, context, { token: await chatbotFor(personas.karen.cpr) })).status).toBe(200);
  });
});

describe('the cost budget per caller', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { COST_BUDGET_PER_MINUTE: '1000' } });
  });
  afterAll(() => stack.close());

  it('refuses with 429 and Retry-After once a caller has asked for more than a minute allows, and only that caller', async () => {
    // Each costs 1 + 300 × 2 = 601 of the 1,000: the second goes over.
    const costly = '{ me { cases(first: 300) { contact { office } } } }';
    const thomas = await tokenFor(stack, 'thomas');
    expect((await postGraphQL(stack.gatewayUrl, costly, { token: thomas })).status).toBe(200);
    const refused = await postGraphQL(stack.gatewayUrl, costly, { token: thomas });
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0].extensions!.code).toBe('QUERY_BUDGET_EXHAUSTED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await postGraphQL(stack.gatewayUrl, costly, { token: await tokenFor(stack, 'karen') })).status).toBe(200);
  });
});

describe('the limit per client address, before any token is checked', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100' } });
  });
  afterAll(() => stack.close());

  it('throttles 1,000 requests with forged tokens', async () => {
    const statuses: number[] = [];
    for (let batch = 0; batch < 20; batch += 1) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => postGraphQL(stack.gatewayUrl, '{ me { id } }', { token: 'forged.token.value' })));
      statuses.push(...answers.map((answer) => answer.status));
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(100);
    expect(statuses.filter((status) => status === 429)).toHaveLength(900);
  });
});

describe('the limit per client address behind a trusted proxy', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '2', TRUSTED_PROXY_HOPS: '1' } });
  });
  afterAll(() => stack.close());

  const from = (address: string) => postGraphQL(stack.gatewayUrl, '{ me { id } }', { token: 'forged.token.value', headers: { 'x-forwarded-for': address } }).then((answer) => answer.status);

  it('counts each client the proxy names, not the proxy itself', async () => {
    expect([await from('198.51.100.1'), await from('198.51.100.1'), await from('198.51.100.1')]).toEqual([401, 401, 429]);
    expect(await from('198.51.100.2')).toBe(401);
  });

  it('cannot be dodged by a client writing addresses of its own in front', async () => {
    const statuses = [];
    for (const invented of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) statuses.push(await from(`${invented}, 198.51.100.3`));
    expect(statuses).toEqual([401, 401, 429]);
  });
});

describe('production mode', () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack({ env: { NODE_ENV: 'production', PERSISTED_OPERATIONS_PATH: persistedDocumentsPath } });
    token = await tokenFor(stack, 'thomas');
  });
  afterAll(() => stack.close());

  const post = (body: unknown) =>
    fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const codeOf = async (response: Response) => ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code;

  it('runs a registered operation named only by its document id or APQ hash', async () => {
    const { id } = persistedOperations.CitizenOverview;
    for (const body of [{ documentId: id }, { extensions: { persistedQuery: { version: 1, sha256Hash: id.slice('sha256:'.length) } } }]) {
      const response = await post(body);
      const json = (await response.json()) as { data?: { me?: { id?: string } }; errors?: unknown[] };
      expect(response.status).toBe(200);
      expect(json.errors).toBeUndefined();
      expect(json.data?.me?.id).toBeTruthy();
    }
  });

  it('refuses a document id the manifest does not have', async () => {
    const response = await post({ documentId: `sha256:${'0'.repeat(64)}` });
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
  });

  it('refuses a registered operation sent as text, asking for its document id', async () => {
    const response = await post({ query: persistedOperations.CitizenOverview.query });
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });

  it('refuses a document sent as text beside a registered id', async () => {
    const response = await post({ documentId: persistedOperations.CitizenOverview.id, query: '{ me { id } }' });
    expect(await codeOf(response)).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });

  it('refuses an operation in a GET request', async () => {
    const url = `${stack.gatewayUrl}?query=${encodeURIComponent('{ me { id } }')}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });

  it('refuses introspection', async () => {
    const operations = await startStack({ env: { NODE_ENV: 'production' } });
    try {
      const response = await postGraphQL(operations.gatewayUrl, '{ __schema { types { name } } }', { token: await tokenFor(operations, 'thomas') });
      expect(response.status).toBe(400);
      expect(response.text).not.toContain('Citizen');
    } finally {
      await operations.close();
    }
  });

  it('suggests no field names in a validation error', async () => {
    const operations = await startStack({ env: { NODE_ENV: 'production' } });
    try {
      const response = await postGraphQL(operations.gatewayUrl, '{ me { case { id } } }', { token: await tokenFor(operations, 'thomas') });
      expect(response.status).toBe(400);
      expect(response.text).not.toMatch(/Did you mean/);
    } finally {
      await operations.close();
    }
  });
});

describe('the gateway metrics', () => {
  it('count requests by registered operation and outcome, errors by code, and rate-limit refusals', async () => {
    const stack = await startStack({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const token = await tokenFor(stack, 'thomas');
      const manifest = { operations: registeredOperations };
      await postGraphQL(stack.gatewayUrl, manifest.operations.CitizenOverview, { token });
      await postGraphQL(stack.gatewayUrl, 'query SomethingRandom1234 { me { id } }', { token });
      await postGraphQL(stack.gatewayUrl, '{ me { id } }', { token });
      const metrics = await (await fetch(stack.gatewayUrl.replace('/graphql', '/metrics'))).text();
      expect(metrics).toMatch(/graphql_requests_total\{operation="CitizenOverview",outcome="ok"\} \d+/);
      expect(metrics).toMatch(/graphql_request_duration_seconds_count\{operation="other"\} \d+/);
      expect(metrics).not.toContain('SomethingRandom1234');
      expect(metrics).toMatch(/rate_limit_refusals_total\{limit="caller"\} \d+/);
    } finally {
      await stack.close();
    }
  });
});
