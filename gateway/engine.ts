import { ApolloGateway, LocalGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';
import { Counter } from 'prom-client';
import { Agent } from 'undici';
import type { SubgraphName } from '../lib/config';
import { registry } from '../lib/metrics';
import { compiledOperations, type KnownRoots } from './engine/compiled-operations';
import { useGatewayRequestContext } from './engine/gateway-request-context';
import { subgraphPost } from './engine/subgraph-post';
import { SubgraphSource, type SubgraphHooks } from './engine/subgraph-source';

export { gatewayMarginMs } from './engine/subgraph-post';

/**
 * The only module that knows which federation engine runs the query plans (with its helpers in
 * gateway/engine/). Apollo's gateway is under the Elastic License 2.0; an operator who needs an MIT
 * engine swaps this file (see docs/decisions/0001-federation-engine.md). Auth, limits and audit
 * never import the engine.
 */
export interface EngineOptions<TContext> extends SubgraphHooks<TContext> {
  supergraphSdl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** Subgraphs the gateway serves itself (the access log), by name. */
  localSubgraphs: Record<string, GraphQLSchema>;
  /**
   * Operations run by plans compiled once per operation (gateway/engine/compiled-operations.ts);
   * false runs every operation through Apollo's executor. Both fetch through the same data sources.
   */
  compiledPlans: boolean;
  /**
   * Root fields whose entity the gateway knows before asking (`me`: the citizen the token is for):
   * the compiled plans start the fetches that need only that entity together with the root field's.
   */
  knownRoots?: KnownRoots<TContext>;
}

const executions = new Counter({
  name: 'gateway_executions_total',
  help: "Operations run, by executor: 'compiled' (a plan compiled once per operation) or 'apollo' (Apollo's gateway executor).",
  labelNames: ['executor'] as const,
  registers: [registry],
});

export function createEngine<TContext>(options: EngineOptions<TContext>): GatewayInterface {
  // Otherwise Apollo's gateway runs cloud resource detectors (requests to metadata endpoints) and
  // reports usage to Apollo every hour: nothing of this deployment goes to a third party.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  useGatewayRequestContext();
  // One pool of kept-alive connections per subgraph, for as long as the engine runs.
  const agent = new Agent();
  const post = subgraphPost(agent);
  const sources = new Map<string, GraphQLDataSource>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const local = options.localSubgraphs[name];
      // The URL comes from configuration, never from the committed supergraph.
      const source = local ? new LocalGraphQLDataSource(local) : new SubgraphSource(name, options.subgraphUrls[name as SubgraphName], post, options);
      sources.set(name, source);
      return source;
    },
  });
  return {
    async load(load) {
      const { executor: apollo } = await gateway.load(load);
      if (!apollo) return { executor: null };
      const compiled = options.compiledPlans ? compiledOperations(options.supergraphSdl, sources, options.knownRoots) : undefined;
      return {
        executor: (requestContext) => {
          const running = compiled?.execute(requestContext);
          executions.inc({ executor: running ? 'compiled' : 'apollo' });
          return running ?? apollo(requestContext);
        },
      };
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    async stop() {
      await gateway.stop();
      await agent.close();
    },
  };
}
