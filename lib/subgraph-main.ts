import { subgraphConfig } from './config';
import { runService } from './run';
import { startSubgraph, type SubgraphDefinition } from './subgraph';

/** The entry point of one subgraph process, configured from the environment. */
export function runSubgraph<TLoaders>(definition: SubgraphDefinition<TLoaders>): void {
  runService(`subgraph ${definition.name}`, () => startSubgraph(definition, subgraphConfig(definition.name)));
}
