import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';

/** Echoes the request id so a client can quote it to support, matching our logs. */
export function requestIdPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (contextValue?.requestId) response.http.headers.set('x-request-id', contextValue.requestId);
        },
      };
    },
  };
}
