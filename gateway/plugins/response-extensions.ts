import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../lib/logger';
import type { GatewayContext } from '../context';

/**
 * No response-level `extensions` leave the gateway: the federation engine puts its own there (a
 * `valueCompletion` list when a subgraph's value breaks the schema, naming fields and types), and
 * a client needs none of it. A value-completion problem is our bug, so it is logged (paths and
 * messages only: they name schema fields, never values) and the client sees the field as null.
 */
export function responseExtensionsPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.extensions) return;
          const completion = response.body.singleResult.extensions.valueCompletion;
          if (Array.isArray(completion) && completion.length > 0) {
            const problems = completion.map((problem: { message?: unknown; path?: unknown }) => ({ message: String(problem.message), path: problem.path }));
            logger.error({ requestId: contextValue?.requestId ?? null, problems }, 'a subgraph value did not fit the schema');
          }
          delete response.body.singleResult.extensions;
        },
      };
    },
  };
}
