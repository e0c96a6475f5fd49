import { Ctx, FieldResolver, ID, Resolver } from 'type-graphql';
import { accessRules, isActivated } from './access/rules';
import type { SubgraphName } from './config';
import { Freshness, WithheldNotice } from './graph-types';
import { requireArea, visibleOwn, withheldNotices, type SubgraphContext } from './subgraph';

/**
 * Every area tells, beside its list, how current it is (`<area>Freshness`), what it holds back
 * and why (`<area>Withheld`), and for verification staff which records are not yet activated
 * (`<area>NotActivated`). The same fields for each subgraph, so they are made here once.
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

    @FieldResolver(() => [ID], {
      name: `${area}NotActivated`,
      nullable: true,
      description: `For verification staff: the ids of shown ${area} the municipality has not yet activated for citizens.`,
    })
    async notActivated(@Ctx() context: SubgraphContext<unknown>): Promise<string[]> {
      requireArea(context, area);
      const records = await visibleOwn(context, area);
      return records.filter((record) => !isActivated(accessRules, area, context.index.traits(record))).map((record) => context.index.idOf(record));
    }
  }
  return AreaStatusResolver;
}
