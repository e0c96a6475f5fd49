/**
 * A region's system reading a citizen's shared appointments from borger-graph: a token by client
 * credentials (OAuth 2.0, RFC 6749 §4.4), then one GraphQL request with the CPR number in the
 * variables, never in the URL. Self-contained (Node 18+ `fetch`, no other imports), so it can be
 * copied into a partner's code base. See README.md beside it.
 *
 *   PARTNER_CPR=1503721233 npm run --silent partner-example
 */

export interface PartnerSettings {
  /** The authorization server's token endpoint. */
  tokenUrl: string;
  /** The gateway's GraphQL endpoint. */
  graphqlUrl: string;
  clientId: string;
  clientSecret: string;
  /** How many times a 429 (or 503 with Retry-After) is waited out before giving up. */
  maxRetries?: number;
  /** Longest wait honoured, in seconds; a longer Retry-After is an error instead. */
  maxRetryAfterSeconds?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface SharedAppointment {
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  sourceSystem: string;
  responsibleAuthority: { name: string } | null;
}

/**
 * The registered operation `clients/operations/PartnerSharedAppointments.graphql`, sent by its id
 * from the published manifest (`clients/generated/persisted-documents.json`): in production the
 * gateway runs registered operations only.
 */
export const sharedAppointmentsDocumentId = 'sha256:54487934905b5a0abcd464b15f85563d2d75f31503c78eda50f298e5d67038ae';

/** A refusal the caller can act on: the GraphQL error code (or OAuth error), never a token or CPR. */
export class PartnerApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PartnerApiError';
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

export function createPartnerClient(settings: PartnerSettings) {
  const doFetch = settings.fetch ?? fetch;
  const sleep = settings.sleep ?? defaultSleep;
  const maxRetries = settings.maxRetries ?? 3;
  const maxWait = settings.maxRetryAfterSeconds ?? 60;
  let cached: { token: string; expiresAt: number } | null = null;

  /** Client credentials, with the secret by HTTP Basic; the token is reused until shortly before it expires. */
  async function accessToken(): Promise<string> {
    if (cached && cached.expiresAt > Date.now() + 30_000) return cached.token;
    const basic = Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`).toString('base64');
    const response = await doFetch(settings.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'shared-appointments' }),
    });
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (!response.ok || !body.access_token) {
      throw new PartnerApiError(body.error ?? 'token_error', `no token: ${body.error ?? response.status}${body.error_description ? ` (${body.error_description})` : ''}`, response.status);
    }
    cached = { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 300) * 1000 };
    return body.access_token;
  }

  /** One GraphQL POST; 429 is waited out as Retry-After says, an expired token is renewed once. */
  async function graphql<T>(documentId: string, variables: Record<string, unknown>): Promise<T> {
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const response = await doFetch(settings.graphqlUrl, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await accessToken()}`,
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
        },
        body: JSON.stringify({ documentId, variables }),
      });
      if (response.status === 429 || (response.status === 503 && response.headers.has('retry-after'))) {
        const wait = retryAfterSeconds(response.headers.get('retry-after')) ?? 2 ** attempt;
        if (attempt >= maxRetries || wait > maxWait) throw new PartnerApiError('RATE_LIMITED', `refused with ${response.status}; try again in ${wait} s`, response.status);
        await sleep(wait * 1000);
        continue;
      }
      const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
      const code = body.errors?.[0]?.extensions?.code;
      if (code === 'UNAUTHENTICATED' && !renewed) {
        // The token may have expired between requests: one new one, then give up.
        cached = null;
        renewed = true;
        continue;
      }
      if (body.errors?.length || !body.data) {
        throw new PartnerApiError(code ?? `HTTP_${response.status}`, body.errors?.[0]?.message ?? `HTTP ${response.status}`, response.status);
      }
      return body.data;
    }
  }

  return {
    accessToken,
    async sharedAppointments(cpr: string): Promise<SharedAppointment[]> {
      if (!/^\d{10}$/.test(cpr)) throw new PartnerApiError('BAD_USER_INPUT', 'a CPR number is ten digits');
      return (await graphql<{ sharedAppointments: SharedAppointment[] }>(sharedAppointmentsDocumentId, { cpr })).sharedAppointments;
    },
  };
}

/** What each refusal means for the region's system, by code. */
export const adviceByCode: Record<string, string> = {
  invalid_client: 'the client id or secret is wrong: check the registration',
  unauthorized_client: 'this client is not registered for client credentials',
  UNAUTHENTICATED: 'the token was refused: check the issuer and audience the gateway expects',
  FORBIDDEN: 'no sharing agreement, no course with this citizen, or the citizen has objected to sharing: nothing to show',
  BAD_USER_INPUT: 'the CPR number is not well-formed',
  RATE_LIMITED: 'too many requests: slow down and try later',
  QUERY_BUDGET_EXHAUSTED: 'too many requests: slow down and try later',
};

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' }) : '');

export function formatAppointments(appointments: SharedAppointment[]): string[] {
  if (appointments.length === 0) return ['Ingen delte aftaler.'];
  return appointments.map((appointment) =>
    [
      `${time(appointment.startsAt)}${appointment.endsAt ? `-${time(appointment.endsAt).split(' ').pop()}` : ''}`,
      appointment.title,
      appointment.place ?? '(intet sted)',
      `${appointment.responsibleAuthority?.name ?? 'ukendt myndighed'} via ${appointment.sourceSystem}`,
    ].join(' | '),
  );
}

/** The command line: settings from the environment, the CPR from PARTNER_CPR (or the first argument). */
export async function main(env: NodeJS.ProcessEnv, args: string[], out: (line: string) => void, settings: Partial<PartnerSettings> = {}): Promise<number> {
  const cpr = env.PARTNER_CPR ?? args[0];
  if (!cpr) {
    out('usage: PARTNER_CPR=<cpr> npm run --silent partner-example');
    return 2;
  }
  const client = createPartnerClient({
    tokenUrl: env.PARTNER_TOKEN_URL ?? 'http://127.0.0.1:4400/token',
    graphqlUrl: env.PARTNER_GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql',
    clientId: env.PARTNER_CLIENT_ID ?? 'region-midtjylland-hospital-system',
    // The development issuer's published development secret; a real one comes from a secret store.
    clientSecret: env.PARTNER_CLIENT_SECRET ?? 'dev-only-region-midtjylland-secret',
    ...settings,
  });
  try {
    for (const line of formatAppointments(await client.sharedAppointments(cpr))) out(line);
    return 0;
  } catch (error) {
    if (!(error instanceof PartnerApiError)) throw error;
    out(`refused (${error.code}): ${adviceByCode[error.code] ?? error.message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.env, process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
