import 'reflect-metadata';
import { runSubgraph } from '../runtime/main';
import { casesSubgraph } from './subgraph';

runSubgraph(casesSubgraph);
