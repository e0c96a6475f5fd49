import 'reflect-metadata';
import { runSubgraph } from '../runtime/main';
import { appointmentsSubgraph } from './subgraph';

runSubgraph(appointmentsSubgraph);
