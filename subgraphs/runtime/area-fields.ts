import { Arg, Ctx, FieldResolver, ID, Int, Resolver } from 'type-graphql';
import type { SubgraphName } from '../../lib/config';
import { Freshness, toKle, WithheldNotice, WithheldReason, type Kle } from '../../lib/graph-types';
import type { Language } from '../../lib/i18n/language';
import { say } from '../../lib/i18n/messages';
import { afterId, defaultListSize, firstN } from '../../lib/list';
import type { WithheldGroup } from './access';
import type { Reader, SubgraphContext } from './context';

/** One area's list on Citizen: its entity type, how a record becomes one, and the list's order. */
export interface AreaList<TRecord, TEntity> {
  area: SubgraphName;
  // type-graphql takes classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  citizen: Function;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entity: Function;
  toEntity(record: TRecord, reader: Reader): TEntity;
  order(a: TEntity, b: TEntity): number;
  /** Which of the area's records the list holds (appointments, not the deadlines kept in the same area); all by default. */
  keep?(record: TRecord): boolean;
  description: string;
}

function message(group: WithheldGroup, kle: Kle | null, language: Language): string {
  if (group.reason === 'NOT_ACTIVATED') return say(language, 'withheld.notActivated');
  if (group.reason === 'UNREADABLE') return say(language, 'withheld.unreadable', { count: group.count });
  const age = group.minimumAge ?? '';
  return kle === null ? say(language, 'withheld.ageLimit', { age }) : say(language, 'withheld.ageLimitAbout', { age, topic: kle.name });
}

/**
 * A list of the subject's records the caller may see, in order, the first `first` of them (after
 * the record whose id is `after`, for the next page); only what is returned is presented, and so
 * reported as shown.
 */
export async function presentList<TRecord, TEntity extends object>(
  context: SubgraphContext,
  list: Pick<AreaList<TRecord, TEntity>, 'area' | 'toEntity' | 'order' | 'keep'>,
  first: number,
  after: string | null = null,
): Promise<TEntity[]> {
  const access = context.access('overview');
  const records = (await access.visible<TRecord>(list.area)).filter((record) => list.keep?.(record) ?? true);
  const mapped = records.map((record) => ({ record, entity: list.toEntity(record, context.reader) }));
  const ordered = mapped.sort((a, b) => list.order(a.entity, b.entity));
  const kept = firstN(afterId(ordered, after, ({ entity }) => (entity as { id: string }).id), first);
  return Promise.all(kept.map(({ record, entity }) => access.present(list.area, record, entity)));
}

function toNotice(group: WithheldGroup, language: Language): WithheldNotice {
  const kle = group.kle === null ? null : toKle(group.kle, language);
  return { reason: WithheldReason[group.reason], count: group.count, message: message(group, kle, language), minimumAge: group.minimumAge, kle };
}

/**
 * Every area's fields on Citizen, made once: the list (`<area>`), how current it is
 * (`<area>Freshness`), what it holds back and why (`<area>Withheld`), and for verification staff
 * which shown records are not yet activated (`<area>NotActivated`). All of them read through the
 * access module, so no area can miss a rule.
 */
export function areaFields<TRecord, TEntity extends object>(list: AreaList<TRecord, TEntity>) {
  const { area } = list;

  @Resolver(() => list.citizen)
  class AreaFieldsResolver {
    @FieldResolver(() => [list.entity], { name: area, nullable: true, description: list.description })
    async list(
      @Ctx() context: SubgraphContext,
      @Arg('first', () => Int, { defaultValue: defaultListSize, description: 'At most this many (0-500).' }) first: number,
      @Arg('after', () => ID, { nullable: true, description: 'The id of the last record of the previous page: the list continues after it. Omitted: from the start.' })
      after: string | null,
    ): Promise<TEntity[]> {
      return presentList(context, list, first, after ?? null);
    }

    @FieldResolver(() => Freshness, {
      name: `${area}Freshness`,
      nullable: true,
      description: `When the ${area} were fetched from their index, and whether they are an older copy shown because the index failed.`,
    })
    async freshness(@Ctx() context: SubgraphContext): Promise<Freshness> {
      const { asOf, stale, sources } = await context.access('overview').freshness(area);
      const at = (time: number) => new Date(time).toISOString();
      return { asOf: at(asOf), stale, sources: sources && sources.map((source) => ({ ...source, asOf: source.asOf === null ? null : at(source.asOf) })) };
    }

    @FieldResolver(() => [WithheldNotice], {
      name: `${area}Withheld`,
      nullable: true,
      description: `${area[0].toUpperCase()}${area.slice(1)} that exist but are not shown, and why (age limit, not yet activated, or what they belong to is withheld).`,
    })
    async withheld(@Ctx() context: SubgraphContext): Promise<WithheldNotice[]> {
      return (await context.access('overview').withheld(area)).map((group) => toNotice(group, context.reader.language));
    }

    @FieldResolver(() => [ID], {
      name: `${area}NotActivated`,
      nullable: true,
      description: `For verification staff: the ids of shown ${area} the municipality has not yet activated for citizens.`,
    })
    notActivated(@Ctx() context: SubgraphContext): Promise<string[]> {
      return context.access('overview').notActivated(area);
    }
  }
  return AreaFieldsResolver;
}
