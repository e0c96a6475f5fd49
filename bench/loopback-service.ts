import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningService } from '../lib/http-server';

/** A baseline's HTTP server on a free loopback port, as a service the bench drives and stops; `release` frees what the server used. */
export async function serveOnLoopback(server: Server, release: () => Promise<void>): Promise<RunningService> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await release();
    },
  };
}
