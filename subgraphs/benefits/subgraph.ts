import type { SubgraphDefinition } from '../runtime/server';
import { Citizen } from './citizen.type';
import { benefitIndex } from './benefit.index';
import { benefitReferences, CitizenBenefitsResolver } from './benefit.resolver';
import { Benefit } from './benefit.type';
import type { WireBenefit } from './upstream.contract';

export const benefitsSubgraph: SubgraphDefinition<WireBenefit> = {
  name: 'benefits',
  index: benefitIndex,
  resolvers: [CitizenBenefitsResolver],
  entities: [Citizen, Benefit],
  references: benefitReferences,
};
