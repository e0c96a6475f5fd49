/** A plain GraphQL-over-HTTP client for tests: what a front end would send, nothing more. */
export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: TData | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
  text: string;
}

/** A document as text, or a registered one named by its id (all a production gateway takes). */
export type Operation = string | { documentId: string };

export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  operation: Operation,
  options: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ ...(typeof operation === 'string' ? { query: operation } : operation), variables: options.variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
}
