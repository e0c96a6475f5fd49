import type { ApolloServer } from '@apollo/server';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, ObjectType, registerEnumType, Resolver, Root, type NonEmptyArray } from 'type-graphql';
import { appError, type Area } from '../../lib/errors';
import type { Language } from '../../lib/i18n/language';
import { say } from '../../lib/i18n/messages';
import { DateTime } from '../../lib/scalars';
import { Citizen } from '../audit/access-log';
import type { GatewayContext } from '../context';
import { readItemAsCaller, readFailure } from '../graph-read';
import type { CorrectionStore, StoredCorrection } from './correction-store';
import type { CorrectionOwner } from './owner';
import type { OwnerArea } from './owner.contract';

/**
 * A citizen's requests to correct wrong or incomplete data (`flagCorrection`, `Citizen.corrections`),
 * served by the gateway's own in-process subgraph beside the access log and the consents (they live
 * in the same database). A request is stored, forwarded at once to the data owner's intake (the
 * service platform routes it to the system that owns the record), and its status is read from the
 * owner again whenever the citizen lists their requests. A request the owner could not take stays
 * RECEIVED and is forwarded again on the next listing or the next flag by the same citizen.
 */
export enum CorrectionArea {
  CASES = 'CASES',
  BENEFITS = 'BENEFITS',
  PAYMENTS = 'PAYMENTS',
  APPOINTMENTS = 'APPOINTMENTS',
  DEADLINES = 'DEADLINES',
}
registerEnumType(CorrectionArea, { name: 'CorrectionArea', description: 'What kind of record a correction request is about.' });

export enum CorrectionStatus {
  RECEIVED = 'RECEIVED',
  FORWARDED = 'FORWARDED',
  ANSWERED = 'ANSWERED',
  REJECTED = 'REJECTED',
}
registerEnumType(CorrectionStatus, {
  name: 'CorrectionStatus',
  description: 'Where a correction request stands.',
  valuesConfig: {
    RECEIVED: { description: 'Stored here; not yet taken by the data owner (it is sent again on its own).' },
    FORWARDED: { description: 'Taken by the data owner, which has not answered yet.' },
    ANSWERED: { description: 'The data owner has answered (see `reason`).' },
    REJECTED: { description: 'The data owner has rejected it, saying why in `reason`.' },
  },
});

@InputType({ description: 'A record you find wrong or incomplete, and what is wrong with it.' })
export class FlagCorrectionInput {
  @Field(() => CorrectionArea)
  area!: CorrectionArea;

  @Field(() => ID, { description: "The record's id, as the graph shows it." })
  itemId!: string;

  @Field({ description: 'What is wrong or missing, in plain text (1-2000 characters; control characters other than line breaks are removed).' })
  text!: string;

  @Field({
    description:
      'A key of your own (1-128 letters, digits and `-_.:`), new for each request: sending the same request again with it returns the one already made instead of a second.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'A request to correct wrong or incomplete data, sent to the authority that owns the record.' })
export class Correction {
  @Field(() => ID)
  id!: string;

  @Field(() => CorrectionArea)
  area!: CorrectionArea;

  @Field(() => ID, { description: "The record's id." })
  itemId!: string;

  @Field({ description: 'What the citizen wrote.' })
  text!: string;

  @Field(() => CorrectionStatus)
  status!: CorrectionStatus;

  @Field({ description: 'The status in plain words, in the language asked for.' })
  statusText!: string;

  @Field(() => String, { nullable: true, description: "The data owner's answer, or why it rejected the request; null until it answers." })
  reason!: string | null;

  @Field(() => DateTime, { description: 'When it was made.' })
  createdAt!: string;

  @Field(() => DateTime, { description: 'When its status last changed.' })
  updatedAt!: string;
}

const toOwnerArea: Record<CorrectionArea, OwnerArea> = {
  CASES: 'cases',
  BENEFITS: 'benefits',
  PAYMENTS: 'payments',
  APPOINTMENTS: 'appointments',
  DEADLINES: 'deadlines',
};
const toGraphArea = Object.fromEntries(Object.entries(toOwnerArea).map(([graph, owner]) => [owner, graph])) as Record<OwnerArea, CorrectionArea>;
/** The data area (the access rules' and a proxy's cards') a record of each kind belongs to: deadlines are appointments. */
const dataArea = (area: OwnerArea): Area => (area === 'deadlines' ? 'appointments' : area);

export const maxTextLength = 2000;
const maxItemIdLength = 200;
const idempotencyKeyPattern = /^[A-Za-z0-9._:-]{1,128}$/;
/** At most this many open requests are brought up to date with their owner per listing. */
const refreshedPerListing = 20;

/** Plain text: line breaks kept (a CR LF as one), every other control character removed, then trimmed. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '').trim();
}

/** Which of the caller's records of one area it sees, asked through the graph as the caller (the subgraphs' access rules decide). */
export type ItemCheck = (context: GatewayContext, subjectId: string, area: OwnerArea, itemId: string) => Promise<boolean>;

/** What the resolvers need from the gateway. */
export interface CorrectionSource {
  store: Pick<CorrectionStore, 'byKey' | 'create' | 'forSubject' | 'forwarded' | 'answered'>;
  owner: CorrectionOwner;
  pseudonym(cpr: string): string;
  itemVisible: ItemCheck;
  /** Throttles new requests per citizen (CORRECTIONS_PER_MINUTE). */
  limit(subjectId: string): Promise<void>;
}

/** The citizen themself, and a proxy within its cards; no chatbot, partner, staff, organisation or service. */
function flagger(context: GatewayContext, source: CorrectionSource): { subjectId: string; subjectCpr: string } {
  const { access } = context;
  if ((access.callerKind !== 'citizen' && access.callerKind !== 'proxy') || !access.subjectCpr) throw appError('FORBIDDEN');
  return { subjectId: source.pseudonym(access.subjectCpr), subjectCpr: access.subjectCpr };
}

/** As a subgraph makes no change under a context sealed without the mutation flag (decision 0002). */
function requireMutation(info: GraphQLResolveInfo): void {
  if (info.operation.operation !== 'mutation') throw appError('FORBIDDEN', { detail: 'error.changesByMutation' });
}

function toCorrection(stored: StoredCorrection, language: Language): Correction {
  return {
    id: stored.id,
    area: toGraphArea[stored.area],
    itemId: stored.itemId,
    text: stored.text,
    status: stored.status as CorrectionStatus,
    statusText: say(language, `correction.status.${stored.status}`),
    reason: stored.reason,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}

export function correctionResolvers(source: CorrectionSource) {
  /** Sends a RECEIVED request to the owner; left RECEIVED (to be sent again) when the owner does not take it. */
  const forward = async (subjectId: string, subjectCpr: string, stored: StoredCorrection, deadline: number): Promise<StoredCorrection> => {
    try {
      const ownerRef = await source.owner.submit({ reference: stored.id, area: stored.area, itemId: stored.itemId, cpr: subjectCpr, text: stored.text }, deadline);
      return (await source.store.forwarded(subjectId, stored.id, ownerRef)) ?? stored;
    } catch {
      // Upstream already logged the call (never its body); the request waits for the next try.
      return stored;
    }
  };

  /** Asks the owner where a FORWARDED request stands; unchanged when the owner cannot say now. */
  const refresh = async (subjectId: string, stored: StoredCorrection, deadline: number): Promise<StoredCorrection> => {
    if (!stored.ownerRef) return stored;
    try {
      const answer = await source.owner.status(stored.ownerRef, deadline);
      if (answer.status === 'MODTAGET') return stored;
      const reason = answer.begrundelse === null ? null : cleanText(answer.begrundelse).slice(0, maxTextLength) || null;
      return (await source.store.answered(subjectId, stored.id, answer.status === 'BESVARET' ? 'ANSWERED' : 'REJECTED', reason)) ?? stored;
    } catch {
      return stored;
    }
  };

  /** The open requests of a listing brought up to date: the RECEIVED sent again, the FORWARDED asked about. */
  const bringUpToDate = async (subjectId: string, subjectCpr: string, list: StoredCorrection[], deadline: number): Promise<StoredCorrection[]> => {
    const open = list.filter((each) => each.status === 'RECEIVED' || each.status === 'FORWARDED').slice(0, refreshedPerListing);
    const updated = new Map<string, StoredCorrection>();
    await Promise.all(
      open.map(async (each) => {
        const next = each.status === 'RECEIVED' ? await forward(subjectId, subjectCpr, each, deadline) : await refresh(subjectId, each, deadline);
        updated.set(each.id, next);
      }),
    );
    return list.map((each) => updated.get(each.id) ?? each);
  };

  @Resolver(() => Citizen)
  class CorrectionsResolver {
    @FieldResolver(() => [Correction], {
      nullable: true,
      description:
        "The citizen's requests to correct their data, newest first, each with where it stands at the data owner (asked again as they are listed). The citizen sees all of them; a proxy holder sees the ones they made themself in the areas they still hold; no one else.",
    })
    async corrections(@Root() citizen: { id: string }, @Ctx() context: GatewayContext): Promise<Correction[]> {
      const { subjectId, subjectCpr } = flagger(context, source);
      if (citizen.id !== subjectId) throw appError('FORBIDDEN');
      const { access } = context;
      // A proxy's own requests only, and only while its cards cover them: what others wrote may be about records it cannot see.
      const mine = access.callerKind === 'citizen' ? await source.store.forSubject(subjectId) : await source.store.forSubject(subjectId, access.actorId);
      const shown = access.callerKind === 'citizen' ? mine : mine.filter((each) => access.areas.includes(dataArea(each.area)));
      const current = await bringUpToDate(subjectId, subjectCpr, shown, context.deadline);
      // Served here rather than by a subgraph, so reported here (as the consents are).
      context.disclosures.add(
        subjectId,
        'corrections',
        current.map((each) => each.id),
      );
      return current.map((each) => toCorrection(each, context.language));
    }
  }

  @Resolver()
  class CorrectionMutations {
    @Mutation(() => Correction, {
      description:
        "Flags one of your records (a case, benefit, payment, appointment or deadline) as wrong or incomplete: the request is sent to the authority that owns it, and `me { corrections }` shows its status. Sending it again with the same `idempotencyKey` returns the same request. The citizen themself, or a proxy holder within their cards; a record you cannot see is not found.",
    })
    async flagCorrection(
      @Ctx() context: GatewayContext,
      @Info() info: GraphQLResolveInfo,
      @Arg('input', () => FlagCorrectionInput) input: FlagCorrectionInput,
    ): Promise<Correction> {
      requireMutation(info);
      const { subjectId, subjectCpr } = flagger(context, source);
      const area = toOwnerArea[input.area];
      const text = cleanText(input.text);
      if (text.length === 0 || text.length > maxTextLength) throw appError('BAD_USER_INPUT', { detail: 'error.correctionText', params: { max: maxTextLength } });
      if (!idempotencyKeyPattern.test(input.idempotencyKey)) throw appError('BAD_USER_INPUT', { detail: 'error.correctionKey' });
      // An id no record could have is not found, as an unknown one is.
      if (input.itemId.length === 0 || input.itemId.length > maxItemIdLength) throw appError('NOT_FOUND');
      // Outside the caller's cards: refused as a read of the area would be, without asking.
      if (!context.access.areas.includes(dataArea(area))) throw appError('FORBIDDEN_AREA', { area: dataArea(area) });
      // Another citizen's record and an id that was never one are not found alike.
      if (!(await source.itemVisible(context, subjectId, area, input.itemId))) throw appError('NOT_FOUND');

      const request = { actorId: context.access.actorId, idempotencyKey: input.idempotencyKey, area, itemId: input.itemId, text };
      const same = (stored: StoredCorrection) =>
        stored.actorId === request.actorId && stored.area === request.area && stored.itemId === request.itemId && stored.text === request.text;
      // A repeat costs nothing of the limit; a key used for another request (or by someone else) is refused.
      let stored: StoredCorrection | null = await source.store.byKey(subjectId, input.idempotencyKey);
      if (!stored) {
        await source.limit(subjectId);
        stored = (await source.store.create(subjectId, request)).correction;
      }
      if (!same(stored)) throw appError('BAD_USER_INPUT', { detail: 'error.correctionKeyUsed' });
      // New, or a repeat of one the owner has not taken yet: send it (on).
      if (stored.status === 'RECEIVED') stored = await forward(subjectId, subjectCpr, stored, context.deadline);
      context.disclosures.add(subjectId, 'corrections', [stored.id]);
      return toCorrection(stored, context.language);
    }
  }

  return [CorrectionsResolver, CorrectionMutations] as const;
}

/** The audit trail's purpose for the item check's read: the record was looked at to send a correction of it. */
export const correctionPurpose = 'correction';

/** The item check's operations, one per kind of record, registered beside the persisted operations. */
const itemCheckQueries: Record<OwnerArea, string> = {
  cases: 'query CorrectionItemCheck { me { cases(first: 500) { id } } }',
  benefits: 'query CorrectionItemCheck { me { benefits(first: 500) { id } } }',
  payments: 'query CorrectionItemCheck { me { payments(first: 500) { id } } }',
  appointments: 'query CorrectionItemCheck { me { appointments(first: 500) { id } } }',
  deadlines: 'query CorrectionItemCheck { me { deadlines(first: 500) { id } } }',
};

/**
 * Whether the caller sees a record, asked through the graph with the current request's caller
 * (as the calendar feed reads through it), so the subgraphs' one access module decides: the
 * area's list (its first 500) holds the id or not. The read is audited as what it showed of that
 * one record; a refusal or a failing index is the answer's error.
 */
export function graphItemCheck(apollo: () => ApolloServer<GatewayContext>): ItemCheck {
  return async (context, subjectId, area, itemId) => {
    const { data, errors } = await readItemAsCaller<{ me: Record<string, { id: string }[] | null> | null }>(apollo(), context, {
      subjectId,
      itemId,
      purpose: correctionPurpose,
      query: itemCheckQueries[area],
      operationName: 'CorrectionItemCheck',
    });
    const list = data?.me?.[area];
    if (list) return list.some((each) => each.id === itemId);
    throw readFailure(errors);
  };
}

/** Composition needs the corrections' schema, never their data. */
export const schemaOnly: CorrectionSource = {
  store: {
    byKey: () => Promise.reject(new Error('schema only')),
    create: () => Promise.reject(new Error('schema only')),
    forSubject: () => Promise.reject(new Error('schema only')),
    forwarded: () => Promise.reject(new Error('schema only')),
    answered: () => Promise.reject(new Error('schema only')),
  },
  owner: {
    submit: () => Promise.reject(new Error('schema only')),
    status: () => Promise.reject(new Error('schema only')),
  },
  pseudonym: () => '',
  itemVisible: () => Promise.reject(new Error('schema only')),
  limit: () => Promise.resolve(),
};

/** The gateway's own subgraph with the corrections' resolvers added. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function withCorrections<T extends { resolvers: readonly Function[] }>(ownSubgraph: T, source: CorrectionSource) {
  const [correctionsResolver, mutations] = correctionResolvers(source);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const resolvers: NonEmptyArray<Function> = [correctionsResolver, mutations, ...ownSubgraph.resolvers];
  return { ...ownSubgraph, resolvers };
}
