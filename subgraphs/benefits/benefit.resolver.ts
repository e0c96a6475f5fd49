import { Arg, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { Citizen } from './citizen.type';
import { defaultListSize } from '../../lib/list';
import { citizenReference, entityReference, ownList, type SubgraphContext } from '../../lib/subgraph';
import { byPeriodDescending, toBenefit } from './benefit.mapper';
import { Benefit } from './benefit.type';
import type { WireBenefit } from './upstream.contract';

@Resolver(() => Citizen)
export class CitizenBenefitsResolver {
  @FieldResolver(() => [Benefit], {
    nullable: true,
    description:
      'Benefits the citizen receives or has applied for, most recent first. Null with an error when the caller may not see benefits or the benefits index cannot answer.',
  })
  benefits(
    @Ctx() context: SubgraphContext<WireBenefit>,
    @Arg('first', () => Int, { defaultValue: defaultListSize, description: 'At most this many (0-500).' })
    first: number,
  ): Promise<Benefit[]> {
    return ownList(context, 'benefits', toBenefit, byPeriodDescending, first);
  }
}

export const benefitReferences = {
  Citizen: citizenReference,
  Benefit: entityReference('benefits', toBenefit),
};
