import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ID, Info, Mutation, ObjectType, Resolver, Root, type NonEmptyArray } from 'type-graphql';
import { appError } from '../../lib/errors';
import { DateTime } from '../../lib/scalars';
import { Citizen } from '../audit/access-log';
import type { GatewayContext } from '../context';
import { maxLinksPerCitizen, type CalendarLinkStore } from './link-store';

/**
 * A citizen's calendar links, served by the gateway's own in-process subgraph beside the access
 * log (the links live in the same database): `Citizen.calendarLinks`, `createCalendarLink` and
 * `revokeCalendarLink`. The feed itself is plain HTTP (feed.ts).
 */
@ObjectType({
  description:
    "A link to an iCalendar feed of the citizen's appointments, for a phone or desktop calendar. Anyone holding the link reads the feed until it is revoked.",
})
export class CalendarLink {
  @Field(() => ID, { description: "The link's id, to revoke it by." })
  id!: string;

  @Field(() => DateTime, { description: 'When it was made.' })
  createdAt!: string;

  @Field(() => DateTime, { nullable: true, description: 'When a calendar last fetched the feed; null when none has.' })
  lastUsedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The address to subscribe to. Given once, in the answer to `createCalendarLink`, and never again (only a hash of it is kept): null everywhere else.',
  })
  url!: string | null;
}

/** What the resolvers need from the gateway. */
export interface CalendarLinkSource {
  store: Pick<CalendarLinkStore, 'create' | 'inForce' | 'revoke'>;
  pseudonym(cpr: string): string;
  /** Where the feed is served, e.g. `https://borger-graph.example.dk` (no trailing slash). */
  publicBaseUrl(): string;
}

/** The path of a link's feed; the token is its only secret. */
export const feedPath = (token: string) => `/calendar/${token}.ics`;

/** Links are the citizen's own key to their data: only the citizen, on their own login, makes, lists or revokes them. */
function ownCitizen(context: GatewayContext, source: CalendarLinkSource): { subjectId: string; subjectCpr: string } {
  const { access } = context;
  if (access.callerKind !== 'citizen' || !access.subjectCpr) throw appError('FORBIDDEN', { detail: 'error.calendarLinkOwnLogin' });
  return { subjectId: source.pseudonym(access.subjectCpr), subjectCpr: access.subjectCpr };
}

/**
 * As a subgraph makes no change under a context sealed without the mutation flag (decision 0002),
 * the in-process subgraph changes nothing outside a mutation operation.
 */
function requireMutation(info: GraphQLResolveInfo): void {
  if (info.operation.operation !== 'mutation') throw appError('FORBIDDEN', { detail: 'error.changesByMutation' });
}

const linkId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function calendarLinkResolvers(source: CalendarLinkSource) {
  @Resolver(() => Citizen)
  class CalendarLinksResolver {
    @FieldResolver(() => [CalendarLink], {
      nullable: true,
      description: "The citizen's calendar links in force, newest first, without their addresses. Only the citizen themself sees them.",
    })
    async calendarLinks(@Root() citizen: { id: string }, @Ctx() context: GatewayContext): Promise<CalendarLink[]> {
      const { subjectId } = ownCitizen(context, source);
      if (citizen.id !== subjectId) throw appError('FORBIDDEN', { detail: 'error.calendarLinkOwnLogin' });
      const links = await source.store.inForce(subjectId);
      // Served here rather than by a subgraph, so reported here (as the access log is).
      context.disclosures.add(
        subjectId,
        'calendarLinks',
        links.map((link) => link.id),
      );
      return links.map((link) => ({ ...link, url: null }));
    }
  }

  @Resolver()
  class CalendarLinkMutations {
    @Mutation(() => CalendarLink, {
      description:
        'Makes a new link to an iCalendar feed of your appointments, for a phone or desktop calendar. Its `url` is shown this once: keep it like a password. Only the citizen themself, on their own login, may make one.',
    })
    async createCalendarLink(@Ctx() context: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<CalendarLink> {
      requireMutation(info);
      const { subjectId, subjectCpr } = ownCitizen(context, source);
      const link = await source.store.create(subjectId, subjectCpr);
      if (!link) throw appError('BAD_USER_INPUT', { detail: 'error.calendarLinkLimit', params: { limit: maxLinksPerCitizen } });
      context.disclosures.add(subjectId, 'calendarLinks', [link.id]);
      return { id: link.id, createdAt: link.createdAt, lastUsedAt: link.lastUsedAt, url: `${source.publicBaseUrl()}${feedPath(link.token)}` };
    }

    @Mutation(() => Boolean, {
      description:
        'Revokes one of your calendar links: its feed answers 404 from the next request on. True when this revoked it, false when it was revoked already. Only the citizen themself may revoke.',
    })
    async revokeCalendarLink(
      @Ctx() context: GatewayContext,
      @Info() info: GraphQLResolveInfo,
      @Arg('id', () => ID, { description: "The link's id." }) id: string,
    ): Promise<boolean> {
      requireMutation(info);
      const { subjectId } = ownCitizen(context, source);
      // Another citizen's link, or an id that was never one, is not found alike.
      const outcome = linkId.test(id) ? await source.store.revoke(subjectId, id) : 'unknown';
      if (outcome === 'unknown') throw appError('NOT_FOUND');
      context.disclosures.add(subjectId, 'calendarLinks', [id]);
      return outcome === 'revoked';
    }
  }

  return [CalendarLinksResolver, CalendarLinkMutations] as const;
}

/** Composition needs the links' schema, never their data. */
export const schemaOnly: CalendarLinkSource = {
  store: {
    create: () => Promise.reject(new Error('schema only')),
    inForce: () => Promise.reject(new Error('schema only')),
    revoke: () => Promise.reject(new Error('schema only')),
  },
  pseudonym: () => '',
  publicBaseUrl: () => '',
};

/** The gateway's own subgraph: the access log's parts with the calendar links' resolvers added. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function withCalendarLinks<T extends { resolvers: readonly Function[] }>(ownSubgraph: T, source: CalendarLinkSource) {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const [linksResolver, mutations] = calendarLinkResolvers(source);
  const resolvers: NonEmptyArray<Function> = [linksResolver, mutations, ...ownSubgraph.resolvers];
  return { ...ownSubgraph, resolvers };
}
