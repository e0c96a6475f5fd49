import 'reflect-metadata';
import { runSubgraph } from '../../lib/subgraph-main';
import { appointmentsSubgraph } from './subgraph';

runSubgraph(appointmentsSubgraph);
