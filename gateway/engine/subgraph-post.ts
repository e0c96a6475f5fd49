import type { IncomingHttpHeaders } from 'node:http';
import { request, type Dispatcher } from 'undici';
import { budgetHeader } from '../../lib/internal-context';

/** What the gateway keeps of the deadline for merging and answering after subgraphs reply. */
export const gatewayMarginMs = 100;

/** A subgraph's answer, read to its end. */
export interface SubgraphAnswer {
  url: string;
  status: number;
  statusText: string;
  /** As undici parsed them: names in lower case. */
  headers: IncomingHttpHeaders;
  body: string;
}

export type SubgraphPost = (url: string, headers: Record<string, string>, body: string) => Promise<SubgraphAnswer>;

/**
 * POSTs to a subgraph with undici's request on the engine's keep-alive agent, given up once the
 * request's budget (the `budgetHeader` it carries) and the margin are spent, so a hung subgraph
 * cannot hold the client past its deadline. The budget covers the answer's body too, and its timer
 * is cleared as soon as the body is in. Giving up rejects with a `TimeoutError` as Node's
 * `AbortSignal.timeout` would; anything else (refused, reset) with undici's own error.
 */
export function subgraphPost(agent: Dispatcher): SubgraphPost {
  return async (url, headers, body) => {
    const budget = Number(headers[budgetHeader]);
    const limit = Number.isFinite(budget) && budget > 0 ? budget + gatewayMarginMs : 10_000;
    const giveUp = new AbortController();
    const timer = setTimeout(() => giveUp.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), limit);
    try {
      // The undici instrumentation (lib/tracing.ts) adds the trace context of the request's span.
      const answer = await request(url, { dispatcher: agent, method: 'POST', headers, body, signal: giveUp.signal });
      return { url, status: answer.statusCode, statusText: answer.statusText, headers: answer.headers, body: await answer.body.text() };
    } finally {
      clearTimeout(timer);
    }
  };
}
