import { z } from 'zod';
import type { ContextKeys } from './internal-context';

/**
 * Every setting any service reads, with its type, default and meaning in one place. The README's
 * configuration table is checked against this list by a test, so the two cannot drift.
 */

export type Service = 'gateway' | 'subgraph' | 'dev';

export const subgraphNames = ['cases', 'benefits', 'payments', 'appointments', 'proxies'] as const;
export type SubgraphName = (typeof subgraphNames)[number];

/** Fixed local ports so `npm start` needs no configuration; deployments set PORT per component. */
export const defaultPorts = {
  gateway: 4000,
  cases: 4101,
  benefits: 4102,
  payments: 4103,
  appointments: 4104,
  proxies: 4105,
  simulator: 4300,
  issuer: 4400,
} as const;

/**
 * Development keys, so the stack runs with no setup. They are public by being in this file:
 * a production deployment must provide its own (issue: production refuses these).
 */
export const developmentKeys = {
  internalContext: 'ZGV2LWludGVybmFsLWNvbnRleHQta2V5LTMyYnl0ZXM',
  pseudonym: 'ZGV2LXBzZXVkb255bS1rZXktbm90LWZvci1wcm9kdWN0aW9u',
  cache: 'dev1:ZGV2LWNhY2hlLWVuY3J5cHRpb24ta2V5LW5vdC1zZWNyZXQ',
  auditCheckpoint: 'ZGV2LWF1ZGl0LWNoZWNrcG9pbnQta2V5LW5vdC1zZWNyZXQh',
  calendarLink: 'ZGV2LWNhbGVuZGFyLWxpbmsta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg',
} as const;

const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().positive();
const url = z.string().url();
/** A base64url secret of at least 32 bytes once decoded. */
const secret = z
  .string()
  .refine((value) => Buffer.from(value, 'base64url').length >= 32, 'must be base64url of at least 32 bytes');
const list = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
/** `name=value,name=value`, e.g. `cases=120,proxies=5`. */
const pairs = list.transform((items, context) => {
  const result: Record<string, string> = {};
  for (const item of items) {
    const [name, value] = item.split(/[=:](.*)/s);
    if (!name || !value) context.addIssue({ code: 'custom', message: `"${item}" is not name=value` });
    else result[name] = value;
  }
  return result;
});
/** Every index the subgraphs cache: the five areas and the CPR register the access rules read. */
export const cachedIndexes = [...subgraphNames, 'person'] as const;
const secondsPerArea = pairs.pipe(
  z.object(
    Object.fromEntries(cachedIndexes.map((name) => [name, z.string().transform(Number).pipe(z.number().int().min(0))])),
  ),
);
/** `keyId:base64url,keyId:base64url`; the first encrypts, all decrypt. */
const keyRing = pairs.pipe(z.record(z.string().regex(/^[A-Za-z0-9_-]+$/), secret)).refine(
  (ring) => Object.keys(ring).length > 0,
  'needs at least one keyId:secret',
);
/** One secret (a ring of one, id `k0`), or a ring `keyId:secret,...` whose first key is current. */
const secretOrRing = z.union([
  secret.refine((value) => !value.includes(':'), 'a ring is keyId:secret,...').transform((value) => ({ k0: value })),
  keyRing,
]);

/** Origins a front end in development is served from (Vite's default port), allowed when CORS_ALLOWED_ORIGINS is unset outside production. */
export const developmentCorsOrigins = ['http://127.0.0.1:5173', 'http://localhost:5173'];

/** `scheme://host[:port]` exactly as a browser sends it in `Origin`. */
function isOrigin(value: string): boolean {
  try {
    const parsed = new URL(value);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === value;
  } catch {
    return false;
  }
}

interface Setting {
  schema: z.ZodType;
  default?: string;
  services: Service[];
  doc: string;
}

const subgraphUrl = (name: SubgraphName) =>
  ({
    schema: url,
    default: `http://127.0.0.1:${defaultPorts[name]}/graphql`,
    services: ['gateway'],
    doc: `GraphQL URL of the ${name} subgraph.`,
  }) satisfies Setting;

export const settings = {
  NODE_ENV: {
    schema: z.enum(['development', 'test', 'production']),
    default: 'development',
    services: ['gateway', 'subgraph', 'dev'],
    doc: 'Run mode. `production` masks errors and turns introspection off.',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    services: ['gateway', 'subgraph', 'dev'],
    doc: 'Minimum level of the JSON log lines (pino).',
  },
  HOST: {
    schema: z.string().min(1),
    default: '127.0.0.1',
    services: ['gateway', 'subgraph', 'dev'],
    doc: 'Interface to listen on (`0.0.0.0` in containers).',
  },
  PORT: {
    schema: port.optional(),
    services: ['gateway', 'subgraph'],
    doc: 'Port to listen on. Default: gateway 4000, subgraphs 4101-4105 (cases, benefits, payments, appointments, proxies).',
  },
  INTERNAL_CONTEXT_KEY: {
    schema: secretOrRing,
    default: developmentKeys.internalContext,
    services: ['gateway', 'subgraph'],
    doc: 'Shared secret (base64url, 32 bytes) that encrypts the internal context the gateway sends to subgraphs; or a ring `keyId:secret,...` whose first key seals and all open (roll a new key out to the subgraphs second, then first).',
  },
  PSEUDONYM_KEY: {
    schema: secret,
    default: developmentKeys.pseudonym,
    services: ['gateway', 'subgraph'],
    doc: 'Secret (base64url, at least 32 bytes) for the keyed hash that makes citizen ids pseudonymous.',
  },
  SUPERGRAPH_PATH: {
    schema: z.string().min(1),
    default: 'schema/supergraph.graphql',
    services: ['gateway'],
    doc: 'The composed supergraph the gateway serves (`npm run compose` writes it).',
  },
  SUBGRAPH_CASES_URL: subgraphUrl('cases'),
  SUBGRAPH_BENEFITS_URL: subgraphUrl('benefits'),
  SUBGRAPH_PAYMENTS_URL: subgraphUrl('payments'),
  SUBGRAPH_APPOINTMENTS_URL: subgraphUrl('appointments'),
  SUBGRAPH_PROXIES_URL: subgraphUrl('proxies'),
  AUTH_ISSUER: {
    schema: url,
    default: `http://127.0.0.1:${defaultPorts.issuer}`,
    services: ['gateway'],
    doc: 'Expected `iss` of citizen tokens.',
  },
  AUTH_JWKS_URL: {
    schema: url.optional(),
    services: ['gateway'],
    doc: "The issuer's JWKS. Default: `<AUTH_ISSUER>/.well-known/jwks.json`.",
  },
  AUTH_AUDIENCE: {
    schema: z.string().min(1),
    default: 'borger-graph',
    services: ['gateway'],
    doc: 'Expected `aud` of tokens.',
  },
  AUTH_ALGORITHMS: {
    schema: list.pipe(z.array(z.enum(['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'])).min(1)),
    default: 'ES256,RS256,EdDSA',
    services: ['gateway'],
    doc: 'Allow-listed signature algorithms (never `none` or HMAC).',
  },
  AUTH_CLAIM_CPR: {
    schema: z.string().min(1),
    default: 'https://data.gov.dk/model/core/eid/cprNumber',
    services: ['gateway'],
    doc: "Claim that carries the citizen's CPR number (brokers name it differently).",
  },
  AUTH_CLAIM_CVR: {
    schema: z.string().min(1),
    default: 'https://data.gov.dk/model/core/eid/professional/cvr',
    services: ['gateway'],
    doc: "Claim that carries an organisation's CVR number (MitID Erhverv).",
  },
  AUTH_CLAIM_ASSURANCE: {
    schema: z.string().min(1),
    default: 'https://data.gov.dk/concept/core/nsis/loa',
    services: ['gateway'],
    doc: 'Claim that carries the NSIS assurance level (`Low`, `Substantial`, `High`).',
  },
  AUTH_CLOCK_SKEW_SECONDS: {
    schema: z.coerce.number().int().min(0).max(300),
    default: '30',
    services: ['gateway'],
    doc: 'Tolerated clock skew for `exp` and `nbf`.',
  },
  AUTH_VERIFIED_TOKEN_SECONDS: {
    schema: z.coerce.number().int().min(0).max(300),
    default: '60',
    services: ['gateway'],
    doc: "How long a verified token's caller is remembered (never past its `exp`), so the client's next requests skip the signature check; a key withdrawn from the JWKS is refused within this long. `0` verifies every request.",
  },
  GATEWAY_COMPILED_PLANS: {
    schema: flag,
    default: 'true',
    services: ['gateway'],
    doc: "Run each operation by a query plan compiled once for it (gateway/engine/compiled-operations.ts); `false` runs every operation through Apollo's gateway executor, which also answers what the compiled plans leave to it (introspection, subscriptions).",
  },
  REQUEST_DEADLINE_MS: {
    schema: positiveMs,
    default: '2500',
    services: ['gateway'],
    doc: 'Overall deadline of one client request; what is left of it travels to subgraphs and upstream calls.',
  },
  BREAKER_FAILURE_THRESHOLD: {
    schema: z.coerce.number().int().min(1),
    default: '5',
    services: ['gateway', 'subgraph'],
    doc: 'Consecutive failures of one index that open its circuit breaker.',
  },
  BREAKER_OPEN_MS: {
    schema: positiveMs,
    default: '10000',
    services: ['gateway', 'subgraph'],
    doc: 'How long an open breaker answers at once before one probe goes to the index.',
  },
  MAX_QUERY_DEPTH: {
    schema: z.coerce.number().int().min(1),
    default: '8',
    services: ['gateway'],
    doc: 'Deepest field nesting accepted, the leaf field counted; fragments count where they are spread.',
  },
  MAX_ALIASES: {
    schema: z.coerce.number().int().min(0),
    default: '15',
    services: ['gateway'],
    doc: 'Most aliases accepted in one operation.',
  },
  MAX_QUERY_COST: {
    schema: z.coerce.number().int().min(1),
    default: '20000',
    services: ['gateway'],
    doc: 'Most objects one operation may make the subgraphs build (each list multiplies by its `first`).',
  },
  MAX_DIRECTIVES: {
    schema: z.coerce.number().int().min(0),
    default: '20',
    services: ['gateway'],
    doc: 'Most directives accepted in one operation, fragments included.',
  },
  MAX_TOKENS: {
    schema: z.coerce.number().int().min(1),
    default: '3000',
    services: ['gateway'],
    doc: 'Most lexical tokens in one query document; the parser stops there.',
  },
  COST_BUDGET_PER_MINUTE: {
    schema: z.coerce.number().int().min(1),
    default: '200000',
    services: ['gateway'],
    doc: 'Query cost (as MAX_QUERY_COST counts it) one caller may spend per minute; more get HTTP 429 QUERY_BUDGET_EXHAUSTED.',
  },
  MAX_CONCURRENT_REQUESTS: {
    schema: z.coerce.number().int().min(1),
    default: '64',
    services: ['gateway'],
    doc: 'GraphQL requests worked on at once by one gateway process; more wait in a queue. Health probes never wait.',
  },
  MAX_QUEUED_REQUESTS: {
    schema: z.coerce.number().int().min(0),
    default: '256',
    services: ['gateway'],
    doc: 'Requests that may wait for a free slot; past this (or past the request deadline in the queue) HTTP 503 SERVER_BUSY.',
  },
  RATE_LIMIT_PER_MINUTE: {
    schema: z.coerce.number().int().min(1),
    default: '600',
    services: ['gateway'],
    doc: 'Requests per caller per minute; more get HTTP 429 with Retry-After. Shared through Redis when REDIS_URL is set.',
  },
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: {
    schema: z.coerce.number().int().min(1),
    default: '1200',
    services: ['gateway'],
    doc: 'Requests per client address per minute, counted before the token is checked, so callers with bad tokens are throttled too (429).',
  },
  TRUSTED_PROXY_HOPS: {
    schema: z.coerce.number().int().min(0).max(5),
    default: '0',
    services: ['gateway'],
    doc: 'Proxies (load balancer, ingress) in front of the gateway that append to X-Forwarded-For; the per-address limit reads the client address that many entries from the right. 0: the socket peer, the header ignored.',
  },
  CHATBOT_RATE_LIMIT_PER_MINUTE: {
    schema: z.coerce.number().int().min(1),
    default: '6000',
    services: ['gateway'],
    doc: "Requests per chatbot client per minute, all its citizens together; each citizen on it also has RATE_LIMIT_PER_MINUTE of their own.",
  },
  SERVICE_RATE_LIMIT_PER_MINUTE: {
    schema: z.coerce.number().int().min(1),
    default: '6000',
    services: ['gateway'],
    doc: "Requests per external service per minute, all the citizens whose consent it holds together; each citizen on it also has RATE_LIMIT_PER_MINUTE of their own.",
  },
  PARTNER_CITIZENS_PER_HOUR: {
    schema: z.coerce.number().int().min(1),
    default: '300',
    services: ['gateway'],
    doc: 'Distinct citizens one partner organisation may read in an hour; more are refused (429) and `citizen_reach_refusals_total` rises. Shared through Redis when set.',
  },
  STAFF_CITIZENS_PER_HOUR: {
    schema: z.coerce.number().int().min(1),
    default: '100',
    services: ['gateway'],
    doc: 'Distinct citizens one verification staff member may read in an hour; more are refused (429) and `citizen_reach_refusals_total` rises.',
  },
  PERSISTED_OPERATIONS_PATH: {
    schema: z.string().min(1).optional(),
    services: ['gateway'],
    doc: 'Allow-list mode: only the operations in this manifest run (`clients/generated/persisted-documents.json`, from `npm run codegen`).',
  },
  DATABASE_URL: {
    schema: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
    services: ['gateway'],
    doc: 'PostgreSQL for the audit trail (append-only, hash-chained). Required in production; unset elsewhere: an embedded, in-memory PGlite for `npm start` alone.',
  },
  AUDIT_CHECKPOINT_KEY: {
    schema: secret,
    default: developmentKeys.auditCheckpoint,
    services: ['gateway'],
    doc: "Secret (base64url, at least 32 bytes) that signs the audit chain's head (see `AUDIT_CHECKPOINT_INTERVAL_MS`), logged and kept in Redis, so `npm run audit:verify` notices history rewritten in the database.",
  },
  AUDIT_CHECKPOINT_INTERVAL_MS: {
    schema: z.coerce.number().int().min(0).max(60_000),
    default: '1000',
    services: ['gateway'],
    doc: "At most one checkpoint of the audit chain's head per this many ms: the first head after a quiet spell at once, the newest at the end of each busy interval, so history younger than this is the only history not yet anchored outside the database. 0: a checkpoint after every batch.",
  },
  CALENDAR_LINK_KEY: {
    schema: secretOrRing,
    default: developmentKeys.calendarLink,
    services: ['gateway'],
    doc: "Secret (base64url, 32 bytes) that seals (AES-256-GCM) the CPR number stored with each calendar link and each consent for an external service in the audit database; or a ring `keyId:secret,...` whose first key seals and all open (keep a retired key in the ring while links or consents sealed under it are in use).",
  },
  PUBLIC_BASE_URL: {
    schema: url.optional(),
    services: ['gateway'],
    doc: 'The address citizens reach the gateway at, e.g. `https://borger-graph.example.dk`: calendar links are `<PUBLIC_BASE_URL>/calendar/<token>.ics`. Default: the gateway\'s own address (`http://127.0.0.1:4000` under `npm start`).',
  },
  CORS_ALLOWED_ORIGINS: {
    schema: list
      .pipe(z.array(z.string().refine((value) => isOrigin(value), 'each must be an origin: scheme://host[:port], no path, no `*`')))
      .optional(),
    services: ['gateway'],
    doc: `Origins (comma list) whose pages may call the gateway from a browser: a preflight from one is answered and its responses carry \`Access-Control-Allow-Origin\` with that origin (never \`*\`); any other origin gets no CORS headers. Default: none in production; elsewhere ${developmentCorsOrigins.join(', ')} (a Vite dev server).`,
  },
  AUDIT_RETENTION_DAYS: {
    schema: z.coerce.number().int().min(1),
    default: '1825',
    services: ['gateway'],
    doc: 'Audit events older than this are removed by `npm run audit:retention`, leaving an anchor so the chain still verifies.',
  },
  PROXY_REGISTRY_URL: {
    schema: url,
    default: `http://127.0.0.1:${defaultPorts.simulator}`,
    services: ['gateway'],
    doc: 'Base URL of Digital Fuldmagt, where the gateway checks a proxy holder\'s grant on every request.',
  },
  CASE_INDEX_URL: {
    schema: url,
    default: `http://127.0.0.1:${defaultPorts.simulator}`,
    services: ['gateway'],
    doc: 'Base URL of the case index, where the gateway checks that a case-bound proxy\'s case is still open.',
  },
  PERSON_REGISTER_URL: {
    schema: url,
    default: `http://127.0.0.1:${defaultPorts.simulator}`,
    services: ['gateway'],
    doc: 'Base URL of the CPR register, where the gateway reads who has custody of a minor a parent acts for.',
  },
  CORRECTIONS_URL: {
    schema: url,
    default: `http://127.0.0.1:${defaultPorts.simulator}`,
    services: ['gateway'],
    doc: "Base URL of the data owners' correction intake, where the gateway sends a citizen's request to correct their data (`flagCorrection`) and asks how it stands.",
  },
  CORRECTIONS_PER_MINUTE: {
    schema: z.coerce.number().int().min(1),
    default: '10',
    services: ['gateway'],
    doc: 'New correction requests (`flagCorrection`) per citizen per minute, the citizen and their proxies together; a repeat with the same idempotency key is not counted.',
  },
  PROXY_GRANT_CACHE_MS: {
    schema: z.coerce.number().int().min(0).max(5000),
    default: '2000',
    services: ['gateway'],
    doc: 'How long a proxy grant check is reused; at most 5000, so a revocation takes effect within 5 s.',
  },
  CONSENT_CACHE_MS: {
    schema: z.coerce.number().int().min(0).max(5000),
    default: '2000',
    services: ['gateway'],
    doc: "How long the check of an external service's consent is reused; at most 5000, so a withdrawal takes effect within 5 s (at once on the replica that took it).",
  },
  EXPORT_DIR: {
    schema: z.string().min(1).optional(),
    services: ['gateway'],
    doc: "Directory where citizens' data exports (`requestExport`) are written and served from, each with its description beside it; give replicas a shared volume. Default: `borger-graph-exports` in the system's temporary directory.",
  },
  EXPORT_TTL_HOURS: {
    schema: z.coerce.number().positive().max(24),
    default: '24',
    services: ['gateway'],
    doc: 'How long a finished data export can be downloaded; then its files are deleted (a sweep every few minutes) and it answers 404. At most 24.',
  },
  EXPORTS_PER_DAY: {
    schema: z.coerce.number().int().min(1),
    default: '5',
    services: ['gateway'],
    doc: 'Data exports one citizen may request in 24 hours (and only one at a time).',
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    schema: url.optional(),
    services: ['gateway', 'subgraph'],
    doc: 'OpenTelemetry collector to export traces to (OTLP over HTTP). Unset: tracing is off.',
  },
  MAX_BODY_BYTES: {
    schema: z.coerce.number().int().positive(),
    default: '65536',
    services: ['gateway', 'subgraph'],
    doc: 'Largest accepted request body.',
  },
  REQUEST_BODY_TIMEOUT_MS: {
    schema: positiveMs,
    default: '10000',
    services: ['gateway', 'subgraph'],
    doc: 'A request whose headers and body have not fully arrived by then is answered 408 and closed (a slow sender holds no socket for long).',
  },
  UPSTREAM_URL: {
    schema: url,
    default: `http://127.0.0.1:${defaultPorts.simulator}`,
    services: ['subgraph'],
    doc: "Base URL of the subgraph's national index (the simulator locally).",
  },
  UPSTREAM_TIMEOUT_MS: {
    schema: positiveMs,
    default: '1500',
    services: ['gateway', 'subgraph'],
    doc: 'Deadline for one upstream index call.',
  },
  BATCHING_ENABLED: {
    schema: flag,
    default: 'true',
    services: ['subgraph'],
    doc: 'Batch look-ups by id with per-request DataLoaders. `false` only to measure the naive baseline.',
  },
  CACHE_ENABLED: {
    schema: flag,
    default: 'true',
    services: ['subgraph'],
    doc: 'Cache index answers. `false` only to measure the naive baseline.',
  },
  REDIS_URL: {
    schema: url.optional(),
    services: ['gateway', 'subgraph'],
    doc: 'Redis for the shared cache of index answers and the rate limit (`redis://host:6379/0`; `rediss://` for TLS). Unset: in-process.',
  },
  REDIS_SENTINELS: {
    schema: list.pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port'))).optional(),
    services: ['gateway', 'subgraph'],
    doc: 'Redis Sentinels for high availability, `host:port,host:port`; used instead of REDIS_URL when set.',
  },
  REDIS_SENTINEL_NAME: {
    schema: z.string().min(1),
    default: 'borger-graph',
    services: ['gateway', 'subgraph'],
    doc: 'The primary the Sentinels watch over.',
  },
  REDIS_USERNAME: {
    schema: z.string().min(1).optional(),
    services: ['gateway', 'subgraph'],
    doc: 'Redis ACL user for the primary, with REDIS_PASSWORD (Sentinel mode, or a REDIS_URL that names none). Unset: the default user.',
  },
  REDIS_PASSWORD: {
    schema: z.string().min(1).optional(),
    services: ['gateway', 'subgraph'],
    doc: "Secret: the primary's password (Sentinel mode, or a REDIS_URL that carries none; a REDIS_URL with credentials refuses it).",
  },
  REDIS_SENTINEL_PASSWORD: {
    schema: z.string().min(1).optional(),
    services: ['gateway', 'subgraph'],
    doc: "Secret: the Sentinels' own password (their `requirepass`), when they have one.",
  },
  REDIS_TLS: {
    schema: flag,
    default: 'false',
    services: ['gateway', 'subgraph'],
    doc: '`true`: TLS to the primary and to the Sentinels. A `rediss://` REDIS_URL turns it on by itself.',
  },
  REDIS_TLS_CA_FILE: {
    schema: z.string().min(1).optional(),
    services: ['gateway', 'subgraph'],
    doc: "PEM file of the CA that signed Redis's (and the Sentinels') certificates, trusted instead of the system's CAs. Needs TLS on.",
  },
  REDIS_COMMAND_TIMEOUT_MS: {
    schema: positiveMs,
    default: '100',
    services: ['gateway', 'subgraph'],
    doc: 'Past this a Redis command counts as a cache miss, so a slow Redis costs little.',
  },
  CACHE_ENCRYPTION_KEYS: {
    schema: keyRing,
    default: developmentKeys.cache,
    services: ['subgraph'],
    doc: '`keyId:secret,...` (base64url, 32 bytes). The first encrypts cached values; all decrypt. Drop a key to retire it.',
  },
  CACHE_TTL_SECONDS: {
    schema: secondsPerArea,
    default: 'cases=120,benefits=300,payments=120,appointments=60,proxies=5,person=60',
    services: ['subgraph'],
    doc: "How long each index's answers are fresh (`person`: the CPR register's address protection).",
  },
  CACHE_STALE_WHILE_REVALIDATE_SECONDS: {
    schema: z.coerce.number().int().min(0),
    default: '30',
    services: ['subgraph'],
    doc: 'After the TTL, serve the cached answer while one refresh runs in the background.',
  },
  CACHE_STALE_IF_ERROR_SECONDS: {
    schema: z.coerce.number().int().min(0),
    default: '86400',
    services: ['subgraph'],
    doc: 'When an index fails, serve an answer up to this old, marked stale.',
  },
  CACHE_NOT_FOUND_TTL_SECONDS: {
    schema: z.coerce.number().int().min(0),
    default: '10',
    services: ['subgraph'],
    doc: 'How long "found nothing" is kept.',
  },
  UPSTREAM_FAULTS: {
    schema: z.string(),
    default: '',
    services: ['dev'],
    doc: 'Faults the simulator injects per index, e.g. `payments=hang,cases=latency:300,benefits=error:503,appointments=malformed,proxies=reset`; one appointment source system: `appointments/SOLTEQ_TAND=garbage` (one unreadable item among good ones).',
  },
  UPSTREAM_SIM_PORT: {
    schema: port,
    default: String(defaultPorts.simulator),
    services: ['dev'],
    doc: 'Port of the upstream simulator (`npm start` only).',
  },
  UPSTREAM_SYNTHETIC_CITIZENS: {
    schema: z.coerce.number().int().min(0),
    default: '0',
    services: ['dev'],
    doc: 'Extra generated citizens in the simulator besides the personas.',
  },
  DEV_ISSUER_PORT: {
    schema: port,
    default: String(defaultPorts.issuer),
    services: ['dev'],
    doc: 'Port of the development token issuer and its JWKS (`npm start` only).',
  },
  DEV_ISSUER_GATEWAY_URL: {
    schema: url,
    default: `http://127.0.0.1:${defaultPorts.gateway}/graphql`,
    services: ['dev'],
    doc: "The gateway's GraphQL URL, where the development issuer's consent page records a citizen's consent for an external service (`grantConsent`, as the citizen).",
  },
} satisfies Record<string, Setting>;

export type SettingName = keyof typeof settings;
type Parsed<K extends SettingName> = z.output<(typeof settings)[K]['schema']>;
export type RawConfig = { [K in SettingName]: Parsed<K> };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates every setting at once, so a service refuses to start with one message
 * that names each bad setting instead of failing later on first use.
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env): RawConfig {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(settings) as [SettingName, Setting][]) {
    const raw = env[name] === undefined || env[name] === '' ? setting.default : env[name];
    // A setting without a default is optional: its consumer picks the fallback.
    if (raw === undefined) continue;
    const result = setting.schema.safeParse(raw);
    if (result.success) values[name] = result.data;
    else {
      const reasons = result.error.issues.map((issue) =>
        issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      );
      problems.push(`${name}: ${reasons.join('; ')}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return values as RawConfig;
}

export interface CommonConfig {
  env: RawConfig['NODE_ENV'];
  otlpEndpoint: string | undefined;
  breaker: { failureThreshold: number; openMs: number };
  logLevel: RawConfig['LOG_LEVEL'];
  host: string;
  port: number;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
  internalContextKeys: ContextKeys;
  pseudonymKey: Uint8Array;
}

/** What one operation may ask for before it runs (see gateway/plugins/query-limits.ts). */
export interface QueryLimits {
  /** Deepest field nesting, leaf fields included, fragments counted where they are spread. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens in one document, enforced by the parser itself. */
  maxTokens: number;
  maxCost: number;
}

export interface GatewayConfig extends CommonConfig {
  supergraphPath: string;
  /** Operations run by plans compiled once each; false: Apollo's executor runs them all. */
  compiledPlans: boolean;
  databaseUrl: string | undefined;
  auditRetentionDays: number;
  /** Signs the audit chain's head (checkpoints outside the database). */
  auditCheckpointKey: Uint8Array;
  /** At most one signed checkpoint of the chain's head per this many ms (0: after every batch). */
  auditCheckpointIntervalMs: number;
  /** Seals the CPR number stored with each calendar link and each consent: the current key seals, all open. */
  calendarLinkKeys: { current: string; keys: Record<string, Uint8Array> };
  /** Where calendar links point; undefined: the gateway's own address. */
  publicBaseUrl: string | undefined;
  /** Browser origins allowed to call the gateway (CORS); empty: none. */
  corsAllowedOrigins: string[];
  limits: QueryLimits;
  costBudgetPerMinute: number;
  /** Requests worked on at once, and how many may wait for a slot. */
  concurrency: { active: number; queued: number };
  rateLimitPerMinute: number;
  /** Before the token is checked, per client address; and per chatbot client, all citizens together. */
  rateLimitPerAddressPerMinute: number;
  chatbotRateLimitPerMinute: number;
  /** Per external service, all the citizens whose consent it holds together. */
  serviceRateLimitPerMinute: number;
  /** Proxies in front that append to X-Forwarded-For (0: the socket peer is the client). */
  trustedProxyHops: number;
  /** Distinct citizens per hour for the callers that name citizens themselves. */
  citizensPerHour: { partner: number; staff: number };
  persistedOperationsPath: string | undefined;
  redis: RedisLocation;
  redisCommandTimeoutMs: number;
  requestDeadlineMs: number;
  upstreamTimeoutMs: number;
  proxyRegistryUrl: string;
  caseIndexUrl: string;
  personRegisterUrl: string;
  /** The data owners' correction intake, and how many new requests a citizen may make a minute. */
  corrections: { url: string; perMinute: number };
  proxyGrantCacheMs: number;
  /** How long a consent check is reused (at most 5 s). */
  consentCacheMs: number;
  /** Citizens' data exports: where they are written, how long they are kept, how many a day. */
  exports: { dir: string | undefined; ttlHours: number; perDay: number };
  subgraphUrls: Record<SubgraphName, string>;
  auth: {
    issuer: string;
    jwksUrl: string;
    audience: string;
    algorithms: string[];
    cprClaim: string;
    cvrClaim: string;
    assuranceClaim: string;
    clockSkewSeconds: number;
    verifiedTokenSeconds: number;
  };
}

/**
 * How to reach Redis besides its address: the primary's credentials and TLS (to the primary and,
 * with Sentinels, to them too), trusting only `caFile`'s CA when given. Passwords are secrets:
 * they are handed to the client and never logged.
 */
export interface RedisAccess {
  username?: string;
  password?: string;
  tls?: { caFile?: string };
}

/** Where Redis is: one URL, or Sentinels that know the current primary. None: in-process. */
export type RedisLocation =
  | ({ url: string } & RedisAccess)
  | ({ sentinels: { host: string; port: number }[]; name: string; sentinelPassword?: string } & RedisAccess)
  | null;

function redisLocation(raw: RawConfig): RedisLocation {
  const sentinels = (raw.REDIS_SENTINELS ?? []).map((entry) => {
    const [host, port] = entry.split(':');
    return { host, port: Number(port) };
  });
  // Sentinels are used instead of REDIS_URL when both are set.
  const url = sentinels.length > 0 ? undefined : raw.REDIS_URL;
  if (sentinels.length === 0 && url === undefined) return null;
  const problems: string[] = [];
  const parsed = url === undefined ? null : new URL(url);
  const urlCredentials = parsed !== null && (parsed.username !== '' || parsed.password !== '');
  // Credentials in two places would leave one of them silently unused (ioredis prefers the URL's).
  for (const name of ['REDIS_USERNAME', 'REDIS_PASSWORD'] as const) {
    if (urlCredentials && raw[name] !== undefined) problems.push(`${name}: REDIS_URL carries credentials already; give them in one place`);
  }
  const tls = raw.REDIS_TLS || url?.startsWith('rediss://') === true;
  if (raw.REDIS_TLS_CA_FILE !== undefined && !tls) problems.push('REDIS_TLS_CA_FILE: TLS is off (set REDIS_TLS=true or use a rediss:// REDIS_URL)');
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const access: RedisAccess = {
    ...(raw.REDIS_USERNAME !== undefined && { username: raw.REDIS_USERNAME }),
    ...(raw.REDIS_PASSWORD !== undefined && { password: raw.REDIS_PASSWORD }),
    ...(tls && { tls: raw.REDIS_TLS_CA_FILE !== undefined ? { caFile: raw.REDIS_TLS_CA_FILE } : {} }),
  };
  if (url !== undefined) return { url, ...access };
  const sentinelPassword = raw.REDIS_SENTINEL_PASSWORD;
  return { sentinels, name: raw.REDIS_SENTINEL_NAME, ...(sentinelPassword !== undefined && { sentinelPassword }), ...access };
}

export interface CacheConfig {
  enabled: boolean;
  redis: RedisLocation;
  redisCommandTimeoutMs: number;
  keyRing: { currentKeyId: string; keys: Record<string, Uint8Array> };
  /** Per index: a subgraph reads other indexes too, for the rules (a payment is as visible as its benefit). */
  ttlMs: Record<(typeof cachedIndexes)[number], number>;
  staleWhileRevalidateMs: number;
  staleIfErrorMs: number;
  notFoundTtlMs: number;
}

export interface SubgraphConfig extends CommonConfig {
  name: SubgraphName;
  upstreamUrl: string;
  upstreamTimeoutMs: number;
  batching: boolean;
  cache: CacheConfig;
}

/**
 * Production refuses the development keys (they are public, in this file), the development
 * token issuer and the in-memory fallbacks that would lose what must last, naming each setting
 * that must be given.
 */
function refuseDevelopmentSecrets(raw: RawConfig, names: SettingName[], required: Partial<Record<SettingName, string>> = {}): void {
  if (raw.NODE_ENV !== 'production') return;
  const development = new Set<unknown>([...Object.values(developmentKeys), settings.AUTH_ISSUER.default]);
  const problems = [
    ...names
      .filter((name) => {
        const value = raw[name];
        if (name === 'CACHE_ENCRYPTION_KEYS') return Object.keys(value as object).some((id) => id.startsWith('dev'));
        // Key rings: refused when any of their secrets is a development one.
        if (typeof value === 'object' && value !== null) return Object.values(value).some((secret) => development.has(secret));
        return development.has(value);
      })
      .map((name) => `${name}: the development value is refused in production`),
    ...(Object.entries(required) as [SettingName, string][])
      .filter(([name]) => raw[name] === undefined)
      .map(([name, why]) => `${name}: required in production (${why})`),
  ];
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

function common(raw: RawConfig, defaultPort: number): CommonConfig {
  return {
    env: raw.NODE_ENV,
    otlpEndpoint: raw.OTEL_EXPORTER_OTLP_ENDPOINT,
    breaker: { failureThreshold: raw.BREAKER_FAILURE_THRESHOLD, openMs: raw.BREAKER_OPEN_MS },
    logLevel: raw.LOG_LEVEL,
    host: raw.HOST,
    port: raw.PORT ?? defaultPort,
    maxBodyBytes: raw.MAX_BODY_BYTES,
    bodyTimeoutMs: raw.REQUEST_BODY_TIMEOUT_MS,
    internalContextKeys: {
      current: Object.keys(raw.INTERNAL_CONTEXT_KEY)[0],
      keys: Object.fromEntries(Object.entries(raw.INTERNAL_CONTEXT_KEY).map(([id, value]) => [id, Buffer.from(value, 'base64url')])),
    },
    pseudonymKey: Buffer.from(raw.PSEUDONYM_KEY, 'base64url'),
  };
}

export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const raw = readSettings(env);
  refuseDevelopmentSecrets(raw, ['INTERNAL_CONTEXT_KEY', 'PSEUDONYM_KEY', 'AUTH_ISSUER', 'AUDIT_CHECKPOINT_KEY', 'CALENDAR_LINK_KEY'], {
    DATABASE_URL: 'without it the audit trail lives in memory and vanishes on restart',
  });
  return {
    ...common(raw, defaultPorts.gateway),
    supergraphPath: raw.SUPERGRAPH_PATH,
    compiledPlans: raw.GATEWAY_COMPILED_PLANS,
    databaseUrl: raw.DATABASE_URL,
    auditRetentionDays: raw.AUDIT_RETENTION_DAYS,
    auditCheckpointKey: Buffer.from(raw.AUDIT_CHECKPOINT_KEY, 'base64url'),
    auditCheckpointIntervalMs: raw.AUDIT_CHECKPOINT_INTERVAL_MS,
    calendarLinkKeys: {
      current: Object.keys(raw.CALENDAR_LINK_KEY)[0],
      keys: Object.fromEntries(Object.entries(raw.CALENDAR_LINK_KEY).map(([id, value]) => [id, Buffer.from(value, 'base64url')])),
    },
    publicBaseUrl: raw.PUBLIC_BASE_URL,
    corsAllowedOrigins: raw.CORS_ALLOWED_ORIGINS ?? (raw.NODE_ENV === 'production' ? [] : developmentCorsOrigins),
    limits: {
      maxDepth: raw.MAX_QUERY_DEPTH,
      maxAliases: raw.MAX_ALIASES,
      maxDirectives: raw.MAX_DIRECTIVES,
      maxTokens: raw.MAX_TOKENS,
      maxCost: raw.MAX_QUERY_COST,
    },
    costBudgetPerMinute: raw.COST_BUDGET_PER_MINUTE,
    concurrency: { active: raw.MAX_CONCURRENT_REQUESTS, queued: raw.MAX_QUEUED_REQUESTS },
    rateLimitPerMinute: raw.RATE_LIMIT_PER_MINUTE,
    rateLimitPerAddressPerMinute: raw.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    chatbotRateLimitPerMinute: raw.CHATBOT_RATE_LIMIT_PER_MINUTE,
    serviceRateLimitPerMinute: raw.SERVICE_RATE_LIMIT_PER_MINUTE,
    trustedProxyHops: raw.TRUSTED_PROXY_HOPS,
    citizensPerHour: { partner: raw.PARTNER_CITIZENS_PER_HOUR, staff: raw.STAFF_CITIZENS_PER_HOUR },
    persistedOperationsPath: raw.PERSISTED_OPERATIONS_PATH,
    redis: redisLocation(raw),
    redisCommandTimeoutMs: raw.REDIS_COMMAND_TIMEOUT_MS,
    requestDeadlineMs: raw.REQUEST_DEADLINE_MS,
    upstreamTimeoutMs: raw.UPSTREAM_TIMEOUT_MS,
    proxyRegistryUrl: raw.PROXY_REGISTRY_URL,
    caseIndexUrl: raw.CASE_INDEX_URL,
    personRegisterUrl: raw.PERSON_REGISTER_URL,
    corrections: { url: raw.CORRECTIONS_URL, perMinute: raw.CORRECTIONS_PER_MINUTE },
    proxyGrantCacheMs: raw.PROXY_GRANT_CACHE_MS,
    consentCacheMs: raw.CONSENT_CACHE_MS,
    exports: { dir: raw.EXPORT_DIR, ttlHours: raw.EXPORT_TTL_HOURS, perDay: raw.EXPORTS_PER_DAY },
    subgraphUrls: {
      cases: raw.SUBGRAPH_CASES_URL,
      benefits: raw.SUBGRAPH_BENEFITS_URL,
      payments: raw.SUBGRAPH_PAYMENTS_URL,
      appointments: raw.SUBGRAPH_APPOINTMENTS_URL,
      proxies: raw.SUBGRAPH_PROXIES_URL,
    },
    auth: {
      issuer: raw.AUTH_ISSUER,
      jwksUrl: raw.AUTH_JWKS_URL ?? `${raw.AUTH_ISSUER}/.well-known/jwks.json`,
      audience: raw.AUTH_AUDIENCE,
      algorithms: raw.AUTH_ALGORITHMS,
      cprClaim: raw.AUTH_CLAIM_CPR,
      cvrClaim: raw.AUTH_CLAIM_CVR,
      assuranceClaim: raw.AUTH_CLAIM_ASSURANCE,
      clockSkewSeconds: raw.AUTH_CLOCK_SKEW_SECONDS,
      verifiedTokenSeconds: raw.AUTH_VERIFIED_TOKEN_SECONDS,
    },
  };
}

export function subgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const raw = readSettings(env);
  refuseDevelopmentSecrets(raw, ['INTERNAL_CONTEXT_KEY', 'PSEUDONYM_KEY', 'CACHE_ENCRYPTION_KEYS']);
  return {
    ...common(raw, defaultPorts[name]),
    name,
    upstreamUrl: raw.UPSTREAM_URL,
    upstreamTimeoutMs: raw.UPSTREAM_TIMEOUT_MS,
    batching: raw.BATCHING_ENABLED,
    cache: {
      enabled: raw.CACHE_ENABLED,
      redis: redisLocation(raw),
      redisCommandTimeoutMs: raw.REDIS_COMMAND_TIMEOUT_MS,
      keyRing: {
        currentKeyId: Object.keys(raw.CACHE_ENCRYPTION_KEYS)[0],
        keys: Object.fromEntries(
          Object.entries(raw.CACHE_ENCRYPTION_KEYS).map(([id, value]) => [id, Buffer.from(value, 'base64url')]),
        ),
      },
      ttlMs: Object.fromEntries(cachedIndexes.map((index) => [index, raw.CACHE_TTL_SECONDS[index] * 1000])) as CacheConfig['ttlMs'],
      staleWhileRevalidateMs: raw.CACHE_STALE_WHILE_REVALIDATE_SECONDS * 1000,
      staleIfErrorMs: raw.CACHE_STALE_IF_ERROR_SECONDS * 1000,
      notFoundTtlMs: raw.CACHE_NOT_FOUND_TTL_SECONDS * 1000,
    },
  };
}

export interface DevConfig {
  host: string;
  faults: string;
  simulatorPort: number;
  syntheticCitizens: number;
  issuerPort: number;
  /** Where the issuer's consent page records a consent. */
  issuerGatewayUrl: string;
}

export function devConfig(env: NodeJS.ProcessEnv = process.env): DevConfig {
  const raw = readSettings(env);
  return {
    host: raw.HOST,
    faults: raw.UPSTREAM_FAULTS,
    simulatorPort: raw.UPSTREAM_SIM_PORT,
    syntheticCitizens: raw.UPSTREAM_SYNTHETIC_CITIZENS,
    issuerPort: raw.DEV_ISSUER_PORT,
    issuerGatewayUrl: raw.DEV_ISSUER_GATEWAY_URL,
  };
}
