import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { parse } from 'graphql';
import { z } from 'zod';
import { appError } from '../../lib/errors';

/** The generated manifest (`npm run codegen`): `{ "sha256:<hex>": "<document>" }`, the hash that of the document's text. */
export const persistedDocumentsPath = 'clients/generated/persisted-documents.json';

const manifestSchema = z.record(z.string().regex(/^sha256:[0-9a-f]{64}$/), z.string());

/** Document id (`sha256:<hex>`) → document text, from the generated manifest at `path`. */
export function loadPersistedDocuments(path: string = persistedDocumentsPath): Map<string, string> {
  return new Map(Object.entries(manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')))));
}

/** The manifest's operations by name: their document id and text (each document holds one named operation). */
export function persistedOperationsByName(documents: Map<string, string>): Record<string, { id: string; query: string }> {
  const byName: Record<string, { id: string; query: string }> = {};
  for (const [id, query] of documents) {
    for (const definition of parse(query).definitions) {
      if (definition.kind === 'OperationDefinition' && definition.name) byName[definition.name.value] = { id, query };
    }
  }
  return byName;
}

/** The hex sha256 of a query text, as Apollo's `queryHash` and the manifest's ids (without `sha256:`) are. */
export const queryHashOf = (query: string): string => createHash('sha256').update(query).digest('hex');

/** The registered operations' hashes (hex, as Apollo's `queryHash`), from the generated manifest. */
export function loadPersistedOperations(path: string = persistedDocumentsPath): Set<string> {
  return new Set([...loadPersistedDocuments(path).keys()].map((id) => id.slice('sha256:'.length)));
}

/**
 * A request naming a persisted document instead of sending its text — `{ "documentId": "sha256:<hex>" }`
 * (GraphQL over HTTP's persisted documents) or Apollo's APQ `extensions.persistedQuery.sha256Hash` —
 * gets the manifest's text; Apollo then runs it as if sent. An unknown id gives null (the service
 * answers PERSISTED_DOCUMENT_NOT_FOUND). Any other body is returned as it is.
 */
export function resolvePersistedDocument(body: unknown, documents: Map<string, string>): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const request = body as { query?: unknown; documentId?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
  if (request.query !== undefined) return body;
  const apqHash = request.extensions?.persistedQuery?.sha256Hash;
  const id = typeof request.documentId === 'string' ? request.documentId : typeof apqHash === 'string' ? `sha256:${apqHash}` : undefined;
  if (id === undefined) return body;
  const query = documents.get(id);
  if (query === undefined) return null;
  const { documentId: _documentId, ...rest } = request;
  return { ...rest, query };
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
