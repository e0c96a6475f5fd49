import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createLogger } from './logger';
import { Upstream } from './upstream';

describe('the upstream seam', () => {
  let server: Server;
  let status = 400;
  let baseUrl = '';
  beforeAll(async () => {
    server = createServer((_request, response) => response.writeHead(status, { 'content-type': 'application/json' }).end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const seam = () =>
    new Upstream({ area: 'proxies', baseUrl, timeoutMs: 1000, logger: createLogger('test', 'silent'), breaker: { failureThreshold: 2, openMs: 60_000 } });
  const codesOf = async (upstream: Upstream, times: number) => {
    const codes: unknown[] = [];
    for (let n = 0; n < times; n += 1) codes.push(await upstream.post('/x', {}, z.object({})).catch((error) => error.extensions.code));
    return codes;
  };

  it('does not open its breaker for requests the index refuses as malformed (4xx)', async () => {
    status = 400;
    const upstream = seam();
    await codesOf(upstream, 5);
    status = 200;
    expect(await codesOf(upstream, 1)).toEqual([{}]);
  });

  it('opens its breaker when the index itself fails (5xx)', async () => {
    status = 503;
    const upstream = seam();
    await codesOf(upstream, 3);
    status = 200;
    expect(await codesOf(upstream, 1)).toEqual(['UPSTREAM_UNAVAILABLE']);
  });
});
