import { ApolloServer } from '@apollo/server';
import { getOperationAST, parse, validate } from 'graphql';
import type { QueryLimits } from '../../lib/config';
import { publicSchema } from '../../test/support/schema-paths';
import { operationCost } from './query-cost';
import { keptVerdicts, queryLimitsPlugin } from './query-limits';

// Both walks of a document, counted: graphql's validation (with the shape rules) and the cost count.
jest.mock('graphql', () => {
  const graphql = jest.requireActual<typeof import('graphql')>('graphql');
  return { ...graphql, validate: jest.fn(graphql.validate) };
});
jest.mock('./query-cost', () => {
  const cost = jest.requireActual<typeof import('./query-cost')>('./query-cost');
  return { ...cost, operationCost: jest.fn(cost.operationCost) };
});

const schema = publicSchema();
const limits: QueryLimits = { maxDepth: 8, maxAliases: 15, maxDirectives: 20, maxTokens: 3000, maxCost: 20_000 };

function verdict(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return keptVerdicts(limits).judge(query, schema, document, getOperationAST(document)!, variables);
}

const refusedWith = (query: string, variables?: Record<string, unknown>) => {
  const result = verdict(query, variables);
  return 'refusal' in result ? result.refusal.code : 'accepted';
};

const costOf = (query: string, variables?: Record<string, unknown>) => {
  const result = verdict(query, variables);
  if ('refusal' in result) throw new Error(`refused: ${result.refusal.code}`);
  return result.cost;
};

/** The proxy cycle walked `levels` times: `me { proxies(first: 500) { representedCitizen { ... } } }`. */
function proxyChain(levels: number, form: 'inline' | 'named' | 'inline-fragments' | 'mixed'): string {
  const step = (inner: string) => `proxies(first: 500) { representedCitizen { ${inner} } }`;
  if (form === 'inline') {
    let body = 'id';
    for (let level = 0; level < levels; level += 1) body = step(body);
    return `query { me { ${body} } }`;
  }
  if (form === 'inline-fragments') {
    let body = 'id';
    for (let level = 0; level < levels; level += 1) body = `... on Citizen { ${step(body)} }`;
    return `query { me { ${body} } }`;
  }
  const fragments = Array.from({ length: levels }, (_, index) => {
    const next = index + 1 < levels ? `...F${index + 2}` : 'id';
    const inner = form === 'mixed' && index % 2 === 1 ? `... on Citizen { ${next} }` : next;
    return `fragment F${index + 1} on Citizen { ${step(inner)} }`;
  });
  return `query { me { ...F1 } }\n${fragments.join('\n')}`;
}

describe('query limits', () => {
  it('refuses the 12-level proxy chain written inline', () => {
    expect(refusedWith(proxyChain(12, 'inline'))).toBe('QUERY_TOO_DEEP');
  });

  it('refuses the same chain through 12 named fragments', () => {
    expect(refusedWith(proxyChain(12, 'named'))).toBe('QUERY_TOO_DEEP');
  });

  it('refuses the same chain through inline fragments', () => {
    expect(refusedWith(proxyChain(12, 'inline-fragments'))).toBe('QUERY_TOO_DEEP');
  });

  it('refuses the same chain mixing named and inline fragments', () => {
    expect(refusedWith(proxyChain(12, 'mixed'))).toBe('QUERY_TOO_DEEP');
  });

  it('accepts the deepest everyday query, written with a fragment', () => {
    expect(refusedWith('{ me { benefits { ...B } } } fragment B on Benefit { case { contact { office } } }')).toBe('accepted');
  });

  it('counts aliases inside fragments', () => {
    const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: id`).join(' ');
    expect(refusedWith(`{ me { ...F } } fragment F on Citizen { ${aliases} }`)).toBe('TOO_MANY_ALIASES');
  });

  it('counts directives inside fragments', () => {
    const fields = Array.from({ length: 21 }, () => 'id @include(if: true)').join(' ');
    expect(refusedWith(`{ me { ...F } } fragment F on Citizen { ${fields} }`)).toBe('TOO_MANY_DIRECTIVES');
  });

  it('multiplies a list by its first, whether literal, variable or the variable default', () => {
    const literal = costOf('{ me { cases(first: 7) { contact { office } } } }');
    expect(literal).toBe(1 + 7 * 2);
    expect(costOf('query ($n: Int!) { me { cases(first: $n) { contact { office } } } }', { n: 7 })).toBe(literal);
    expect(costOf('query ($n: Int = 7) { me { cases(first: $n) { contact { office } } } }')).toBe(literal);
  });

  it('counts a fragment as if it were written where it is spread', () => {
    const inline = costOf('{ me { cases(first: 20) { contact { office } documents { title } } } }');
    expect(costOf('{ me { cases(first: 20) { ...C } } } fragment C on Case { contact { office } documents { title } }')).toBe(inline);
    expect(costOf('{ me { cases(first: 20) { ... on Case { contact { office } documents { title } } } } }')).toBe(inline);
  });

  it('refuses a costly query whose size hides in a variable default behind a fragment', () => {
    expect(
      refusedWith('query ($n: Int = 500) { me { ...P } } fragment P on Citizen { proxies(first: $n) { representedCitizen { cases(first: $n) { id } } } }'),
    ).toBe('QUERY_TOO_COSTLY');
  });

  it('measures a fragment spread many times once, without walking every copy', () => {
    const fragments = Array.from({ length: 30 }, (_, index) =>
      index < 29 ? `fragment F${index} on Citizen { ...F${index + 1} ...F${index + 1} }` : `fragment F${index} on Citizen { id }`,
    );
    expect(costOf(`{ me { ...F0 } } ${fragments.join(' ')}`)).toBe(1);
  });
});

describe('query limits on an operation sent again', () => {
  let server: ApolloServer;
  const charged: number[] = [];
  const walks = () => jest.mocked(validate).mock.calls.length + jest.mocked(operationCost).mock.calls.length;

  beforeAll(() => {
    server = new ApolloServer({ schema, plugins: [queryLimitsPlugin(limits, async (_context, cost) => void charged.push(cost))] });
    return server.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    charged.length = 0;
    jest.clearAllMocks();
  });

  async function send(query: string, variables?: Record<string, unknown>) {
    const { body } = await server.executeOperation({ query, variables });
    if (body.kind !== 'single') throw new Error('expected a single result');
    return body.singleResult;
  }

  it('is charged the same cost without walking the document again', async () => {
    const query = '{ me { cases(first: 7) { contact { office } } } }';
    await send(query);
    const walked = walks();
    await send(query);
    expect(walks()).toBe(walked);
    expect(charged).toEqual([15, 15]);
  });

  it('is refused again with the same error, without walking the document again', async () => {
    const query = proxyChain(12, 'named');
    const first = await send(query);
    const walked = walks();
    const second = await send(query);
    expect(walks()).toBe(walked);
    expect(first.errors?.[0].extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(second.errors).toEqual(first.errors);
  });

  it('is costed again when its variables give other list sizes, and judged by them', async () => {
    const query = 'query ($n: Int!) { me { proxies(first: $n) { representedCitizen { cases(first: $n) { id } } } } }';
    await send(query, { n: 7 });
    const large = await send(query, { n: 500 });
    expect(large.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    const walked = walks();
    await send(query, { n: 7 });
    expect(walks()).toBe(walked);
    expect(charged).toEqual([1 + 7 * (1 + 1 + 7), 1 + 7 * (1 + 1 + 7)]);
  });
});
