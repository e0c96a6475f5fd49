import 'reflect-metadata';
import { runSubgraph } from '../runtime/main';
import { benefitsSubgraph } from './subgraph';

runSubgraph(benefitsSubgraph);
