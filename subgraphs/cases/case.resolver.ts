import { Arg, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { Citizen } from './citizen.type';
import { defaultListSize } from '../../lib/list';
import { citizenReference, entityReference, ownList, type SubgraphContext } from '../../lib/subgraph';
import { byOpenedDescending, toCase } from './case.mapper';
import { Case } from './case.type';
import type { WireCase } from './upstream.contract';

@Resolver(() => Citizen)
export class CitizenCasesResolver {
  @FieldResolver(() => [Case], {
    nullable: true,
    description:
      'Cases the citizen is the primary party of, newest first. Null with an error when the caller may not see cases or the case index cannot answer.',
  })
  cases(
    @Ctx() context: SubgraphContext<WireCase>,
    @Arg('first', () => Int, { defaultValue: defaultListSize, description: 'At most this many (0-500).' })
    first: number,
  ): Promise<Case[]> {
    return ownList(context, 'cases', toCase, byOpenedDescending, first);
  }
}

export const caseReferences = {
  Citizen: citizenReference,
  Case: entityReference('cases', toCase),
};
