import { subgraphConfig } from '../../lib/config';
import { runService } from '../../lib/run';
import { startTracing } from '../../lib/tracing';
import type { SubgraphDefinition } from './server';

/** The entry point of one subgraph process, configured from the environment. */
export function runSubgraph<TRecord>(definition: SubgraphDefinition<TRecord>): void {
  runService(`subgraph ${definition.name}`, async () => {
    const config = subgraphConfig(definition.name);
    startTracing(`subgraph-${definition.name}`, config.otlpEndpoint);
    // Loaded only now, so the tracing instrumentations patch http and ioredis as they are required.
    const { startSubgraph } = await import('./server');
    return startSubgraph(definition, config);
  });
}
