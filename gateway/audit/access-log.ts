import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import clientNames from '../../config/clients.json';
import { declareCitizen } from '../../lib/citizen';
import { appError } from '../../lib/errors';
import { externalService } from '../../lib/external-services';
import type { Language } from '../../lib/i18n/language';
import { say } from '../../lib/i18n/messages';
import { DateTime } from '../../lib/scalars';
import type { GatewayContext } from '../context';
import type { StoredEvent } from './store';

/**
 * `Citizen.accessLog`: the citizen sees who looked at their data, when, and which areas. It is
 * served by the gateway itself (an in-process subgraph), because the audit trail lives inside the
 * gateway's trust boundary; see docs/decisions/0005-audit-trail.md.
 */
export const Citizen = declareCitizen();

export enum ReaderKind {
  YOU = 'YOU',
  PROXY = 'PROXY',
  PARENT = 'PARENT',
  CHATBOT = 'CHATBOT',
  PARTNER = 'PARTNER',
  STAFF = 'STAFF',
  SERVICE = 'SERVICE',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(ReaderKind, {
  name: 'ReaderKind',
  description: "Who read the citizen's data.",
  valuesConfig: {
    YOU: { description: 'The citizen themself.' },
    PROXY: { description: 'Someone acting for the citizen under a proxy or guardianship.' },
    PARENT: { description: 'A parent with custody, acting for a minor child.' },
    CHATBOT: { description: "A chatbot answering the citizen's own questions." },
    PARTNER: { description: 'A partner authority under a sharing agreement.' },
    STAFF: { description: 'Municipal verification staff.' },
    SERVICE: { description: "An external service on the citizen's consent." },
    UNKNOWN: { description: 'A reader the log cannot name.' },
  },
});

@ObjectType({ description: "One access to the citizen's data: who, when, which areas." })
export class AccessLogEntry {
  @Field(() => DateTime, { description: 'When.' })
  at!: string;

  @Field(() => ReaderKind, { description: 'What kind of reader it was.' })
  reader!: ReaderKind;

  @Field({ description: 'Who, in plain words in the language asked for: you, your proxy by name, a chatbot, an authority.' })
  who!: string;

  @Field(() => [String], { description: 'The data areas that were shown.' })
  areas!: string[];

  @Field(() => [String], { description: 'The data areas that were asked for but refused.' })
  refusedAreas!: string[];

  @Field(() => String, { nullable: true, description: "Why, when the reader had to say: verification staff's case reference." })
  purpose!: string | null;
}

@ObjectType({ description: 'A page of the access log, newest first.' })
export class AccessLogPage {
  @Field(() => [AccessLogEntry], { description: 'The entries of this page.' })
  entries!: AccessLogEntry[];

  @Field(() => String, { nullable: true, description: 'Pass as `before` for the next (older) page; null on the last page.' })
  nextCursor!: string | null;
}

/** What the access log needs from the gateway: the stored events and the citizen's proxy holders. */
export interface AccessLogSource {
  forSubject(subjectId: string, first: number, before?: number): Promise<StoredEvent[]>;
  /**
   * Who may act for the citizen, by the actor id they act under (the pseudonym of a person's CPR,
   * `org:<cvr>` for an organisation): the holders of the citizen's proxies, and for a minor the
   * parents with custody.
   */
  proxyHolders(subjectCpr: string, deadline: number): Promise<Map<string, ActingFor>>;
  pseudonym(cpr: string): string;
}

const clients: Record<string, string> = clientNames.clients;
const organisations: Record<string, string> = clientNames.organisations;

/** Someone who may act for the citizen, as the access log names them. */
export interface ActingFor {
  name: string;
  /** A parent with custody rather than a proxy holder. */
  parent: boolean;
}

/** Who read, as the access log names them (also an item's history, gateway/item-history.ts). */
export function reader(event: StoredEvent, subjectId: string, holders: Map<string, ActingFor>, language: Language): { reader: ReaderKind; who: string } {
  const [kind, id] = event.actorId.includes(':') ? event.actorId.split(/:(.*)/s) : ['', event.actorId];
  if (event.callerKind === 'citizen' && event.actorId === subjectId) return { reader: ReaderKind.YOU, who: say(language, 'reader.you') };
  // Before the `org:` kind below: an organisation holding a proxy is named as the proxy it holds,
  // also on its own login (a holder accepting a proxy, or listing whom it acts for, sees the citizen's name).
  if (event.callerKind === 'proxy' || event.callerKind === 'citizen' || event.callerKind === 'organisation') {
    const holder = holders.get(event.actorId);
    if (holder?.parent) return { reader: ReaderKind.PARENT, who: say(language, 'reader.parent', { name: holder.name }) };
    return { reader: ReaderKind.PROXY, who: holder === undefined ? say(language, 'reader.formerProxy') : say(language, 'reader.proxy', { name: holder.name }) };
  }
  if (kind === 'service') return { reader: ReaderKind.SERVICE, who: say(language, 'reader.service', { name: externalService(id)?.name ?? id }) };
  if (kind === 'client') return { reader: ReaderKind.CHATBOT, who: say(language, 'reader.chatbot', { name: clients[id] ?? id }) };
  if (kind === 'org') return { reader: ReaderKind.PARTNER, who: organisations[id] ?? id };
  if (kind === 'staff') return { reader: ReaderKind.STAFF, who: say(language, 'reader.staff') };
  return { reader: ReaderKind.UNKNOWN, who: say(language, 'reader.unknown') };
}

export function accessLogResolver(source: AccessLogSource) {
  @Resolver(() => Citizen)
  class AccessLogResolver {
    @FieldResolver(() => AccessLogPage, {
      nullable: true,
      description:
        "Who has seen the citizen's data, newest first. The citizen sees it; a full guardian or a future power of attorney in force too; no other proxy, chatbot, partner or external service.",
    })
    async accessLog(
      @Ctx() context: GatewayContext,
      @Arg('first', () => Int, { defaultValue: 20, description: 'At most this many (1-100).' }) first: number,
      @Arg('before', () => String, { nullable: true, description: 'The cursor of the page before.' }) before: string | null,
    ): Promise<AccessLogPage> {
      const { access } = context;
      if (!access.subjectCpr || !access.mayReadAccessLog) {
        throw appError('FORBIDDEN_AREA', { detail: 'error.accessLogForbidden' });
      }
      if (first < 1 || first > 100) throw appError('BAD_USER_INPUT', { detail: 'error.firstRange', params: { min: 1, max: 100 } });
      if (before !== null && before !== undefined && !/^\d{1,18}$/.test(before)) throw appError('BAD_USER_INPUT', { detail: 'error.accessLogCursor' });
      const subjectId = source.pseudonym(access.subjectCpr);
      const events = await source.forSubject(subjectId, first + 1, before ? Number(before) : undefined);
      const holders = await source.proxyHolders(access.subjectCpr, context.deadline);
      const page = events.slice(0, first);
      // Served here rather than by a subgraph, so reported here: reading one's access log is a disclosure too.
      context.disclosures.add(subjectId, 'accessLog');
      return {
        entries: page.map((event) => ({
          at: event.at,
          ...reader(event, subjectId, holders, context.language),
          areas: event.areas,
          refusedAreas: event.refusedAreas,
          purpose: event.purpose ?? null,
        })),
        nextCursor: events.length > first ? String(page[page.length - 1].seq) : null,
      };
    }
  }
  return AccessLogResolver;
}

/** The access-log subgraph's parts, for the engine (served in-process) and for composition. */
export function accessLogSubgraph(source: AccessLogSource) {
  return {
    resolvers: [accessLogResolver(source)] as [ReturnType<typeof accessLogResolver>],
    entities: [Citizen],
    references: {
      Citizen: {
        // Only the citizen the caller acts for.
        __resolveReference(reference: { id: string }, context: GatewayContext): { id: string } {
          if (!context.access.subjectCpr || source.pseudonym(context.access.subjectCpr) !== reference.id) throw appError('FORBIDDEN');
          return { id: reference.id };
        },
      },
    },
  };
}
