import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { NonEmptyArray } from 'type-graphql';
import { createCache } from '../../lib/cache/create-cache';
import { Disclosures, disclosuresExtension } from '../../lib/disclosures';
import type { SubgraphConfig, SubgraphName } from '../../lib/config';
import { appError, errorFormatter } from '../../lib/errors';
import { failureLogPlugin } from '../../lib/failure-log';
import { buildFederatedSchema } from '../../lib/federated-schema';
import { listen, type RunningService } from '../../lib/http-server';
import { budgetHeader, internalContextHeader, openInternalContext } from '../../lib/internal-context';
import { createLogger } from '../../lib/logger';
import { citizenId } from '../../lib/pseudonym';
import { Upstream } from '../../lib/upstream';
import { indexContract, indexDescriptions } from '../indexes';
import { Access, type Sources, type View } from './access';
import type { SubgraphContext } from './context';
import { createAreaLoaders, IndexClient, type AreaLoaders, type IndexCaching, type IndexDescription, type RecordSource } from './index-client';
import { PersonRegister } from './person-register';
import { ReplayGuard } from './replay-guard';

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
  references: GraphQLResolverMap<SubgraphContext>;
  /** Where its records come from when that is not one national index (appointments: several source systems). */
  records?: (parts: RecordSourceParts) => RecordSource<TRecord>;
}

/** What a subgraph's own record source is built from: an upstream per source system, and the shared cache. */
export interface RecordSourceParts {
  upstream(source: string, timeoutMs: number): Upstream;
  caching: IndexCaching | null;
}

/** Every answer tells the gateway whose records it holds (an empty list too: silence would be ambiguous). */
const reportDisclosures: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, [disclosuresExtension]: contextValue.disclosures.report() };
      },
    };
  },
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
  const configured = createCache(config.cache, config.pseudonymKey, logger);
  const upstream = (area: SubgraphName | 'person', purpose: 'read' | 'change' = 'read') =>
    new Upstream({ area, baseUrl: config.upstreamUrl, timeoutMs: config.upstreamTimeoutMs, logger, breaker: config.breaker, purpose });
  const caching = (index: SubgraphName | 'person') => (configured ? { cache: configured.cache, policy: configured.policyFor(index) } : null);
  // The rules read other indexes too (a payment is as visible as its benefit), through the same
  // service platform and the same shared cache, so the owning subgraph's answer is reused.
  const clients = new Map<SubgraphName, RecordSource<unknown>>();
  const own = upstream(definition.name);
  const ownRecords = (): RecordSource<unknown> | null =>
    definition.records?.({
      upstream: (source, timeoutMs) =>
        new Upstream({ area: definition.name, source, baseUrl: config.upstreamUrl, timeoutMs, logger, breaker: config.breaker }),
      caching: caching(definition.name),
    }) ?? null;
  const clientFor = (area: SubgraphName): RecordSource<unknown> => {
    let client = clients.get(area);
    if (!client) {
      client = (area === definition.name ? ownRecords() : null) ?? new IndexClient(area === definition.name ? own : upstream(area), indexContract(area), caching(area));
      clients.set(area, client);
    }
    return client;
  };
  const persons = new PersonRegister(upstream('person'), caching('person'));
  const changes = upstream(definition.name, 'change');
  const seals = new ReplayGuard(configured?.store ?? null, logger);

  const apollo = new ApolloServer<SubgraphContext>({
    schema: await buildFederatedSchema(definition),
    formatError: errorFormatter(config.env === 'production'),
    includeStacktraceInErrorResponses: false,
    introspection: config.env !== 'production',
    // Traces would go to Apollo's cloud through the gateway; we run none of that. Cache hints
    // neither: the gateway reads none, and Apollo's plugin for them (on by default) wraps every field.
    // Nor Apollo's page for a browser, which loads its scripts from Apollo's CDN.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), reportDisclosures, failureLogPlugin<SubgraphContext>(logger, (context) => context.caller.requestId)],
  });

  const context = async (request: IncomingMessage): Promise<SubgraphContext> => {
    const header = request.headers[internalContextHeader];
    const opened = await openInternalContext(typeof header === 'string' ? header : undefined, config.internalContextKeys, definition.name);
    if (!opened || !(await seals.firstUse(opened.id, opened.acceptedForMs))) throw appError('INTERNAL_CONTEXT_INVALID');
    const caller = opened.context;
    // The gateway sends what is left of the client's deadline; a direct call gets the default.
    const budget = Number(request.headers[budgetHeader]);
    const deadline = Date.now() + (Number.isFinite(budget) && budget > 0 ? Math.min(budget, maxBudgetMs) : maxBudgetMs);
    const today = now();
    const pseudonym = (cpr: string) => citizenId(cpr, config.pseudonymKey);
    /** One citizen's records for this request: loaders made on first use, never shared across requests. */
    const sourcesFor = (cpr: string): Sources => {
      const loaders = new Map<SubgraphName, AreaLoaders<unknown>>();
      let person: ReturnType<Sources['person']> | undefined;
      return {
        citizen: pseudonym(cpr),
        loaders: (area) => {
          let made = loaders.get(area);
          if (!made) {
            made = createAreaLoaders(clientFor(area), cpr, deadline, config.batching);
            loaders.set(area, made);
          }
          return made;
        },
        describe: (area) => indexDescriptions[area],
        person: () => (person ??= persons.find(cpr, deadline)),
      };
    };
    const subject = caller.subjectCpr === null ? null : sourcesFor(caller.subjectCpr);
    const accesses = new Map<View, Access>();
    const disclosures = new Disclosures();
    // Plain properties only: Apollo copies the context per operation, which would run getters.
    return {
      caller,
      logger: logger.child({ requestId: caller.requestId }),
      subjectId: subject?.citizen ?? null,
      reader: { subjectId: subject?.citizen ?? '', language: caller.language },
      upstream: own,
      changes,
      today,
      access: (view) => {
        // Callers acting for no citizen (an organisation, a partner naming none) have no records to read.
        if (subject === null) throw appError('FORBIDDEN');
        let made = accesses.get(view);
        if (!made) {
          made = new Access(caller, view, subject, today, disclosures);
          accesses.set(view, made);
        }
        return made;
      },
      disclosures,
      batch: (area, ids) => (ids.length === 0 ? Promise.resolve([]) : clientFor(area).byIds(ids, [], deadline)),
      person: (cpr) => persons.find(cpr, deadline),
      pseudonym,
      forget: async (cpr = caller.subjectCpr ?? undefined) => {
        if (cpr !== undefined) await clientFor(definition.name).forget(cpr);
      },
    };
  };

  const service = await listen(
    { name: `subgraph-${definition.name}`, apollo, context, maxBodyBytes: config.maxBodyBytes, bodyTimeoutMs: config.bodyTimeoutMs, logger },
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
