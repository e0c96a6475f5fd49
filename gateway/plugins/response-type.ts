import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';

/** The media types Apollo Server answers a single result in, in its order of preference. */
const singleResultTypes = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];

/**
 * Apollo Server negotiates a single result's media type from the request's Accept header on every
 * request (a few per cent of a small operation's CPU); a client sends the same header each time.
 * This decides it as Apollo does, once per distinct header, and sets it on the response, which
 * Apollo then keeps. A header that accepts none of them is left to Apollo (406).
 */
export function responseTypePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  const chosen = new LRUCache<string, string | false>({ max: 500 });
  const typeFor = (accept: string): string | false => {
    let type = chosen.get(accept);
    if (type === undefined) {
      type = new Negotiator({ headers: { accept } }).mediaType(singleResultTypes) ?? false;
      chosen.set(accept, type);
    }
    return type;
  };
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single' || response.http.headers.get('content-type')) return;
          const accept = request.http?.headers.get('accept');
          const type = accept === undefined ? singleResultTypes[0] : typeFor(accept);
          if (type) response.http.headers.set('content-type', type);
        },
      };
    },
  };
}
