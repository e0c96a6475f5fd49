import { Ctx, Query, Resolver } from 'type-graphql';
import { danishDate } from '../../lib/danish-date';
import { holderOf } from '../runtime/access';
import type { SubgraphContext } from '../runtime/context';
import type { WireCase } from '../cases/upstream.contract';
import { toRepresentations } from './proxy.mapper';
import { boundCaseIds, inForceOn, withOpenCases } from './proxy-rules';
import { Representation } from './proxy.type';
import { proxiesIndex, proxiesResponseSchema } from './upstream.contract';

@Resolver()
export class RepresentationsResolver {
  @Query(() => [Representation], {
    description:
      'For a person or an organisation logged in as themselves: the citizens they may act for now, so they can choose one. Proxies bound to a case count only while the case is open.',
  })
  async myRepresentations(@Ctx() context: SubgraphContext): Promise<Representation[]> {
    const holder = holderOf(context.caller);
    const today = danishDate(context.today);
    const { fuldmagter } = await context.upstream.post(proxiesIndex.searchByHolder, { haverId: holder }, proxiesResponseSchema);
    const inForce = fuldmagter.filter((proxy) => proxy.fuldmagtshaver.id === holder && inForceOn(proxy, today));
    const valid = withOpenCases(inForce, (await context.batch('cases', boundCaseIds(inForce))) as WireCase[]);
    const principals = [...new Set(valid.map((proxy) => proxy.fuldmagtsgiver.cpr))];
    const names = new Map(await Promise.all(principals.map(async (cpr) => [cpr, (await context.person(cpr))?.navn ?? ''] as const)));
    // Each citizen's name and proxies are shown to the holder: recorded against that citizen.
    for (const proxy of valid) context.disclosures.add(context.pseudonym(proxy.fuldmagtsgiver.cpr), 'proxies', [proxy.fuldmagtId]);
    return toRepresentations(valid, (cpr) => ({ citizenId: context.pseudonym(cpr), name: names.get(cpr) ?? '' }));
  }
}
