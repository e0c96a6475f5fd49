import 'reflect-metadata';
import { runSubgraph } from '../../lib/subgraph-main';
import { benefitsSubgraph } from './subgraph';

runSubgraph(benefitsSubgraph);
