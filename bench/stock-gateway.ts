import { readFile } from 'node:fs/promises';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { SubgraphName } from '../lib/config';
import type { RunningService } from '../lib/http-server';
import { internalContextHeader } from '../lib/internal-context';
import { benchCallerHeader, benchCprHeader, sealContext } from './citizen-context';
import type { Caller } from './scenarios';

interface StockContext {
  cpr: string;
  caller: Caller;
}

/**
 * Apollo Gateway as its documentation sets it up (standalone server, default fetcher, no auth,
 * no plugins) over the same supergraph and subgraphs. Its one addition: the sealed internal
 * context on every subgraph request, for the citizen named in `x-bench-cpr` and the caller in
 * `x-bench-caller`, without which the
 * subgraphs refuse to answer. Sealed per fetch for its subgraph, as our gateway does.
 */
export async function startStockGateway(supergraphPath: string, subgraphUrls: Record<SubgraphName, string>): Promise<RunningService> {
  const server = new ApolloServer<StockContext>({
    gateway: new ApolloGateway({
      supergraphSdl: await readFile(supergraphPath, 'utf8'),
      buildService: ({ name, url }) =>
        new RemoteGraphQLDataSource<StockContext>({
          // The gateway-local audit graph has no URL here; no scenario reaches it.
          url: subgraphUrls[name as SubgraphName] ?? url,
          async willSendRequest({ request, context }) {
            request.http?.headers.set(internalContextHeader, await sealContext(context.cpr, name, context.caller));
          },
        }),
    }),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async ({ req }) => ({
      cpr: String(req.headers[benchCprHeader]),
      caller: (req.headers[benchCallerHeader] as Caller | undefined) ?? 'citizen',
    }),
  });
  return { url: `${url}graphql`, port: Number(new URL(url).port), close: () => server.stop() };
}
