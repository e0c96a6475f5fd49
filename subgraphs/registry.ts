import type { SubgraphDefinition } from './runtime/server';
import { appointmentsSubgraph } from './appointments/subgraph';
import { benefitsSubgraph } from './benefits/subgraph';
import { casesSubgraph } from './cases/subgraph';
import { paymentsSubgraph } from './payments/subgraph';
import { proxiesSubgraph } from './proxies/subgraph';

/** Each subgraph has its own upstream record type; a list of them can only say "some record". */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySubgraph = SubgraphDefinition<any>;

/** All five subgraphs, for composition and for running the whole federation in one process. */
export const subgraphs: AnySubgraph[] = [casesSubgraph, benefitsSubgraph, paymentsSubgraph, appointmentsSubgraph, proxiesSubgraph];
