import 'reflect-metadata';
import { runSubgraph } from '../runtime/main';
import { proxiesSubgraph } from './subgraph';

runSubgraph(proxiesSubgraph);
