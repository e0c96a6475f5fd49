import 'reflect-metadata';
import { runSubgraph } from '../runtime/main';
import { paymentsSubgraph } from './subgraph';

runSubgraph(paymentsSubgraph);
