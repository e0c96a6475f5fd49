import type { FetchNode, PlanNode } from '@apollo/query-planner';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { buildSchema, type GraphQLError } from 'graphql';
import type { Row } from './plan-data';
import { compilePlan, rootCursor, type PlanRun } from './plan-execution';
import { guessable, type GuessOptions } from './speculation';

const schema = buildSchema(`
  type Query { me: Citizen! }
  type Citizen { id: ID! proxies: [Proxy!] cases: [Case!] }
  type Proxy { id: ID! holder: Holder }
  type Holder { id: ID! name: String }
  type Case { id: ID! title: String }
`);

const citizenKey = [{ kind: 'InlineFragment', typeCondition: 'Citizen', selections: [{ kind: 'Field', name: '__typename' }, { kind: 'Field', name: 'id' }] }];

const fetchNode = (serviceName: string, operation: string, requires?: unknown, operationKind = 'query') =>
  ({ kind: 'Fetch', serviceName, operation, operationKind, variableUsages: [], ...(requires ? { requires } : {}) }) as unknown as FetchNode;

/** `me` from the proxies subgraph, with the proxies it holds. */
const meFetch = fetchNode('proxies', '{ me { __typename id proxies { id holder { __typename id } } } }');
/** The citizen's cases from the cases subgraph, by the citizen's key. */
const casesOfMe: PlanNode = { kind: 'Flatten', path: ['me'], node: fetchNode('cases', '{ _entities { ... on Citizen { cases { id title } } } }', citizenKey) };
/** The overview's plan in miniature: `me`, then the citizen's cases. */
const overview: PlanNode = { kind: 'Sequence', nodes: [meFetch, casesOfMe] };

const knowsMe: GuessOptions = { known: new Set(['me']), holds: () => true };
const thomas = { __typename: 'Citizen', id: 'c-thomas' };

/**
 * Runs `plan` with the gateway knowing `me` is `guess`: `me` answers `meAnswer` when the test says
 * so, the cases subgraph answers at once. Returns the order of what happened, the data, the errors
 * and the citizens whose cases' answers were kept (told to the gateway, as their disclosures are).
 */
function start(plan: PlanNode, guess: Row | undefined, options: GuessOptions = knowsMe) {
  const events: string[] = [];
  const kept: unknown[] = [];
  let answerMe: (response: GatewayGraphQLResponse) => void = () => undefined;
  const respond = (fetch: FetchNode, variables: Row): Promise<GatewayGraphQLResponse> => {
    if (fetch.serviceName === 'proxies') {
      events.push('asked me');
      return new Promise((resolve) => (answerMe = resolve));
    }
    const [citizen] = variables.representations as Row[];
    events.push(`asked cases of ${String(citizen.id)}`);
    if (citizen.id !== thomas.id) return Promise.resolve({ data: { _entities: [null] }, errors: [{ message: 'not yours', path: ['_entities', 0], extensions: { code: 'FORBIDDEN' } }] });
    return Promise.resolve({ data: { _entities: [{ cases: [{ id: 'k1', title: 'Boligstøtte' }] }] } });
  };
  const run: PlanRun = {
    variables: undefined,
    errors: [],
    known: (field) => (field === 'me' ? guess : undefined),
    send: async (fetch, variables) => {
      const response = await respond(fetch, variables);
      kept.push((variables.representations as Row[] | undefined)?.[0]?.id ?? 'me');
      return response;
    },
    sendHeld: async (fetch, variables) => ({
      response: await respond(fetch, variables),
      keep: () => void kept.push((variables.representations as Row[])[0].id),
    }),
  };
  const data: Row = Object.create(null);
  const done = compilePlan(schema, plan, options)!(run, rootCursor(data)).then(() => ({ events, data, errors: run.errors as GraphQLError[], kept }));
  return { events, me: (response: GatewayGraphQLResponse) => answerMe(response), done };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('a plan whose next fetches need only the citizen the gateway knows', () => {
  it('asks for them together with `me`, and keeps their answers when `me` is that citizen', async () => {
    const run = start(overview, thomas);
    await flush();
    expect(run.events).toEqual(['asked me', 'asked cases of c-thomas']);
    run.me({ data: { me: { ...thomas, proxies: [] } } });
    const { data, errors, kept } = await run.done;
    expect(data).toEqual({ me: { ...thomas, proxies: [], cases: [{ id: 'k1', title: 'Boligstøtte' }] } });
    expect(errors).toEqual([]);
    expect(kept).toEqual(['me', 'c-thomas']);
  });

  it('throws their answers away unseen when `me` is someone else, and asks for that one', async () => {
    const run = start(overview, thomas);
    await flush();
    run.me({ data: { me: { __typename: 'Citizen', id: 'c-karen', proxies: [] } } });
    const { events, data, errors, kept } = await run.done;
    expect(events).toEqual(['asked me', 'asked cases of c-thomas', 'asked cases of c-karen']);
    expect(data).toEqual({ me: { __typename: 'Citizen', id: 'c-karen', proxies: [] } });
    expect(errors.map((error) => [error.message, error.path])).toEqual([['not yours', ['me']]]);
    expect(kept).toEqual(['me', 'c-karen']);
  });

  it('throws their answers away unseen when `me` is refused', async () => {
    const run = start(overview, thomas);
    await flush();
    run.me({ data: null, errors: [{ message: 'not for this token', path: ['me'], extensions: { code: 'FORBIDDEN' } }] });
    const { data, errors, kept } = await run.done;
    expect(data).toEqual({});
    expect(errors.map((error) => error.message)).toEqual(['not for this token']);
    expect(kept).toEqual(['me']);
  });

  it('waits for `me` when the gateway does not know whom it answers', async () => {
    const run = start(overview, undefined);
    await flush();
    expect(run.events).toEqual(['asked me']);
    run.me({ data: { me: { ...thomas, proxies: [] } } });
    const { events, kept } = await run.done;
    expect(events).toEqual(['asked me', 'asked cases of c-thomas']);
    expect(kept).toEqual(['me', 'c-thomas']);
  });

  it('waits for `me` when the next fetches go to a service whose answers cannot be held back', async () => {
    const run = start(overview, thomas, { known: new Set(['me']), holds: (service) => service !== 'cases' });
    await flush();
    expect(run.events).toEqual(['asked me']);
    run.me({ data: { me: { ...thomas, proxies: [] } } });
    await run.done;
  });
});

describe('which plans may start their next step with the root fetch', () => {
  const holderNames: PlanNode = {
    kind: 'Flatten',
    path: ['me', 'proxies', '@', 'holder'],
    node: fetchNode('persons', '{ _entities { ... on Holder { name } } }', [{ kind: 'InlineFragment', typeCondition: 'Holder', selections: [{ kind: 'Field', name: '__typename' }, { kind: 'Field', name: 'id' }] }]),
  };

  it('one whose next step needs only the known entity', () => {
    expect(guessable(meFetch, casesOfMe, knowsMe)).toEqual(new Map([['me', { field: 'me', requires: [citizenKey] }]]));
  });

  it('not one whose next step reads what the root fetch brings (the proxies under `me`)', () => {
    expect(guessable(meFetch, { kind: 'Parallel', nodes: [casesOfMe, holderNames] }, knowsMe)).toBeUndefined();
  });

  it('not one whose root fetch changes data', () => {
    expect(guessable(fetchNode('proxies', 'mutation { me { __typename id } }', undefined, 'mutation'), casesOfMe, knowsMe)).toBeUndefined();
  });

  it('not one whose root field the gateway does not know', () => {
    expect(guessable(meFetch, casesOfMe, { known: new Set(['citizenContext']), holds: () => true })).toBeUndefined();
  });
});
