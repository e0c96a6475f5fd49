import { parse, visit } from 'graphql';

/** A CPR-shaped number: six digits of birth date, an optional dash, four more. */
const cprShaped = /(^|[^\d])\d{6}-?\d{4}([^\d]|$)/;

function stringsIn(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}

/** An argument or input field made for a CPR number: `cpr`, `holderCpr`, ... */
const namesCpr = (name: string) => name === 'cpr' || name.endsWith('Cpr');

/**
 * Whether a URL's query string names a citizen: URLs end up in access logs and browser histories,
 * so personal identifiers belong in a POST body. Read from the decoded values, not the raw text,
 * so no escape hides one: percent-escapes (by URLSearchParams), JSON `\u` escapes in the variables
 * (by JSON.parse), GraphQL escapes in string literals (by the parser). An operation that takes a
 * `cpr` argument, or sets an input field for one (`holderCpr`), is refused over GET whatever its values.
 */
export function urlNamesCitizen(search: string): boolean {
  const params = new URLSearchParams(search);
  const values = [...params.values()];
  if (values.some((value) => cprShaped.test(value))) return true;
  for (const name of ['variables', 'extensions']) {
    const text = params.get(name);
    if (!text) continue;
    try {
      if (stringsIn(JSON.parse(text), []).some((value) => cprShaped.test(value))) return true;
    } catch {
      // Not JSON: the GraphQL layer answers that; its raw text was checked above.
    }
  }
  const query = params.get('query');
  if (!query) return false;
  let found = false;
  try {
    visit(parse(query), {
      Argument: (node) => void (found ||= namesCpr(node.name.value)),
      // An input field that carries one (`grantProxy(input: { holderCpr: ... })`).
      ObjectField: (node) => void (found ||= namesCpr(node.name.value)),
      StringValue: (node) => void (found ||= cprShaped.test(node.value)),
    });
  } catch {
    // A query that does not parse is refused by the GraphQL layer with its own error.
  }
  return found;
}
