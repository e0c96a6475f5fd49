import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram } from 'prom-client';
import { shownCode } from '../../lib/errors';
import { registry } from '../../lib/metrics';

const requests = new Counter({
  name: 'graphql_requests_total',
  help: 'Client requests by operation and outcome (ok, partial, error).',
  labelNames: ['operation', 'outcome'] as const,
  registers: [registry],
});
const duration = new Histogram({
  name: 'graphql_request_duration_seconds',
  help: 'Time to answer a client request, by operation.',
  labelNames: ['operation'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});
const errors = new Counter({
  name: 'graphql_errors_total',
  help: 'Errors returned to clients, by code, refusals before a query ran (401, 403, 429) included.',
  labelNames: ['code'] as const,
  registers: [registry],
});

/** Operation names are client-chosen: only registered ones (`knownOperations`, the manifest's) become label values, the rest "other". */
export function metricsPlugin(knownOperations: ReadonlySet<string>): ApolloServerPlugin {
  return {
    // A caller refused while the context is built (no valid token, no proxy, past a limit) never
    // starts a GraphQL request, so its refusal is counted here.
    async contextCreationDidFail({ error }) {
      errors.inc({ code: shownCode(error) });
    },
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName }) {
          const operation = operationName && knownOperations.has(operationName) ? operationName : 'other';
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = (result?.errors ?? []).map((error) => String(error.extensions?.code ?? 'UNKNOWN'));
          for (const code of codes) errors.inc({ code });
          const outcome = codes.length === 0 ? 'ok' : result?.data ? 'partial' : 'error';
          requests.inc({ operation, outcome });
          duration.observe({ operation }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
