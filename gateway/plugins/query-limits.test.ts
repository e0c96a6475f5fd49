import { getOperationAST, parse } from 'graphql';
import type { QueryLimits } from '../../lib/config';
import { publicSchema } from '../../test/support/schema-paths';
import { judge } from './query-limits';

const schema = publicSchema();
const limits: QueryLimits = { maxDepth: 8, maxAliases: 15, maxDirectives: 20, maxTokens: 3000, maxCost: 20_000 };

function verdict(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return judge(schema, document, getOperationAST(document)!, variables, limits);
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
