import { areaStatusResolver } from '../../lib/area-status';
import { Citizen } from './citizen.type';
import type { SubgraphDefinition } from '../../lib/subgraph';
import { benefitIndex } from './benefit.index';
import { benefitReferences, CitizenBenefitsResolver } from './benefit.resolver';
import { Benefit } from './benefit.type';
import type { WireBenefit } from './upstream.contract';

export const benefitsSubgraph: SubgraphDefinition<WireBenefit> = {
  name: 'benefits',
  index: benefitIndex,
  resolvers: [areaStatusResolver(Citizen, 'benefits'), CitizenBenefitsResolver],
  entities: [Citizen, Benefit],
  references: benefitReferences,
};
