import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from, for the per-address limit. Behind a load balancer or ingress
 * the socket's peer is the proxy, so with `trustedHops` proxies in front the client is the
 * address that many entries from the right of X-Forwarded-For (each proxy appends the peer it
 * saw). Entries further left are the client's own say and are never trusted; with no trusted
 * proxy the header is ignored altogether, or any caller could name a fresh address per request.
 */
export function clientAddress(request: IncomingMessage, trustedHops: number): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return peer;
  const header = request.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[chain.length - trustedHops] ?? chain[0] ?? peer;
}
