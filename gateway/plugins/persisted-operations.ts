import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { z } from 'zod';

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

/** What the HTTP front does with a request body: run it (with the document's text put in), or refuse it. */
export type ResolvedBody = { body: unknown } | { refused: 'PERSISTED_DOCUMENT_NOT_FOUND' | 'PERSISTED_DOCUMENT_REQUIRED' };

/**
 * A request naming a persisted document instead of sending its text — `{ "documentId": "sha256:<hex>" }`
 * (GraphQL over HTTP's persisted documents) or Apollo's APQ `extensions.persistedQuery.sha256Hash` —
 * gets the manifest's text; Apollo then runs it as if sent. An unknown id is refused. `hashOnly`
 * (allow-list mode, as in production) refuses every other request, a registered document sent as
 * text or a GET among them: nothing but the manifest's documents is ever parsed, and that is the
 * whole allow-list.
 */
export function resolvePersistedDocument(body: unknown, documents: Map<string, string>, hashOnly: boolean): ResolvedBody {
  const request = body && typeof body === 'object' && !Array.isArray(body) ? (body as { query?: unknown; documentId?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } }) : undefined;
  const apqHash = request?.extensions?.persistedQuery?.sha256Hash;
  const named = typeof request?.documentId === 'string' ? request.documentId : typeof apqHash === 'string' ? `sha256:${apqHash}` : undefined;
  const id = request?.query === undefined ? named : undefined;
  if (!request || id === undefined) return hashOnly ? { refused: 'PERSISTED_DOCUMENT_REQUIRED' } : { body };
  const query = documents.get(id);
  if (query === undefined) return { refused: 'PERSISTED_DOCUMENT_NOT_FOUND' };
  const { documentId: _documentId, ...rest } = request;
  return { body: { ...rest, query } };
}
