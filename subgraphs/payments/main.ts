import 'reflect-metadata';
import { runSubgraph } from '../../lib/subgraph-main';
import { paymentsSubgraph } from './subgraph';

runSubgraph(paymentsSubgraph);
