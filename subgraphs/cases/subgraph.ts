import { areaStatusResolver } from '../../lib/area-status';
import { Citizen, CitizenContext } from './citizen.type';
import type { SubgraphDefinition } from '../../lib/subgraph';
import { caseIndex } from './case.index';
import { caseReferences, CitizenCasesResolver, ContextCasesResolver } from './case.resolver';
import { Case } from './case.type';
import type { WireCase } from './upstream.contract';

export const casesSubgraph: SubgraphDefinition<WireCase> = {
  name: 'cases',
  index: caseIndex,
  resolvers: [areaStatusResolver(Citizen, 'cases'), CitizenCasesResolver, ContextCasesResolver],
  entities: [Citizen, CitizenContext, Case],
  references: caseReferences,
};
