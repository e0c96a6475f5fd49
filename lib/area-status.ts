import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import type { SubgraphName } from './config';
import { Freshness, WithheldNotice } from './graph-types';
import { requireArea, withheldNotices, type SubgraphContext } from './subgraph';

/**
 * Every area tells, beside its list, how current it is (`<area>Freshness`) and what it holds back
 * and why (`<area>Withheld`). The same two fields for each subgraph, so they are made here once.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function areaStatusResolver(citizen: Function, area: SubgraphName) {
  @Resolver(() => citizen)
  class AreaStatusResolver {
    @FieldResolver(() => Freshness, {
      name: `${area}Freshness`,
      nullable: true,
      description: `When the ${area} were fetched from their index, and whether they are an older copy shown because the index failed.`,
    })
    async freshness(@Ctx() context: SubgraphContext<unknown>): Promise<Freshness> {
      requireArea(context, area);
      const { asOf, stale } = await context.records.freshness();
      return { asOf: new Date(asOf).toISOString(), stale };
    }

    @FieldResolver(() => [WithheldNotice], {
      name: `${area}Withheld`,
      nullable: true,
      description: `${area[0].toUpperCase()}${area.slice(1)} that exist but are not shown, and why (age limit, not yet activated).`,
    })
    withheld(@Ctx() context: SubgraphContext<unknown>): Promise<WithheldNotice[]> {
      return withheldNotices(context, area);
    }
  }
  return AreaStatusResolver;
}
