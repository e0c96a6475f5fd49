import { ApolloServer, HeaderMap } from '@apollo/server';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { buildSchema, print } from 'graphql';
import { useGatewayRequestContext } from './gateway-request-context';

const schema = buildSchema('type Query { hello: String }');

/** Apollo Server in gateway mode with `executor` as the gateway's, answering one POST and returning what the client gets. */
async function answer(executor: GatewayExecutor, contextValue: object = {}) {
  const gateway: GatewayInterface = {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: async () => undefined,
  };
  const server = new ApolloServer({ gateway });
  await server.start();
  try {
    return await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json'], ['x-from', 'client']]),
        search: 'a=1',
        body: { query: 'query Hello { hello }', operationName: 'Hello', variables: { v: 1 } },
      },
      context: async () => contextValue,
    });
  } finally {
    await server.stop();
  }
}

/** The request context an executor was given, in a form two builds can be compared by. */
async function contextSeen() {
  let seen: GatewayGraphQLRequestContext | undefined;
  const contextValue = { caller: 'thomas' };
  await answer(async (context) => {
    seen = context;
    return { data: { hello: 'hi' } };
  }, contextValue);
  if (!seen) throw new Error('the executor did not run');
  const { request, response, document, context, ...rest } = seen;
  return {
    request: { ...request, http: request.http && { ...request.http, headers: [...request.http.headers] } },
    response: { status: response?.http?.status, headers: [...(response?.http?.headers ?? [])] },
    document: document && print(document),
    contextIsTheServers: context !== undefined && (context as { caller?: string }).caller === contextValue.caller,
    rest: Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, typeof value === 'object' && value !== null ? Object.keys(value).sort() : value])),
  };
}

describe("the gateway's request context", () => {
  it('carries what Apollo Server’s own builder put in it', async () => {
    const apollos = await contextSeen();
    useGatewayRequestContext();
    expect(await contextSeen()).toEqual(apollos);
  });

  it('keeps the response status on the class, so every request context shares one hidden class', async () => {
    useGatewayRequestContext();
    let http: object | undefined;
    await answer(async (context) => {
      http = context.response?.http;
      return { data: { hello: 'hi' } };
    });
    expect(http).toBeDefined();
    expect(Object.getOwnPropertyDescriptor(http, 'status')).toBeUndefined();
  });

  it('passes a status the executor sets on to the client', async () => {
    useGatewayRequestContext();
    const result = await answer(async (context) => {
      if (context.response?.http) context.response.http.status = 203;
      return { data: { hello: 'hi' } };
    });
    expect(result.status).toBe(203);
  });

  it('passes a header the executor sets on to the client', async () => {
    useGatewayRequestContext();
    const result = await answer(async (context) => {
      context.response?.http?.headers.set('x-seen', 'yes');
      return { data: { hello: 'hi' } };
    });
    expect(result.headers.get('x-seen')).toBe('yes');
  });
});
