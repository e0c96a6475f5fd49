import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { createAreaLoaders, IndexClient, type AreaLoaders, type IndexDescription } from './area-index';
import { createCache } from './cache/create-cache';
import type { SubgraphConfig, SubgraphName } from './config';
import { appError, formatError } from './errors';
import { listen, type RunningService } from './http-server';
import { internalContextHeader, openInternalContext, type InternalContext } from './internal-context';
import { firstN } from './list';
import { createLogger, type Logger } from './logger';
import { citizenId } from './pseudonym';
import { Upstream } from './upstream';

/** The per-request context every subgraph resolver receives. */
export interface SubgraphContext<TRecord> {
  caller: InternalContext;
  logger: Logger;
  /** The pseudonymous id of the citizen the caller acts for, or null. */
  subjectId: string | null;
  /** The subgraph's index, for the represented citizen, made for this request only. */
  records: AreaLoaders<TRecord>;
  /** The index itself, for changes (reads go through `records`). */
  upstream: Upstream;
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
export async function buildFederatedSchema<TRecord>(definition: SubgraphDefinition<TRecord>): Promise<GraphQLSchema> {
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

/** The body of every `Citizen.<area>` field: the citizen's own records, mapped, ordered, bounded. */
export async function ownList<TRecord, TEntity>(
  context: SubgraphContext<TRecord>,
  area: SubgraphName,
  toEntity: (record: TRecord, subjectId: string) => TEntity,
  order: (a: TEntity, b: TEntity) => number,
  first: number,
): Promise<TEntity[]> {
  requireArea(context, area);
  const records = await context.records.mine();
  const subjectId = context.subjectId ?? '';
  return firstN(records.map((record) => toEntity(record, subjectId)).sort(order), first);
}

/** `__resolveReference` for an area's entity: batched by id, null for another citizen's record. */
export function entityReference<TRecord, TEntity>(
  area: SubgraphName,
  toEntity: (record: TRecord, subjectId: string) => TEntity,
) {
  return {
    async __resolveReference(reference: { id: string }, context: SubgraphContext<TRecord>): Promise<TEntity | null> {
      requireArea(context, area);
      const record = await context.records.byId.load(reference.id);
      return record ? toEntity(record, context.subjectId ?? '') : null;
    },
  };
}

/** Resolves a Citizen reference only for the citizen the caller acts for. */
export const citizenReference = {
  __resolveReference(reference: { id: string }, context: SubgraphContext<unknown>): { id: string } {
    if (context.subjectId === null || reference.id !== context.subjectId) throw appError('FORBIDDEN');
    return { id: reference.id };
  },
};

export async function startSubgraph<TRecord>(
  definition: SubgraphDefinition<TRecord>,
  config: SubgraphConfig,
): Promise<RunningService> {
  const logger = createLogger(`subgraph-${definition.name}`, config.logLevel);
  const upstream = new Upstream({
    area: definition.name,
    baseUrl: config.upstreamUrl,
    timeoutMs: config.upstreamTimeoutMs,
    logger,
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
    let records: AreaLoaders<TRecord> | undefined;
    return {
      caller,
      logger: logger.child({ requestId: caller.requestId }),
      subjectId: subjectCpr ? citizenId(subjectCpr, config.pseudonymKey) : null,
      upstream,
      get records(): AreaLoaders<TRecord> {
        if (!subjectCpr) throw appError('FORBIDDEN');
        return (records ??= createAreaLoaders(client, subjectCpr, config.batching));
      },
    };
  };

  const service = await listen({ apollo, context, maxBodyBytes: config.maxBodyBytes, logger }, config.host, config.port);
  logger.info({ url: service.url, cache: configured ? (config.cache.redisUrl ? 'redis' : 'memory') : 'off' }, 'subgraph listening');
  return {
    ...service,
    async close() {
      await service.close();
      await configured?.store.close();
    },
  };
}
