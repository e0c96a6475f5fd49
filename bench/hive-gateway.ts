import { readFile } from 'node:fs/promises';
import { createServer, type RequestListener } from 'node:http';
import { serveOnLoopback } from './loopback-service';
import type { SubgraphName } from '../lib/config';
import type { RunningService } from '../lib/http-server';
import { internalContextHeader } from '../lib/internal-context';
import { benchCallerHeader, benchCprHeader, sealContext } from './citizen-context';
import type { Caller } from './scenarios';

/**
 * The part of Hive's API used here, typed by hand: the packages' own typings bring in graphql-yoga's
 * global augmentation of graphql's `GraphQLErrorExtensions` (`http.headers` a plain record), which
 * contradicts lib/errors.ts (a HeaderMap) for the whole program. A plain `require` keeps them out.
 */
interface HiveGatewayConfig {
  supergraph: string;
  unifiedGraphHandler: unknown;
  transportEntries: Record<string, { location: string }>;
  propagateHeaders: {
    fromClientToSubgraphs(payload: { request: Request; subgraphName: string }): Promise<Record<string, string>>;
  };
  logging: false;
  landingPage: false;
  graphiql: false;
}
type HiveGatewayRuntime = RequestListener & { dispose(): Promise<void> };

const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime') as {
  createGatewayRuntime(config: HiveGatewayConfig): HiveGatewayRuntime;
};
const { unifiedGraphHandler } = require('@graphql-hive/router-runtime') as { unifiedGraphHandler: unknown };

/**
 * Hive Gateway (its programmatic runtime behind node:http) with Hive Router's Rust query planner,
 * over the same supergraph and subgraphs as stock. Like stock, its one addition is the sealed
 * internal context on every subgraph request, for the citizen in `x-bench-cpr` and the caller in
 * `x-bench-caller`, sealed per fetch for its subgraph.
 *
 * The context goes on through `propagateHeaders.fromClientToSubgraphs`, not an `onFetch` hook:
 * Hive deduplicates identical in-flight subgraph requests, keyed on URL, body and the propagated
 * headers only, so a header added in `onFetch` (after the key is taken) let one citizen's request
 * be answered with another's data. A propagated context is unique per fetch: nothing is shared.
 */
export async function startHiveGateway(supergraphPath: string, subgraphUrls: Record<SubgraphName, string>): Promise<RunningService> {
  const gateway = createGatewayRuntime({
    supergraph: await readFile(supergraphPath, 'utf8'),
    unifiedGraphHandler,
    // The committed supergraph names the development ports; the run's subgraphs listen elsewhere.
    // The gateway-local audit graph keeps its URL: no scenario reaches it.
    transportEntries: Object.fromEntries(Object.entries(subgraphUrls).map(([name, location]) => [name, { location }])),
    propagateHeaders: {
      fromClientToSubgraphs: async ({ request, subgraphName }) => ({
        [internalContextHeader]: await sealContext(
          String(request.headers.get(benchCprHeader)),
          subgraphName,
          (request.headers.get(benchCallerHeader) as Caller | null) ?? 'citizen',
        ),
      }),
    },
    logging: false,
    landingPage: false,
    graphiql: false,
  });
  return serveOnLoopback(createServer(gateway), () => gateway.dispose());
}
