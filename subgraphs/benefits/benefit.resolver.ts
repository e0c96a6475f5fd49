import { Arg, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { Citizen } from './citizen.type';
import { WithheldNotice } from '../../lib/graph-types';
import { defaultListSize } from '../../lib/list';
import { citizenReference, entityReference, ownList, withheldNotices, type SubgraphContext } from '../../lib/subgraph';
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

  @FieldResolver(() => [WithheldNotice], {
    nullable: true,
    description: 'Records in this area that exist but are not shown, and why (age limit, not yet activated).',
  })
  benefitsWithheld(@Ctx() context: SubgraphContext<WireBenefit>): Promise<WithheldNotice[]> {
    return withheldNotices(context, 'benefits');
  }
}

export const benefitReferences = {
  Citizen: citizenReference,
  Benefit: entityReference('benefits', toBenefit),
};
