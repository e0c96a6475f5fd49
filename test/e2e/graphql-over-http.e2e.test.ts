import { connect } from 'node:net';
import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

describe('the endpoint speaks GraphQL over HTTP', () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    // A short body timeout, so the slow sender below is cut off quickly.
    stack = await startStack({ env: { REQUEST_BODY_TIMEOUT_MS: '1000' } });
    token = await tokenFor(stack, 'thomas');
  });
  afterAll(() => stack.close());

  it('answers a query sent with GET', async () => {
    const url = `${stack.gatewayUrl}?query=${encodeURIComponent('{ me { id } }')}`;
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { me: { id: string } } }).data.me.id).toMatch(/^cit_/);
  });

  it('refuses a GET that carries a CPR number in its URL', async () => {
    const query = 'query ($cpr: String!) { sharedAppointments(cpr: $cpr) { title } }';
    const url = `${stack.gatewayUrl}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify({ cpr: '1503721233' }))}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('CPR_IN_URL');
  });

  it('refuses a GET of an operation that takes a CPR, even with the number hidden in an escape', async () => {
    const query = '{ sharedAppointments(cpr: "\\u0032202450842") { title } }';
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent(query)}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('CPR_IN_URL');
  });

  it('gives a browser opening the endpoint no page that loads scripts from another host', async () => {
    const response = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/<script[^>]*src="https?:/);
  });

  it('answers a malformed percent-escape in the URL with 400, not a server error', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=%E0%A4%A`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
  });

  it('answers in application/graphql-response+json when asked for it', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { id } }', { token });
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  it('answers in application/json to a client that only accepts that', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { id } }', { token, headers: { accept: 'application/json' } });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses a malformed query with 400 and a parse error', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { id ', { token });
    expect(response.status).toBe(400);
    expect(response.body.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses an unknown field with 400 and a validation error', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { cpr } }', { token });
    expect(response.status).toBe(400);
    expect(response.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await postGraphQL(stack.gatewayUrl, `{ me { id } } # ${'x'.repeat(70_000)}`, { token });
    expect(response.status).toBe(413);
    expect(response.body.errors![0].extensions!.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a sender that stops halfway through its body with 408 and closes the connection', async () => {
    const { hostname, port } = new URL(stack.gatewayUrl);
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.write(`POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`);
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('echoes the request id so a client can quote it', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { id } }', { token, headers: { 'x-request-id': 'support-case-1234' } });
    expect(response.headers.get('x-request-id')).toBe('support-case-1234');
  });

  it('is alive and ready when every subgraph answers', async () => {
    const base = stack.gatewayUrl.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
