import { createHook } from 'node:async_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { budgetHeader } from '../../lib/internal-context';
import { gatewayMarginMs, subgraphPost } from './subgraph-post';

/** A local subgraph stand-in answering with `handle`; it counts the connections it was opened. */
async function startSubgraph(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void) {
  let connections = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, Buffer.concat(chunks).toString('utf8'), response));
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    connections: () => connections,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((closed) => server.close(() => closed()));
    },
  };
}

const headers = (budgetMs: number) => ({ 'content-type': 'application/json', [budgetHeader]: String(budgetMs) });
const body = '{"query":"{ __typename }"}';

/** The delays (ms) of the timers `work` started that are still pending, keeping the process alive or not, once it is done. */
async function timersLeftBy(work: () => Promise<void>): Promise<number[]> {
  // Node's Timeout keeps its delay in `_idleTimeout`.
  const pending = new Map<number, { _idleTimeout: number }>();
  const hook = createHook({
    init: (id, type, _trigger, timer) => {
      if (type === 'Timeout') pending.set(id, timer as { _idleTimeout: number });
    },
    destroy: (id) => pending.delete(id),
  }).enable();
  try {
    await work();
    // A timer's end is reported on the next turn of the event loop.
    await new Promise((turn) => setImmediate(turn));
  } finally {
    hook.disable();
  }
  return [...pending.values()].map((timer) => timer._idleTimeout);
}

describe('the POST to a subgraph', () => {
  let agent: Agent;
  const post = (url: string, budgetMs: number) => subgraphPost(agent)(url, headers(budgetMs), body);
  beforeEach(() => {
    agent = new Agent();
  });
  afterEach(() => agent.close());

  it('sends the request to the subgraph and reads its whole answer', async () => {
    const subgraph = await startSubgraph((request, sent, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'private' });
      response.end(JSON.stringify({ data: { method: request.method, budget: request.headers[budgetHeader], sent } }));
    });
    try {
      const answer = await post(subgraph.url, 900);
      expect(answer).toMatchObject({ status: 200, url: subgraph.url, headers: { 'content-type': 'application/json', 'cache-control': 'private' } });
      expect(JSON.parse(answer.body)).toEqual({ data: { method: 'POST', budget: '900', sent: body } });
    } finally {
      await subgraph.close();
    }
  });

  it('hands back an error status with its body, for the data source to judge', async () => {
    const subgraph = await startSubgraph((_request, _body, response) => {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
    });
    try {
      const answer = await post(subgraph.url, 900);
      expect(answer).toMatchObject({ status: 503, statusText: 'Service Unavailable', body: 'busy' });
    } finally {
      await subgraph.close();
    }
  });

  it('gives up on a subgraph that does not answer once the budget and the margin are spent, with a TimeoutError', async () => {
    const subgraph = await startSubgraph(() => undefined);
    try {
      const started = performance.now();
      await expect(post(subgraph.url, 150)).rejects.toMatchObject({ name: 'TimeoutError' });
      const waited = performance.now() - started;
      expect(waited).toBeGreaterThanOrEqual(150 + gatewayMarginMs - 5);
      expect(waited).toBeLessThan(150 + gatewayMarginMs + 200);
    } finally {
      await subgraph.close();
    }
  });

  it('gives up on an answer whose body stops coming before it is complete', async () => {
    const subgraph = await startSubgraph((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":');
    });
    try {
      await expect(post(subgraph.url, 150)).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      await subgraph.close();
    }
  });

  it('fails a refused connection with an error that is not a timeout', async () => {
    const subgraph = await startSubgraph(() => undefined);
    await subgraph.close();
    const failure = await post(subgraph.url, 900).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ECONNREFUSED' });
    expect(failure).not.toMatchObject({ name: 'TimeoutError' });
  });

  it('leaves no timer for its budget behind once a call has been answered or given up', async () => {
    const subgraph = await startSubgraph((request, _body, response) => {
      if (request.headers[budgetHeader] === '900') response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
    });
    try {
      const left = await timersLeftBy(async () => {
        for (let call = 0; call < 5; call += 1) {
          await post(subgraph.url, 900);
          await post(subgraph.url, 50).catch(() => undefined);
        }
      });
      // What may stay are undici's and the server's timers for the idle connections, none per call.
      expect(left).not.toContain(900 + gatewayMarginMs);
      expect(left).not.toContain(50 + gatewayMarginMs);
    } finally {
      await subgraph.close();
    }
  });

  it('keeps connections to a subgraph alive for the calls that follow', async () => {
    const subgraph = await startSubgraph((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
    });
    try {
      // A call made in the same tick as the last one ended finds that connection not yet free, so a second may open.
      for (let call = 0; call < 10; call += 1) await post(subgraph.url, 900);
      expect(subgraph.connections()).toBeLessThanOrEqual(2);
    } finally {
      await subgraph.close();
    }
  });
});
