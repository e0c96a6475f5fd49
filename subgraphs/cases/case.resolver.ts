import { Arg, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { Citizen, CitizenContext } from './citizen.type';
import { defaultListSize } from '../../lib/list';
import {
  citizenContextReference,
  citizenReference,
  entityReference,
  ownList,
  requireCitizenContextReader,
  visibleOwn,
  type SubgraphContext,
} from '../../lib/subgraph';
import { byOpenedDescending, toCase, toCaseSummary } from './case.mapper';
import { Case, CaseProgress, CaseSummary } from './case.type';
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

@Resolver(() => CitizenContext)
export class ContextCasesResolver {
  @FieldResolver(() => [CaseSummary], { description: 'Open cases, newest first: title, status and contact.' })
  async openCases(@Ctx() context: SubgraphContext<WireCase>): Promise<CaseSummary[]> {
    requireCitizenContextReader(context);
    const cases = (await visibleOwn(context, 'cases')).map(toCase);
    return cases.filter((kase) => kase.progress !== CaseProgress.CLOSED).sort(byOpenedDescending).map(toCaseSummary);
  }
}

export const caseReferences = {
  Citizen: citizenReference,
  CitizenContext: citizenContextReference,
  Case: entityReference('cases', toCase),
};
