import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { personas } from '../mocks/fixtures/personas';
import { captureLog } from '../test/support/log-capture';
import { appError, errorFormatter } from './errors';
import { failureLogPlugin } from './failure-log';
import { createLogger } from './logger';

const { cpr } = personas.thomas;
const requestId = 'req-failure-log-1';

/** A subgraph whose resolvers fail the ways a real one can: a bug, an index, the caller. */
const typeDefs = `type Query { benefits: [String] payments: [String] cases: [String] appointments: [String] proxies: [String] }`;
const resolvers = {
  Query: {
    benefits: () => {
      throw new Error(`no benefit record for ${cpr}`);
    },
    payments: () => {
      throw new TypeError(`cannot read ${cpr}.payments`);
    },
    cases: () => {
      throw appError('UPSTREAM_UNAVAILABLE', { area: 'cases' });
    },
    appointments: () => {
      throw appError('NOT_FOUND');
    },
    // As the gateway's engine relays a subgraph's error: around the subgraph's answer, not an Error.
    proxies: () => {
      throw new GraphQLError('Something went wrong on our side.', {
        originalError: { message: 'Something went wrong on our side.' } as Error,
        extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'proxies' },
      });
    },
  },
};

describe('the failure log', () => {
  let lines: string[];
  let server: ApolloServer<{ requestId: string }>;
  const ask = (query: string) => server.executeOperation({ query }, { contextValue: { requestId } });
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeEach(async () => {
    const captured = captureLog();
    lines = captured.lines;
    server = new ApolloServer<{ requestId: string }>({
      typeDefs,
      resolvers,
      formatError: errorFormatter(true),
      plugins: [failureLogPlugin(createLogger('test', 'info', captured.stream), (context) => context.requestId)],
    });
    await server.start();
  });
  afterEach(() => server.stop());

  it('logs a request whose resolvers threw unexpected errors once, with its request id and the code the client saw', async () => {
    await ask('{ benefits payments }');
    expect(logged()).toEqual([expect.objectContaining({ requestId, failed: 2, codes: ['INTERNAL_SERVER_ERROR'], paths: ['benefits', 'payments'] })]);
  });

  it('names each cause by its type and where it was thrown, never by its message, so a CPR in it stays out', async () => {
    await ask('{ benefits payments }');
    expect(lines.join('')).not.toContain(cpr);
    expect(logged()[0].causes).toEqual([
      { type: 'Error', at: expect.arrayContaining([expect.stringContaining('failure-log.test.ts')]) },
      { type: 'TypeError', at: expect.arrayContaining([expect.stringContaining('failure-log.test.ts')]) },
    ]);
  });

  it('logs an index that failed', async () => {
    await ask('{ cases }');
    expect(logged()).toEqual([expect.objectContaining({ requestId, codes: ['UPSTREAM_UNAVAILABLE'], paths: ['cases'] })]);
  });

  it('names the subgraph an error was relayed from, where its own line is', async () => {
    await ask('{ proxies }');
    expect(logged()[0].causes).toEqual([expect.objectContaining({ type: 'GraphQLError', subgraph: 'proxies' })]);
  });

  it('logs nothing when the errors are answers to the caller (a record not found)', async () => {
    await ask('{ appointments }');
    expect(lines).toEqual([]);
  });

  it('masks a CPR number the client used as a response key', async () => {
    await ask(`{ c${cpr}: benefits }`);
    expect(lines.join('')).not.toContain(cpr);
    expect(logged()[0].paths).toEqual(['c[n]']);
  });

  it('logs a context that could not be built, without a request id, which the client never got', async () => {
    await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query: '{ cases }' } },
      context: async () => {
        throw new Error(`grants of ${cpr} unreadable`);
      },
    });
    expect(lines.join('')).not.toContain(cpr);
    expect(logged()).toEqual([expect.objectContaining({ requestId: null, codes: ['INTERNAL_SERVER_ERROR'], causes: [expect.objectContaining({ type: 'Error' })] })]);
  });
});
