import { ApolloServer, HeaderMap } from '@apollo/server';
import { responseTypePlugin } from './response-type';

const typeDefs = 'type Query { hello: String }';
const resolvers = { Query: { hello: () => 'hej' } };

/** What a client is answered: status and media type, by Apollo alone or with the plugin deciding. */
async function answer(server: ApolloServer, accept: string | undefined, query = '{ hello }') {
  const headers = new HeaderMap([['content-type', 'application/json']]);
  if (accept !== undefined) headers.set('accept', accept);
  const result = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query } }, context: async () => ({}) });
  return { status: result.status ?? 200, type: result.headers.get('content-type') };
}

const accepts = [
  undefined,
  '*/*',
  'application/json',
  'application/graphql-response+json',
  'application/graphql-response+json, application/json',
  'application/json;q=0.5, application/graphql-response+json',
  'application/json; callbackSpec=1.0',
  'text/html',
  'text/html, */*;q=0.1',
  'image/png',
];

describe("the response's media type, decided once per Accept header", () => {
  const apollo = new ApolloServer({ typeDefs, resolvers });
  const withPlugin = new ApolloServer({ typeDefs, resolvers, plugins: [responseTypePlugin()] });
  beforeAll(async () => {
    await apollo.start();
    await withPlugin.start();
  });
  afterAll(async () => {
    await apollo.stop();
    await withPlugin.stop();
  });

  it.each(accepts.map((accept) => [accept ?? '(none)', accept]))('is the one Apollo Server chooses itself, for Accept %s', async (_, accept) => {
    const expected = await answer(apollo, accept);
    // Twice: the second from the remembered decision.
    expect(await answer(withPlugin, accept)).toEqual(expected);
    expect(await answer(withPlugin, accept)).toEqual(expected);
  });

  it('is the same for an answer with errors', async () => {
    expect(await answer(withPlugin, 'application/graphql-response+json', '{ nothing }')).toEqual(await answer(apollo, 'application/graphql-response+json', '{ nothing }'));
  });
});
