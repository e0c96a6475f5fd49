import type { ApolloServer } from '@apollo/server';
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, registerEnumType, Resolver, Root, type NonEmptyArray } from 'type-graphql';
import { appError } from '../lib/errors';
import { Authority } from '../lib/graph-types';
import { DateTime } from '../lib/scalars';
import { Citizen, ReaderKind, reader, type ActingFor } from './audit/access-log';
import type { StoredEvent } from './audit/store';
import type { GatewayContext } from './context';
import { exportAreas, pageQuery, pageSize, withProvenance, type ExportArea, type Freshness } from './exports/areas';
import { readFailure, readItemAsCaller } from './graph-read';

/**
 * `Citizen.itemHistory`: for one of the citizen's records, where it came from (source system, data
 * owner, when it was read from the source) and every access-log event that disclosed it. Served by
 * the gateway's own subgraph, beside the access log it reads. The record is read through the graph
 * as the citizen (the export's pages and provenance mapping, gateway/exports/areas.ts), so the
 * subgraphs' access module decides: another citizen's record and an unknown id are NOT_FOUND alike.
 */
export enum ItemArea {
  CASES = 'CASES',
  BENEFITS = 'BENEFITS',
  PAYMENTS = 'PAYMENTS',
  APPOINTMENTS = 'APPOINTMENTS',
  DEADLINES = 'DEADLINES',
  PROXIES = 'PROXIES',
}
registerEnumType(ItemArea, { name: 'ItemArea', description: 'What kind of record an item is: the Citizen list it is shown in.' });

@ObjectType({ description: 'Where a record came from and who answers for it.' })
export class ItemProvenance {
  @Field({ description: 'The source system or index it is read from (e.g. SF1470, NSP).' })
  sourceSystem!: string;

  @Field({ description: "The source system's name." })
  sourceSystemName!: string;

  @Field(() => Authority, { description: "The authority responsible for the record's data (the one to ask to correct it)." })
  dataOwner!: Authority;

  @Field(() => DateTime, { description: 'When the gateway last read it from the source (the source system of an appointment or deadline).' })
  retrievedAt!: string;

  @Field({ description: 'Whether that read is older than the source is expected to keep fresh (served while the source could not be asked).' })
  stale!: boolean;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the record last changed at the source, where the source says so. None of the national indexes or appointment systems does today, so it is null.',
  })
  lastUpdatedAtSource!: string | null;
}

@ObjectType({ description: 'One access-log event that disclosed the record.' })
export class ItemAccess {
  @Field(() => DateTime, { description: 'When.' })
  at!: string;

  @Field(() => ReaderKind, { description: 'What kind of reader it was.' })
  reader!: ReaderKind;

  @Field({ description: 'Who, in plain words in the language asked for, as the access log names them.' })
  who!: string;

  @Field(() => String, { nullable: true, description: "Why, when the reader had to say: verification staff's case reference, or the gateway's own reason (a data export, a correction, this history)." })
  purpose!: string | null;
}

@ObjectType({ description: 'Where one record came from and who has seen it.' })
export class ItemHistory {
  @Field(() => ItemArea)
  area!: ItemArea;

  @Field(() => ID, { description: "The record's id." })
  id!: string;

  @Field(() => ItemProvenance)
  provenance!: ItemProvenance;

  @Field(() => [ItemAccess], { description: 'The access-log events that disclosed it, newest first.' })
  accessLog!: ItemAccess[];

  @Field(() => String, { nullable: true, description: 'Pass as `before` for the next (older) events; null on the last page.' })
  nextCursor!: string | null;
}

/** What the resolver needs from the gateway. */
export interface ItemHistorySource {
  /** The citizen's events whose entity ids include this one (`<area>:<id>`), newest first. */
  events(subjectId: string, entityId: string, first: number, before?: number): Promise<StoredEvent[]>;
  /** Who may act for the citizen, as the access log names them. */
  proxyHolders(subjectCpr: string, deadline: number): Promise<Map<string, ActingFor>>;
  pseudonym(cpr: string): string;
  /** The gateway's Apollo Server, to read the record through the graph as the caller. */
  apollo(): ApolloServer<GatewayContext>;
}

const exportAreaOf: Record<ItemArea, ExportArea> = {
  CASES: exportAreas.find((area) => area.name === 'cases')!,
  BENEFITS: exportAreas.find((area) => area.name === 'benefits')!,
  PAYMENTS: exportAreas.find((area) => area.name === 'payments')!,
  APPOINTMENTS: exportAreas.find((area) => area.name === 'appointments')!,
  DEADLINES: exportAreas.find((area) => area.name === 'deadlines')!,
  PROXIES: exportAreas.find((area) => area.name === 'proxies')!,
};

/** The audit trail's purpose for the read of the record: its history was asked for. */
export const itemHistoryPurpose = 'item-history';
/** The operation the record is read under (the export's page query, by another name). */
export const itemHistoryOperation = 'ItemHistoryRead';
const maxItemIdLength = 200;

interface PageData {
  me: (Record<string, unknown> & { id: string }) | null;
}

export function itemHistoryResolver(source: ItemHistorySource) {
  /** The record with its provenance, read page by page through the graph as the caller; NOT_FOUND when no page holds it. */
  const provenanceOf = async (context: GatewayContext, subjectId: string, area: ExportArea, itemId: string) => {
    let after: string | null = null;
    for (;;) {
      const { data, errors } = await readItemAsCaller<PageData>(source.apollo(), context, {
        subjectId,
        itemId,
        purpose: itemHistoryPurpose,
        query: pageQuery(area, itemHistoryOperation),
        operationName: itemHistoryOperation,
        variables: { after },
      });
      const me = data?.me;
      const items = me?.[area.name] as Record<string, unknown>[] | null | undefined;
      const freshness = me?.[`${area.area}Freshness`] as Freshness | null | undefined;
      if (!me || !items || !freshness) throw readFailure(errors);
      if (me.id !== subjectId) throw appError('FORBIDDEN');
      const item = items.find((each) => String(each.id) === itemId);
      if (item) return withProvenance(area, item, freshness);
      if (items.length < pageSize) throw appError('NOT_FOUND');
      after = String(items[items.length - 1].id);
    }
  };

  @Resolver(() => Citizen)
  class ItemHistoryResolver {
    @FieldResolver(() => ItemHistory, {
      nullable: true,
      description:
        "For one of the citizen's records: where it came from (source system, data owner, when it was read) and the access-log events that disclosed it, newest first. The citizen's own login only; a record that is not theirs, or not there, is not found.",
    })
    async itemHistory(
      @Root() citizen: { id: string },
      @Ctx() context: GatewayContext,
      @Arg('area', () => ItemArea) area: ItemArea,
      @Arg('id', () => ID, { description: "The record's id, as the graph shows it." }) id: string,
      @Arg('first', () => Int, { defaultValue: 20, description: 'At most this many events (1-100).' }) first: number,
      @Arg('before', () => String, { nullable: true, description: 'The cursor of the page of events before.' }) before: string | null,
    ): Promise<ItemHistory> {
      const { access } = context;
      if (access.callerKind !== 'citizen' || !access.subjectCpr) throw appError('FORBIDDEN', { detail: 'error.itemHistoryOwnLogin' });
      const subjectId = source.pseudonym(access.subjectCpr);
      if (citizen.id !== subjectId) throw appError('FORBIDDEN', { detail: 'error.itemHistoryOwnLogin' });
      if (first < 1 || first > 100) throw appError('BAD_USER_INPUT', { detail: 'error.firstRange', params: { min: 1, max: 100 } });
      if (before !== null && before !== undefined && !/^\d{1,18}$/.test(before)) throw appError('BAD_USER_INPUT', { detail: 'error.accessLogCursor' });
      // An id no record could have is not found, as an unknown one is.
      if (id.length === 0 || id.length > maxItemIdLength) throw appError('NOT_FOUND');
      const exportArea = exportAreaOf[area];
      // Outside the caller's areas (a login too weak for personal data): refused as a read of the area would be, without asking.
      if (!access.areas.includes(exportArea.area)) throw appError('FORBIDDEN_AREA', { area: exportArea.area });

      const provenance = await provenanceOf(context, subjectId, exportArea, id);
      // Disclosures are recorded under the data area (a deadline's is appointments), as the subgraphs report them.
      const events = await source.events(subjectId, `${exportArea.area}:${id}`, first + 1, before ? Number(before) : undefined);
      const page = events.slice(0, first);
      const holders = page.length > 0 ? await source.proxyHolders(access.subjectCpr, context.deadline) : new Map<string, ActingFor>();
      // Served here, so reported here: the record itself, and the access log's events about it.
      context.disclosures.add(subjectId, exportArea.area, [id]);
      context.disclosures.add(subjectId, 'accessLog');
      return {
        area,
        id,
        provenance: {
          sourceSystem: provenance.sourceSystem,
          sourceSystemName: provenance.sourceSystemName,
          dataOwner: provenance.dataOwner,
          retrievedAt: provenance.retrievedAt,
          stale: provenance.stale,
          // No index's contract carries a last-change time for a record (see the field's description).
          lastUpdatedAtSource: null,
        },
        accessLog: page.map((event) => ({ at: event.at, ...reader(event, subjectId, holders, context.language), purpose: event.purpose ?? null })),
        nextCursor: events.length > first ? String(page[page.length - 1].seq) : null,
      };
    }
  }
  return ItemHistoryResolver;
}

/** Composition needs the item history's schema, never its data. */
export const schemaOnly: ItemHistorySource = {
  events: () => Promise.reject(new Error('schema only')),
  proxyHolders: () => Promise.reject(new Error('schema only')),
  pseudonym: () => '',
  apollo: () => {
    throw new Error('schema only');
  },
};

/** The gateway's own subgraph with the item history's resolver added. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function withItemHistory<T extends { resolvers: readonly Function[] }>(ownSubgraph: T, source: ItemHistorySource) {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const resolvers: NonEmptyArray<Function> = [itemHistoryResolver(source), ...ownSubgraph.resolvers];
  return { ...ownSubgraph, resolvers };
}
