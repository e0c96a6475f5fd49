import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

/** What a browser page on another origin meets (CORS), and the development IDE at /graphiql. */
describe('browser access to the gateway', () => {
  const allowed = 'http://localhost:5173';
  const other = 'https://evil.example';
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack({ env: { NODE_ENV: 'development', CORS_ALLOWED_ORIGINS: `${allowed},http://127.0.0.1:5173` } });
    token = await tokenFor(stack, 'thomas');
  });
  afterAll(() => stack.close());

  const preflight = (origin: string) =>
    fetch(stack.gatewayUrl, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it("answers an allowed origin's preflight with 204 and that origin, never *", async () => {
    const response = await preflight(allowed);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')?.split(', ')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id']),
    );
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it("gives an allowed origin's POST the origin and the exposed headers", async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { id } }', { token, headers: { origin: allowed } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id, retry-after, content-language');
    expect(response.headers.get('vary')).toMatch(/Origin.*Accept-Language|Accept-Language.*Origin/);
  });

  it('refuses another origin its preflight (403) and gives it no CORS headers at all', async () => {
    const refused = await preflight(other);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const response = await postGraphQL(stack.gatewayUrl, '{ me { id } }', { token, headers: { origin: other } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
  });

  it('serves GraphiQL at /graphiql with its script and style from the gateway itself', async () => {
    const origin = new URL(stack.gatewayUrl).origin;
    const response = await fetch(`${origin}/graphiql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(urls).toHaveLength(5);
    for (const url of urls) {
      expect(url).toMatch(/^\/graphiql\//);
      const asset = await fetch(`${origin}${url}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      await asset.arrayBuffer();
    }
  });
});

describe('browser access in production', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => stack.close());

  it('has no GraphiQL (404)', async () => {
    const origin = new URL(stack.gatewayUrl).origin;
    expect((await fetch(`${origin}/graphiql`)).status).toBe(404);
    expect((await fetch(`${origin}/graphiql/graphiql.min.js`)).status).toBe(404);
  });

  it('allows no origin when CORS_ALLOWED_ORIGINS is unset', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
