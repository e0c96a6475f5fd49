import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { z } from 'zod';
import { appError } from '../../lib/errors';

const manifestSchema = z.object({ operations: z.record(z.string(), z.string()) });

/** The registered operations' hashes, from a manifest `{ "operations": { "<name>": "<query>" } }`. */
export function loadPersistedOperations(path: string): Set<string> {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return new Set(Object.values(manifest.operations).map((query) => createHash('sha256').update(query).digest('hex')));
}

/**
 * Allow-list mode for production clients (front end, chatbot, partner): only operations in the
 * manifest run; anything else is refused before any subgraph is asked.
 */
export function persistedOperationsPlugin(allowed: Set<string>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        // The earliest hook whose errors Apollo answers as the client's (400), not as its own (500).
        async didResolveOperation({ queryHash }) {
          if (!allowed.has(queryHash)) throw appError('OPERATION_NOT_ALLOWED');
        },
      };
    },
  };
}
