import 'reflect-metadata';
import { runSubgraph } from '../../lib/subgraph-main';
import { casesSubgraph } from './subgraph';

runSubgraph(casesSubgraph);
