import type { IncomingMessage } from 'node:http';
import type { GatewayConfig } from '../lib/config';
import { areaNames, newRequestId, sealInternalContext } from '../lib/internal-context';
import { citizenId } from '../lib/pseudonym';
import type { TokenVerifier } from './auth/token-verifier';

/** What the gateway knows about one client request once the caller is verified. */
export interface GatewayContext {
  requestId: string;
  /** The sealed internal context every subgraph request carries. */
  internalContext: string;
}

const requestIdPattern = /^[A-Za-z0-9-]{8,64}$/;

/** A caller's own request id is kept when it is sane, so their logs and ours line up. */
export function requestIdFrom(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : newRequestId();
}

export function createContextFactory(config: GatewayConfig, verify: TokenVerifier) {
  return async (request: IncomingMessage): Promise<GatewayContext> => {
    const requestId = requestIdFrom(request);
    const caller = await verify(request.headers.authorization);
    const internalContext = await sealInternalContext(
      {
        requestId,
        callerKind: caller.kind,
        actorId: citizenId(caller.cpr, config.pseudonymKey),
        subjectCpr: caller.cpr,
        assurance: caller.assurance,
        areas: [...areaNames],
        boundCaseId: null,
      },
      config.internalContextKey,
    );
    return { requestId, internalContext };
  };
}
