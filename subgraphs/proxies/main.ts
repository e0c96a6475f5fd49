import 'reflect-metadata';
import { runSubgraph } from '../../lib/subgraph-main';
import { proxiesSubgraph } from './subgraph';

runSubgraph(proxiesSubgraph);
