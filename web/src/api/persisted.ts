import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { PageConfig } from '../config';

/**
 * The gateway, by persisted operations only: the page sends a document's id (`sha256:<hex>`, the
 * generated client's `__meta__.hash`, a key of clients/generated/persisted-documents.json) and its
 * variables, never query text, so it runs in the gateway's allow-list mode as in production.
 */

export interface GraphQLError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; area?: string };
}

export interface GraphQLResult<T> {
  data: T | null;
  errors: GraphQLError[];
}

/** The gateway refused the request as a whole; `status` 401 means the login has ended. */
export class RequestFailed extends Error {
  constructor(readonly status: number) {
    super(`the gateway answered ${status}`);
  }
}

function documentIdOf(document: TypedDocumentNode<unknown, never>): string {
  const id = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof id !== 'string') throw new Error('the document has no persisted id: run npm run codegen');
  return id;
}

export async function runPersisted<T, V extends Record<string, unknown>>(
  config: PageConfig,
  accessToken: string,
  document: TypedDocumentNode<T, V>,
  variables: V,
): Promise<GraphQLResult<T>> {
  const response = await fetch(config.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      // The page is in Danish, whatever language the browser prefers.
      'accept-language': 'da',
      authorization: `Bearer ${accessToken}`,
    },
    body: JSON.stringify({ documentId: documentIdOf(document as TypedDocumentNode<unknown, never>), variables }),
  }).catch(() => null);
  if (!response) throw new RequestFailed(0);
  const body = (await response.json().catch(() => null)) as { data?: T | null; errors?: GraphQLError[] } | null;
  if (!response.ok || !body?.data) throw new RequestFailed(response.status);
  return { data: body.data, errors: body.errors ?? [] };
}
