import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse } from 'msw';
import { CorrectionOwners } from './data-owners/corrections';
import { createDataset, type Dataset } from './fixtures/dataset';
import { CallRecorder } from './indexes/call-recorder';
import { Faults } from './indexes/faults';
import { createIndexHandlers } from './indexes/handlers';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  dataset?: Dataset;
}

export interface RunningSimulator {
  url: string;
  port: number;
  dataset: Dataset;
  recorder: CallRecorder;
  faults: Faults;
  /** The data owners' correction intake: what arrived, how soon it is answered, whether it is up. */
  corrections: CorrectionOwners;
  close(): Promise<void>;
}

async function toFetchRequest(request: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    for (const each of [value ?? []].flat()) headers.append(key, each);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(new URL(request.url ?? '/', origin), {
    method: request.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}

/** The national indexes as a real HTTP server, answering with the same msw handlers tests use. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const dataset = options.dataset ?? createDataset();
  const recorder = new CallRecorder();
  const faults = new Faults();
  const corrections = new CorrectionOwners(dataset);
  const handlers = [...createIndexHandlers(dataset, recorder, '*', faults), ...corrections.handlers()];
  const sockets = new Set<Socket>();
  let origin = '';

  const server = createServer((request, response) => {
    const respond = async () => {
      if (request.method === 'GET' && request.url === '/healthz') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        return;
      }
      const answer = await getResponse(handlers, await toFetchRequest(request, origin));
      if (!answer) {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"fejl":"Ukendt adresse"}');
        return;
      }
      // msw's network error: cut the connection, as a broken TLS change or a crash would.
      if (answer.type === 'error') {
        request.socket.destroy();
        return;
      }
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    };
    respond().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  // Hanging faults never answer; closing must not wait for them.
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;
  return {
    url: origin,
    port,
    dataset,
    recorder,
    faults,
    corrections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
