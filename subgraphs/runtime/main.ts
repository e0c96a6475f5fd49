import { subgraphConfig } from '../../lib/config';
import { runService } from '../../lib/run';
import { startSubgraph, type SubgraphDefinition } from './server';

/** The entry point of one subgraph process, configured from the environment. */
export function runSubgraph<TRecord>(definition: SubgraphDefinition<TRecord>): void {
  runService(`subgraph ${definition.name}`, () => startSubgraph(definition, subgraphConfig(definition.name)));
}
