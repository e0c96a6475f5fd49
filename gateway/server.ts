import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GatewayConfig } from '../lib/config';
import { disclosuresExtension, readDisclosureReport } from '../lib/disclosures';
import { errorFormatter } from '../lib/errors';
import { buildFederatedSchema } from '../lib/federated-schema';
import { failureLogPlugin } from '../lib/failure-log';
import { listen, type RunningService } from '../lib/http-server';
import { budgetHeader, internalContextHeader } from '../lib/internal-context';
import { createLogger } from '../lib/logger';
import { citizenId } from '../lib/pseudonym';
import { Upstream } from '../lib/upstream';
import { startAuditTrail } from './audit/audit-trail';
import { RedisCheckpoints } from './audit/checkpoints';
import { createAccessPolicy, type Access } from './auth/access-policy';
import { withCalendarLinks } from './calendar/calendar-links';
import { calendarFeedRoute, feedRequestsPerLinkPerMinute } from './calendar/feed';
import { CalendarLinkStore } from './calendar/link-store';
import { ConsentChecks, ConsentStore } from './consent/consent-store';
import { withConsents } from './consent/consents';
import { eitherRoute, startExports } from './exports/export-service';
import { defaultExportDir } from './exports/export-store';
import { withExports } from './exports/exports';
import { CorrectionStore } from './corrections/correction-store';
import { graphItemCheck, withCorrections } from './corrections/corrections';
import { correctionOwner } from './corrections/owner';
import { createReachLimit, MemoryReach, RedisReach } from './citizen-reach';
import { withAccessGrants } from './access-grants';
import { withItemHistory } from './item-history';
import { graphiqlRoute } from './graphiql';
import { CustodyGrants, proxyOrCustody } from './auth/custody';
import { registers } from './registers';
import { ProxyGrants } from './auth/proxy-grants';
import { createTokenVerifier, type TokenVerifier } from './auth/token-verifier';
import { clientAddress } from './client-address';
import { createContextFactory, type GatewayContext } from './context';
import { createEngine, gatewayMarginMs } from './engine';
import { metricsPlugin } from './plugins/metrics';
import { loadPersistedDocuments, persistedOperationsByName, resolvePersistedDocument } from './plugins/persisted-operations';
import { queryLimitsPlugin, tokenLimit } from './plugins/query-limits';
import { requestIdPlugin } from './plugins/request-id';
import { responseTypePlugin } from './plugins/response-type';
import { responseExtensionsPlugin } from './plugins/response-extensions';
import { callerKey, createRateLimit, MemoryCounter, RedisCounter, type WindowLimit } from './rate-limit';
import { gatewayReadiness } from './readiness';
import { RedisStore } from '../lib/cache/redis-store';

export interface GatewayOptions {
  /** Tests may hand in a verifier; by default tokens are checked against the issuer's JWKS. */
  verify?: TokenVerifier;
  /** Bench only (bench/target-process.ts), to put a number on the audit trail's cost: false leaves the audit plugin out, so nothing is recorded. main.ts never sets it. */
  auditTrail?: false;
}

export async function startGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<RunningService> {
  const logger = createLogger('gateway', config.logLevel);
  const production = config.env === 'production';
  const redis = config.redis ? new RedisStore({ location: config.redis, commandTimeoutMs: config.redisCommandTimeoutMs }) : null;
  const counter = redis ? new RedisCounter(redis.client) : new MemoryCounter();
  const windowLimit = (name: WindowLimit['name'], perMinute: number, code: WindowLimit['code'] = 'RATE_LIMITED') =>
    createRateLimit(counter, { name, perMinute, code }, config.pseudonymKey, logger);
  const rateLimit = windowLimit('caller', config.rateLimitPerMinute);
  const addressLimit = windowLimit('address', config.rateLimitPerAddressPerMinute);
  const chatbotLimit = windowLimit('chatbot', config.chatbotRateLimitPerMinute);
  const serviceLimit = windowLimit('service', config.serviceRateLimitPerMinute);
  const costBudget = windowLimit('cost', config.costBudgetPerMinute, 'QUERY_BUDGET_EXHAUSTED');
  const calendarLimit = windowLimit('calendar', feedRequestsPerLinkPerMinute);
  const correctionsLimit = windowLimit('corrections', config.corrections.perMinute);
  const reachLimit = createReachLimit(redis ? new RedisReach(redis.client) : new MemoryReach(), config.citizensPerHour, config.pseudonymKey, logger);
  const limit = async (access: Access) => {
    // A chatbot's client as a whole has a cap; each citizen on it has a bucket of their own.
    if (access.callerKind === 'chatbot') await chatbotLimit(access.actorId);
    // So has an external service's, with a bucket per citizen whose consent it holds.
    if (access.callerKind === 'service') await serviceLimit(access.actorId);
    await rateLimit(callerKey(access));
    await reachLimit(access.callerKind, access.actorId, access.subjectCpr);
  };
  const upstream = (area: 'proxies' | 'cases' | 'person' | 'corrections', baseUrl: string) =>
    new Upstream({ area, baseUrl, timeoutMs: config.upstreamTimeoutMs, logger, breaker: config.breaker });
  const proxyRegistry = upstream('proxies', config.proxyRegistryUrl);
  const personRegister = upstream('person', config.personRegisterUrl);
  const caseIndex = upstream('cases', config.caseIndexUrl);
  const national = registers({ proxies: proxyRegistry, persons: personRegister, cases: caseIndex });
  const grants = proxyOrCustody(
    new ProxyGrants({ registers: national, ttlMs: config.proxyGrantCacheMs }),
    new CustodyGrants({ registers: national, ttlMs: config.proxyGrantCacheMs }),
  );
  const audit = await startAuditTrail(config, national, logger, redis ? new RedisCheckpoints(redis.client) : null);
  // Consents for external services live in the audit database too, their CPR sealed as a calendar link's is.
  const consentStore = new ConsentStore(audit.database, config.calendarLinkKeys);
  const consentChecks = new ConsentChecks(consentStore, config.consentCacheMs);
  const accessPolicy = createAccessPolicy(config, grants, audit.recordRefusal, consentChecks);
  // Calendar links live in the audit database and are served by the gateway's own subgraph.
  const calendarLinks = new CalendarLinkStore(audit.database, config.calendarLinkKeys);
  let ownOrigin = '';
  const pseudonym = (cpr: string) => citizenId(cpr, config.pseudonymKey);
  // The entity a root field answers for the citizen the request is about, by their pseudonym.
  const subjectAs =
    (typename: string) =>
    ({ access }: GatewayContext) =>
      access.subjectCpr === null ? undefined : { __typename: typename, id: pseudonym(access.subjectCpr) };
  const withCalendar = withCalendarLinks(audit.ownSubgraph, {
    store: calendarLinks,
    pseudonym,
    publicBaseUrl: () => config.publicBaseUrl?.replace(/\/+$/, '') ?? ownOrigin,
  });
  const withConsentList = withConsents(withCalendar, { store: consentStore, pseudonym, forget: (ids) => consentChecks.forget(ids) });
  // Correction requests live in the audit database too; the record named is checked through the graph, as the caller.
  const withCorrectionList = withCorrections(withConsentList, {
    store: new CorrectionStore(audit.database),
    owner: correctionOwner(upstream('corrections', config.corrections.url)),
    pseudonym,
    itemVisible: graphItemCheck((): ApolloServer<GatewayContext> => apollo),
    limit: (subjectId) => correctionsLimit(subjectId),
  });
  // Citizens' data exports, read through the graph as the citizen in the background (gateway/exports/).
  const exports = await startExports({
    dir: config.exports.dir ?? defaultExportDir(),
    ttlHours: config.exports.ttlHours,
    perDay: config.exports.perDay,
    apollo: () => apollo,
    accessFor: (subjectCpr, request) => accessPolicy({ kind: 'citizen', subjectCpr, assurance: 'Substantial' }, { ...request, namedCitizen: null }),
    record: audit.record,
    internalContextKeys: config.internalContextKeys,
    deadlineMs: config.requestDeadlineMs,
    pseudonym,
    publicBaseUrl: () => config.publicBaseUrl?.replace(/\/+$/, '') ?? ownOrigin,
    verify: (authorization) => verify(authorization),
    decide: accessPolicy,
    limitAddress: (request) => limitAddress(request),
    logger,
  });
  const ownSchema = await buildFederatedSchema(
    withAccessGrants(
      // An item's provenance and the events that disclosed it, the item read through the graph as the citizen.
      withItemHistory(withExports(withCorrectionList, exports.source), {
        events: audit.eventsTouching,
        proxyHolders: audit.proxyHolders,
        pseudonym,
        apollo: (): ApolloServer<GatewayContext> => apollo,
      }),
      {
        proxies: national.proxiesOf,
        cases: national.cases,
        persons: national.persons,
        consents: (subjectId) => consentStore.forSubject(subjectId),
        pseudonym,
        now: () => new Date(),
      },
    ),
  );
  const supergraphSdl = await readFile(config.supergraphPath, 'utf8');
  // The manifest that is the allow-list in allow-list mode; else the generated one, for hash-only requests.
  const persistedDocuments = loadPersistedDocuments(config.persistedOperationsPath);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: createEngine<GatewayContext>({
      supergraphSdl,
      subgraphUrls: config.subgraphUrls,
      localSubgraphs: { audit: ownSchema },
      compiledPlans: config.compiledPlans,
      // `me` and `citizenContext` answer the citizen the token is for, by the pseudonym computed
      // here too; a guess only: the subgraph still decides, and a wrong guess costs its fetches.
      knownRoots: { me: subjectAs('Citizen'), citizenContext: subjectAs('CitizenContext') },
      received: (context, extensions, hasData) => {
        const reported = readDisclosureReport(extensions?.[disclosuresExtension]);
        if (reported) context.disclosures.addReport(reported);
        else if (hasData) context.unaccounted = true;
      },
      headersFor: async (context, fetch) => ({
        [internalContextHeader]: await context.sealFor(fetch.subgraph, fetch.mutation),
        'x-request-id': context.requestId,
        // The subgraph writes its error messages in it; its data texts follow the sealed context.
        'accept-language': context.language,
        [budgetHeader]: String(Math.max(1, context.deadline - Date.now() - gatewayMarginMs)),
      }),
    }),
    formatError: errorFormatter(production),
    parseOptions: tokenLimit(config.limits),
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    // No "did you mean" field suggestions that would map the schema for a prober.
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    plugins: [
      // On by default, it works out a cache policy per request from hints no subgraph answer carries here.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's default page for a browser's GET loads Apollo's scripts from its CDN: a third party's code on a public authority's endpoint.
      ApolloServerPluginLandingPageDisabled(),
      requestIdPlugin(),
      responseTypePlugin<GatewayContext>(),
      responseExtensionsPlugin(logger),
      metricsPlugin(new Set(Object.keys(persistedOperationsByName(persistedDocuments)))),
      failureLogPlugin<GatewayContext>(logger, (context) => context.requestId),
      // An export's pages are charged to no budget: exports have limits of their own (one at a time, EXPORTS_PER_DAY).
      queryLimitsPlugin<GatewayContext>(config.limits, (context, cost) => (context.backgroundRead ? Promise.resolve() : costBudget(callerKey(context.access), cost))),
      ...(options.auditTrail === false ? [] : [audit.plugin]),
    ],
  });
  const verify = options.verify ?? createTokenVerifier(config.auth);
  const limitAddress = (request: IncomingMessage) => addressLimit(clientAddress(request, config.trustedProxyHops));
  const service = await listen(
    {
      name: 'gateway',
      apollo,
      context: createContextFactory(
        verify,
        accessPolicy,
        limitAddress,
        limit,
        config.internalContextKeys,
        config.requestDeadlineMs,
      ),
      ready: gatewayReadiness({ auditHealthy: audit.healthy, redis: redis?.client ?? null, subgraphUrls: config.subgraphUrls }),
      maxBodyBytes: config.maxBodyBytes,
      bodyTimeoutMs: config.bodyTimeoutMs,
      admission: { ...config.concurrency, waitMs: config.requestDeadlineMs },
      cors: { allowedOrigins: config.corsAllowedOrigins },
      // Requests by `documentId` or APQ hash; in allow-list mode (production) only those.
      resolveBody: (body) => resolvePersistedDocument(body, persistedDocuments, config.persistedOperationsPath !== undefined),
      routes: eitherRoute(
        exports.route,
        calendarFeedRoute({
        store: calendarLinks,
        apollo,
        // The link was made on the citizen's own login, at Substantial or High (a Low login reaches no personal data).
        accessFor: (subjectCpr, request) => accessPolicy({ kind: 'citizen', subjectCpr, assurance: 'Substantial' }, { ...request, namedCitizen: null }),
        limitAddress,
        limitLink: (hash) => calendarLimit(hash),
        internalContextKeys: config.internalContextKeys,
        deadlineMs: config.requestDeadlineMs,
        logger,
      }),
        // A browser IDE from node_modules, in development only.
        ...(production ? [] : [graphiqlRoute]),
      ),
      logger,
    },
    config.host,
    config.port,
  );
  ownOrigin = new URL(service.url).origin;
  logger.info({ url: service.url }, 'gateway listening');
  return {
    ...service,
    async close() {
      exports.close();
      await service.close();
      await Promise.all([redis?.close(), audit.close()]);
    },
  };
}
