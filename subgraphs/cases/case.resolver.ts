import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { areaFields } from '../runtime/area-fields';
import type { SubgraphContext } from '../runtime/context';
import { citizenContextReference, citizenReference, entityReference } from '../runtime/references';
import { Citizen, CitizenContext } from './citizen.type';
import { byOpenedDescending, toCase, toCaseSummary } from './case.mapper';
import { Case, CaseProgress, CaseSummary } from './case.type';
import type { WireCase } from './upstream.contract';

export const CitizenCasesResolver = areaFields({
  area: 'cases',
  citizen: Citizen,
  entity: Case,
  toEntity: toCase,
  order: byOpenedDescending,
  description:
    'Cases the citizen is the primary party of, newest first. Null with an error when the caller may not see cases or the case index cannot answer.',
});

@Resolver(() => CitizenContext)
export class ContextCasesResolver {
  @FieldResolver(() => [CaseSummary], { description: 'Open cases, newest first: title, status and contact.' })
  async openCases(@Ctx() context: SubgraphContext): Promise<CaseSummary[]> {
    const access = context.access('context');
    const open = (await access.visible<WireCase>('cases'))
      .map((record) => toCase(record, context.reader))
      .filter((kase) => kase.progress !== CaseProgress.CLOSED);
    access.reveal('cases', open.map((kase) => kase.id));
    return open.sort(byOpenedDescending).map(toCaseSummary);
  }
}

export const caseReferences = {
  Citizen: citizenReference,
  CitizenContext: citizenContextReference,
  Case: entityReference('cases', toCase),
};
