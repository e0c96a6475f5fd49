import type { SubgraphDefinition } from '../runtime/server';
import { Citizen, CitizenContext } from './citizen.type';
import { caseIndex } from './case.index';
import { caseReferences, CitizenCasesResolver, ContextCasesResolver } from './case.resolver';
import { Case } from './case.type';
import type { WireCase } from './upstream.contract';

export const casesSubgraph: SubgraphDefinition<WireCase> = {
  name: 'cases',
  index: caseIndex,
  resolvers: [CitizenCasesResolver, ContextCasesResolver],
  entities: [Citizen, CitizenContext, Case],
  references: caseReferences,
};
