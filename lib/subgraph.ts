import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { createAreaLoaders, IndexClient, type AreaLoaders, type IndexDescription } from './area-index';
import { accessRules, judge, type Verdict } from './access/rules';
import { createCache } from './cache/create-cache';
import type { SubgraphConfig, SubgraphName } from './config';
import { appError, formatError } from './errors';
import { listen, type RunningService } from './http-server';
import { budgetHeader, internalContextHeader, openInternalContext, type InternalContext } from './internal-context';
import { toKle, WithheldReason, type WithheldNotice } from './graph-types';
import { firstN } from './list';
import { createLogger, type Logger } from './logger';
import { citizenId } from './pseudonym';
import { startTracing } from './tracing';
import { Upstream } from './upstream';

/** The per-request context every subgraph resolver receives. */
export interface SubgraphContext<TRecord> {
  caller: InternalContext;
  logger: Logger;
  /** The pseudonymous id of the citizen the caller acts for, or null. */
  subjectId: string | null;
  /** The subgraph's index, for the represented citizen, made for this request only. */
  records: AreaLoaders<TRecord>;
  /** The index for a citizen named in the query rather than by the token (partners only). */
  recordsFor(cpr: string): AreaLoaders<TRecord>;
  /** The index itself, for changes (reads go through `records`). */
  upstream: Upstream;
  /** Today, for rules that depend on the date (age); injectable for tests. */
  today: Date;
  index: IndexDescription<TRecord>;
}

/** A subgraph is its index, its type-graphql resolvers and its entities' reference resolvers. */
export interface SubgraphDefinition<TRecord> {
  name: SubgraphName;
  index: IndexDescription<TRecord>;
  // type-graphql takes classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Entity types reached only through federation (type-graphql emits only what Query reaches). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  /** `__resolveReference` per entity type this subgraph resolves. */
  references: GraphQLResolverMap<SubgraphContext<TRecord>>;
}

const federationLink =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

/** type-graphql builds the types; @apollo/subgraph adds `_entities` and `_service` on top. */
export async function buildFederatedSchema<TContext>(definition: {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  references: GraphQLResolverMap<TContext>;
}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.entities,
    skipCheck: true,
    validate: false,
  });
  const resolvers: Record<string, object> = createResolversMap(schema);
  for (const [typeName, reference] of Object.entries(definition.references)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${federationLink}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}

/** Throws FORBIDDEN_AREA unless the caller's grant covers the subgraph's area. */
export function requireArea(context: SubgraphContext<unknown>, area: SubgraphName): void {
  if (!context.caller.areas.includes(area)) throw appError('FORBIDDEN_AREA', { area });
}

function verdict<TRecord>(context: SubgraphContext<TRecord>, area: SubgraphName, record: TRecord): Verdict {
  return judge(accessRules, area, context.index.traits(record), context.caller, context.today);
}

/** The body of every `Citizen.<area>` field: the citizen's own records the rules let through. */
export async function ownList<TRecord, TEntity>(
  context: SubgraphContext<TRecord>,
  area: SubgraphName,
  toEntity: (record: TRecord, subjectId: string) => TEntity,
  order: (a: TEntity, b: TEntity) => number,
  first: number,
): Promise<TEntity[]> {
  requireArea(context, area);
  const subjectId = context.subjectId ?? '';
  const shown = await visibleOwn(context, area);
  return firstN(shown.map((record) => toEntity(record, subjectId)).sort(order), first);
}

/** The citizen's own records in an area that the rules let this caller see. */
export async function visibleOwn<TRecord>(
  context: SubgraphContext<TRecord>,
  area: SubgraphName,
  records: AreaLoaders<TRecord> = context.records,
): Promise<TRecord[]> {
  return (await records.mine()).filter((record) => verdict(context, area, record).show);
}

/** The citizen context is for the citizen and the chatbot acting on their delegation only. */
export function requireCitizenContextReader(context: SubgraphContext<unknown>): void {
  const kind = context.caller.callerKind;
  if (kind !== 'citizen' && kind !== 'chatbot') throw appError('FORBIDDEN');
}

/** Resolves a CitizenContext reference for the citizen and their chatbot only. */
export const citizenContextReference = {
  __resolveReference(reference: { id: string }, context: SubgraphContext<unknown>): { id: string } {
    requireCitizenContextReader(context);
    return citizenReference.__resolveReference(reference, context);
  },
};

/** `__resolveReference` for an area's entity: batched by id, null where the rules say no. */
export function entityReference<TRecord, TEntity>(
  area: SubgraphName,
  toEntity: (record: TRecord, subjectId: string) => TEntity,
) {
  return {
    async __resolveReference(reference: { id: string }, context: SubgraphContext<TRecord>): Promise<TEntity | null> {
      requireArea(context, area);
      const record = await context.records.byId.load(reference.id);
      return record && verdict(context, area, record).show ? toEntity(record, context.subjectId ?? '') : null;
    },
  };
}

const withheldMessages = {
  AGE_LIMIT: (age: number, topic: string) =>
    `Some of your records about "${topic}" are shown from age ${age}. Contact the municipality if you need them now.`,
  NOT_ACTIVATED: () => 'Your municipality has not yet opened these records for online viewing. Contact the municipality to hear about them.',
};

/**
 * The body of every `Citizen.<area>Withheld` field: what exists but is not shown, grouped by
 * reason, so a citizen is told why instead of seeing a silent gap. Records outside a proxy's
 * bound case are not mentioned: they are simply not the proxy's business.
 */
export async function withheldNotices<TRecord>(context: SubgraphContext<TRecord>, area: SubgraphName): Promise<WithheldNotice[]> {
  requireArea(context, area);
  const groups = new Map<string, WithheldNotice>();
  for (const record of await context.records.mine()) {
    const judged = verdict(context, area, record);
    if (judged.show || judged.reason === 'OUTSIDE_BOUND_CASE') continue;
    const key = judged.reason === 'AGE_LIMIT' ? `${judged.reason}:${judged.kle}` : judged.reason;
    const existing = groups.get(key);
    if (existing) {
      existing.count += 1;
      continue;
    }
    const kle = judged.reason === 'AGE_LIMIT' ? toKle(judged.kle) : null;
    groups.set(key, {
      reason: WithheldReason[judged.reason],
      count: 1,
      message: judged.reason === 'AGE_LIMIT' ? withheldMessages.AGE_LIMIT(judged.minimumAge, kle!.name) : withheldMessages.NOT_ACTIVATED(),
      minimumAge: judged.reason === 'AGE_LIMIT' ? judged.minimumAge : null,
      kle,
    });
  }
  return [...groups.values()];
}

/** Resolves a Citizen reference only for the citizen the caller acts for. */
export const citizenReference = {
  __resolveReference(reference: { id: string }, context: SubgraphContext<unknown>): { id: string } {
    if (context.subjectId === null || reference.id !== context.subjectId) throw appError('FORBIDDEN');
    return { id: reference.id };
  },
};

/** For callers that act for no citizen (partners, staff): any use of "the citizen's records" is refused. */
const refuse = (): never => {
  throw appError('FORBIDDEN');
};
const noSubject: AreaLoaders<never> = {
  mine: refuse,
  freshness: refuse,
  byId: { load: refuse } as unknown as AreaLoaders<never>['byId'],
  forget: refuse,
};

/** The longest a subgraph works on one request, whatever the caller asks. */
const maxBudgetMs = 10_000;

export interface SubgraphOptions {
  /** The clock the date rules use; tests fix it so the personas' ages do not drift. */
  now?: () => Date;
}

export async function startSubgraph<TRecord>(
  definition: SubgraphDefinition<TRecord>,
  config: SubgraphConfig,
  options: SubgraphOptions = {},
): Promise<RunningService> {
  const now = options.now ?? (() => new Date());
  const logger = createLogger(`subgraph-${definition.name}`, config.logLevel);
  startTracing(config.otlpEndpoint);
  const upstream = new Upstream({
    area: definition.name,
    baseUrl: config.upstreamUrl,
    timeoutMs: config.upstreamTimeoutMs,
    logger,
    breaker: config.breaker,
  });
  const configured = createCache(config.cache, config.pseudonymKey, logger);
  const client = new IndexClient(upstream, definition.index, configured);
  const apollo = new ApolloServer<SubgraphContext<TRecord>>({
    schema: await buildFederatedSchema(definition),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.env !== 'production',
    // Traces would go to Apollo's cloud through the gateway; we run none of that.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });

  const context = async (request: IncomingMessage): Promise<SubgraphContext<TRecord>> => {
    const header = request.headers[internalContextHeader];
    const caller = await openInternalContext(typeof header === 'string' ? header : undefined, config.internalContextKey);
    if (!caller) throw appError('INTERNAL_CONTEXT_INVALID');
    const subjectCpr = caller.subjectCpr;
    // The gateway sends what is left of the client's deadline; a direct call gets the default.
    const budget = Number(request.headers[budgetHeader]);
    const deadline = Date.now() + (Number.isFinite(budget) && budget > 0 ? Math.min(budget, maxBudgetMs) : maxBudgetMs);
    // Plain properties only: Apollo copies the context per operation, which would run getters.
    return {
      caller,
      logger: logger.child({ requestId: caller.requestId }),
      subjectId: subjectCpr ? citizenId(subjectCpr, config.pseudonymKey) : null,
      upstream,
      today: now(),
      index: definition.index,
      recordsFor: (cpr: string) => createAreaLoaders(client, cpr, deadline, config.batching),
      records: subjectCpr ? createAreaLoaders(client, subjectCpr, deadline, config.batching) : noSubject,
    };
  };

  const service = await listen(
    { name: `subgraph-${definition.name}`, apollo, context, maxBodyBytes: config.maxBodyBytes, logger },
    config.host,
    config.port,
  );
  logger.info({ url: service.url, cache: configured ? (config.cache.redis ? 'redis' : 'memory') : 'off' }, 'subgraph listening');
  return {
    ...service,
    async close() {
      await service.close();
      await configured?.store.close();
    },
  };
}
