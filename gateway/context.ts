import type { IncomingMessage } from 'node:http';
import { Disclosures } from '../lib/disclosures';
import { currentLanguage, type Language } from '../lib/i18n/language';
import { newRequestId, sealInternalContext, type ContextKeys } from '../lib/internal-context';
import type { Access } from './auth/access-policy';
import type { TokenVerifier } from './auth/token-verifier';

/** What the gateway knows about one client request once the caller is verified. */
export interface GatewayContext {
  requestId: string;
  /** Epoch ms by which the client must have its answer. */
  deadline: number;
  /** The language the client asked for (lib/i18n/language.ts). */
  language: Language;
  access: Access;
  /** The internal context for one fetch to one subgraph, sealed for that fetch alone. */
  sealFor(subgraph: string, mutation: boolean): Promise<string>;
  /** Whose records the subgraphs (and the access log) report returning for this request. */
  disclosures: Disclosures;
  /** Set when a subgraph answered with data but without saying whose: the response is then not sent. */
  unaccounted: boolean;
  /**
   * Set on the gateway's own reads for a citizen's data export (gateway/exports/): one of many
   * pages, charged to no cost budget, its disclosures gathered and recorded once for the export.
   */
  backgroundRead?: boolean;
}

/**
 * The context of one read or request for a caller whose access is decided: its internal context
 * sealed per fetch. `readOnly` (a calendar feed, an export's pages) seals no fetch as a change.
 */
export function callerContext(
  facts: { requestId: string; deadline: number; language: Language; access: Access; disclosures?: Disclosures },
  internalContextKeys: ContextKeys,
  readOnly = false,
): GatewayContext {
  const { requestId, deadline, language, access } = facts;
  const sealFor = (subgraph: string, mutation: boolean) =>
    sealInternalContext({ requestId, ...access, mutation: mutation && !readOnly, language }, internalContextKeys, subgraph);
  return { requestId, deadline, language, access, sealFor, disclosures: facts.disclosures ?? new Disclosures(), unaccounted: false };
}

const requestIdPattern = /^[A-Za-z0-9-]{8,64}$/;

/** A caller's own request id is kept when it is sane, so their logs and ours line up. */
export function requestIdFrom(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : newRequestId();
}

export function createContextFactory(
  verify: TokenVerifier,
  decide: (caller: Awaited<ReturnType<TokenVerifier>>, request: { deadline: number; requestId: string; namedCitizen: string | null }) => Promise<Access>,
  /** Throttles by client address before any work (token check, grant look-up, refusal audit). */
  limitAddress: (request: IncomingMessage) => Promise<void>,
  /** Throttles the caller (and refuses callers past their limits) once it is known who they are and for whom. */
  limit: (access: Access) => Promise<void>,
  internalContextKeys: ContextKeys,
  deadlineMs: number,
) {
  return async (request: IncomingMessage, variables: Record<string, unknown> | undefined): Promise<GatewayContext> => {
    const deadline = Date.now() + deadlineMs;
    const requestId = requestIdFrom(request);
    const named = variables?.cpr;
    const namedCitizen = typeof named === 'string' && /^\d{10}$/.test(named) ? named : null;
    await limitAddress(request);
    const access = await decide(await verify(request.headers.authorization), { deadline, requestId, namedCitizen });
    await limit(access);
    return callerContext({ requestId, deadline, language: currentLanguage(), access }, internalContextKeys);
  };
}
