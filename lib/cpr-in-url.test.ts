import { urlNamesCitizen } from './cpr-in-url';

const search = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
const shared = 'query ($cpr: String!) { sharedAppointments(cpr: $cpr) { title } }';

describe('a citizen named in a URL', () => {
  it('is found in the variables', () => {
    expect(urlNamesCitizen(search({ query: '{ me { id } }', variables: JSON.stringify({ x: '2202450842' }) }))).toBe(true);
  });

  it('is found behind a JSON unicode escape in the variables', () => {
    expect(urlNamesCitizen(search({ query: '{ me { id } }', variables: '{"x":"\\u0032202450842"}' }))).toBe(true);
  });

  it('is found behind a GraphQL unicode escape in a string literal', () => {
    expect(urlNamesCitizen(search({ query: '{ sharedAppointments(x: "\\u0032202450842") { title } }' }))).toBe(true);
  });

  it('is assumed in any operation that takes a cpr argument, whatever its values', () => {
    expect(urlNamesCitizen(search({ query: shared }))).toBe(true);
  });

  it("is assumed in an operation that sets a proxy holder's CPR, whatever its value or spelling", () => {
    expect(urlNamesCitizen(search({ query: 'mutation ($c: String) { grantProxy(input: { holderCpr: $c, cards: [CASES] }) { id } }' }))).toBe(true);
    expect(urlNamesCitizen(search({ query: 'mutation { grantProxy(input: { holderCpr: "1111 652417", cards: [CASES] }) { id } }' }))).toBe(true);
    expect(urlNamesCitizen(search({ query: 'mutation ($i: GrantProxyInput!) { grantProxy(input: $i) { id } }', variables: JSON.stringify({ i: { holderCpr: '111165-2417' } }) }))).toBe(true);
  });

  it('is not found in an overview asked for by GET', () => {
    expect(urlNamesCitizen(search({ query: '{ me { id cases { id } } }' }))).toBe(false);
  });

  it('is not found, and nothing breaks, in a malformed percent-escape', () => {
    expect(urlNamesCitizen('?query=%E0%A4%A')).toBe(false);
  });
});
