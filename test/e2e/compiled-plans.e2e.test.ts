import { registry } from '../../lib/metrics';
import { createDataset } from '../../mocks/fixtures/dataset';
import { clients, personas } from '../../mocks/fixtures/personas';
import { mintToken, type TokenSubject } from '../../mocks/identity/dev-issuer';
import { AccessOracle } from '../support/access-oracle';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { publicSchema, queryFor, rootFields, type Variant } from '../support/schema-paths';
import { nestedOverview } from '../support/overview';
import { fixtureToday, startStack, type Stack } from '../support/stack';

/**
 * The plans compiled once per operation answer exactly as Apollo's gateway executor does: every
 * root field of the public schema, asked plainly and through aliases and fragments, by each kind of
 * caller, of a gateway on compiled plans and of one on Apollo's executor over the same subgraphs,
 * gets the same data and the same errors, and each gateway ran its own executor.
 */

const schema = publicSchema();
const variants: Variant[] = ['plain', 'fragments'];
const queries = rootFields(schema).flatMap((root) =>
  variants.flatMap((variant) => {
    const query = queryFor(schema, root, { depth: 4, variant });
    return query ? [{ root, variant, document: query.document }] : [];
  }),
);
const oracle = new AccessOracle(createDataset(), { fixtureNow: fixtureToday, grantDay: new Date(), representationDay: fixtureToday });

type Person = keyof typeof personas;
const cpr = (who: Person) => personas[who].cpr;
const callers: { name: string; token: TokenSubject; cpr: string }[] = [
  { name: 'thomas', token: { kind: 'citizen', cpr: cpr('thomas') }, cpr: cpr('thomas') },
  { name: 'sara, 16', token: { kind: 'citizen', cpr: cpr('sara') }, cpr: cpr('sara') },
  { name: 'the lawyer for thomas', token: { kind: 'proxy', holderCpr: cpr('lawyer'), subjectCpr: cpr('thomas') }, cpr: cpr('thomas') },
  { name: 'the chatbot for karen', token: { kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: cpr('karen') }, cpr: cpr('karen') },
  { name: 'the region for thomas', token: { kind: 'partner', clientId: 'rm-hospital', organisation: clients.region.orgId }, cpr: cpr('thomas') },
];

const executions = async () => {
  const { values } = await registry.getSingleMetric('gateway_executions_total')!.get();
  const of = (executor: string) => values.find((value) => value.labels.executor === executor)?.value ?? 0;
  return { compiled: of('compiled'), apollo: of('apollo') };
};

/** The operations each executor ran while `ask` ran (an item's history reads through the graph too). */
async function executorsOf(ask: () => Promise<GraphQLResponse>) {
  const before = await executions();
  const response = await ask();
  const after = await executions();
  return { response, ran: { compiled: after.compiled - before.compiled, apollo: after.apollo - before.apollo } };
}

/**
 * The access log's events at or after `since` (the two requests' own reads: the first gateway's is
 * in the second's answer) left out of a list.
 */
const before = (value: unknown, since: string): unknown => {
  if (Array.isArray(value)) {
    return value.filter((element) => !(typeof element?.at === 'string' && element.at >= since)).map((element) => before(element, since));
  }
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, before(field, since)]));
  return value;
};

/** What a client is shown, errors in a fixed order (parallel fetches answer in any order). */
const shown = (response: GraphQLResponse, since: string) => ({
  status: response.status,
  data: before(response.body.data, since),
  errors: (response.body.errors ?? []).map((error) => JSON.stringify(error)).sort(),
});

describe('plans compiled once per operation', () => {
  let stack: Stack;
  let apolloUrl: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    const env = { MAX_QUERY_COST: '100000000', MAX_QUERY_DEPTH: '32', MAX_ALIASES: '1000', MAX_TOKENS: '100000', COST_BUDGET_PER_MINUTE: '1000000000' };
    stack = await startStack({ env });
    apolloUrl = await stack.startGateway({ ...env, GATEWAY_COMPILED_PLANS: 'false' });
    for (const caller of callers) tokens.set(caller.name, await mintToken(caller.token, { issuer: stack.issuer.url }));
  }, 60_000);
  afterAll(() => stack?.close());

  /** The same request of both gateways, one after the other, each counted on its own executor. */
  const askBoth = async (document: string, token: string | undefined, variables: Record<string, unknown> = {}) => {
    const since = new Date().toISOString();
    const compiled = await executorsOf(() => postGraphQL(stack.gatewayUrl, document, { token, variables }));
    const apollo = await executorsOf(() => postGraphQL(apolloUrl, document, { token, variables }));
    return { compiled: shown(compiled.response, since), apollo: shown(apollo.response, since), ran: { compiled: compiled.ran, apollo: apollo.ran } };
  };

  for (const caller of callers) {
    for (const { root, variant, document } of queries) {
      it(`${caller.name} through ${root} (${variant}) gets the same answer of both executors`, async () => {
        const item = oracle.historyItem(caller.cpr);
        const answers = await askBoth(document, tokens.get(caller.name), { cpr: caller.cpr, purpose: 'VER-2026-0042', area: item.graphArea, id: item.id });
        expect(answers.compiled).toEqual(answers.apollo);
        expect(answers.ran.compiled).toEqual({ compiled: expect.any(Number), apollo: 0 });
        expect(answers.ran.apollo).toEqual({ compiled: 0, apollo: expect.any(Number) });
        expect(answers.ran.compiled.compiled).toBeGreaterThan(0);
        // Apollo's executor asks for an entity once per object pointing to it, the compiled plans once:
        // an item's history, read through the graph, can then be read more often by Apollo's.
        expect(answers.ran.apollo.apollo).toBeGreaterThanOrEqual(answers.ran.compiled.compiled);
      });
    }
  }

  it("asks for thomas's areas together with `me`, and keeps what they answered", async () => {
    const guessed = async () => {
      const { values } = await registry.getSingleMetric('gateway_guessed_roots_total')!.get();
      return Object.fromEntries(values.map((value) => [value.labels.outcome, value.value]));
    };
    const before = await guessed();
    const answers = await askBoth(nestedOverview, tokens.get('thomas'));
    expect(answers.compiled).toEqual(answers.apollo);
    const after = await guessed();
    expect([(after.kept ?? 0) - (before.kept ?? 0), (after.discarded ?? 0) - (before.discarded ?? 0)]).toEqual([1, 0]);
  });

  it('leaves introspection to Apollo\'s executor, with the same answer', async () => {
    const answers = await askBoth('{ __schema { queryType { name } } __typename }', tokens.get('thomas'));
    expect(answers.compiled).toEqual(answers.apollo);
    expect(answers.compiled.data).toEqual({ __schema: { queryType: { name: 'Query' } }, __typename: 'Query' });
    expect(answers.ran).toEqual({ compiled: { compiled: 0, apollo: 1 }, apollo: { compiled: 0, apollo: 1 } });
  });

  it('answers a subgraph that is down with the same error, naming its area', async () => {
    await stack.stopSubgraph('payments');
    const answers = await askBoth(nestedOverview, tokens.get('thomas'));
    expect(answers.compiled).toEqual(answers.apollo);
    expect(answers.compiled.errors).toEqual([expect.stringContaining('"extensions":{"code":"UPSTREAM_UNAVAILABLE","area":"payments"}')]);
  });
});
