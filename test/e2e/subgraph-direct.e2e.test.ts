import { sealInternalContext, singleKey, type InternalContext } from '../../lib/internal-context';
import { LAWYER_PROXY_ID } from '../../mocks/fixtures/dataset';
import { personas } from '../../mocks/fixtures/personas';
import { postGraphQL } from '../support/graphql-client';
import { startStack, type Stack } from '../support/stack';

/** What the gateway would seal for thomas reading his own data. */
const thomas: InternalContext = {
  requestId: 'req-direct-1',
  callerKind: 'citizen',
  actorId: 'cit_thomas',
  subjectCpr: personas.thomas.cpr,
  assurance: 'High',
  areas: ['cases', 'proxies'],
  scopes: [{ areas: ['cases', 'proxies'], caseId: null }],
  mayReadAccessLog: true,
  holderId: personas.thomas.cpr,
  partnerOrganisation: null,
  staffMunicipality: null,
  mutation: false,
  language: 'da',
};

describe('a subgraph called directly, not through the gateway', () => {
  let stack: Stack;
  const key = () => singleKey(Buffer.from(stack.keys.internalContext, 'base64url'));
  const send = (subgraph: 'cases' | 'proxies', query: string, sealed: string) =>
    postGraphQL(stack.subgraphUrls[subgraph], query, { headers: { 'x-internal-context': sealed } });
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const casesQuery = '{ _entities(representations: [{ __typename: "Case", id: "x" }]) { ... on Case { id title } } }';
  const revoke = `mutation { revokeProxy(id: "${LAWYER_PROXY_ID}") { id } }`;
  const refusal = (response: Awaited<ReturnType<typeof send>>) => [response.status, response.body.errors?.[0].extensions?.code];

  it('gives a browser opening it no page that loads scripts from another host', async () => {
    const response = await fetch(stack.subgraphUrls.cases, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/<script[^>]*src="https?:/);
  });

  it('answers nothing without an internal context', async () => {
    const response = await postGraphQL(stack.subgraphUrls.cases, casesQuery);
    expect(response.status).toBe(401);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors![0].extensions!.code).toBe('INTERNAL_CONTEXT_INVALID');
  });

  it('answers nothing with an internal context sealed under another key', async () => {
    const forged = await sealInternalContext(thomas, singleKey(Buffer.from('an-attacker-guessed-this-secret!')), 'cases');
    expect(refusal(await send('cases', casesQuery, forged))).toEqual([401, 'INTERNAL_CONTEXT_INVALID']);
  });

  it('refuses a context sealed for another subgraph', async () => {
    const forCases = await sealInternalContext(thomas, key(), 'cases');
    expect(refusal(await send('proxies', '{ me { id } }', forCases))).toEqual([401, 'INTERNAL_CONTEXT_INVALID']);
  });

  it('refuses a context the second time it is used', async () => {
    const sealed = await sealInternalContext(thomas, key(), 'cases');
    expect((await send('cases', casesQuery, sealed)).status).toBe(200);
    expect(refusal(await send('cases', casesQuery, sealed))).toEqual([401, 'INTERNAL_CONTEXT_INVALID']);
  });

  it("makes no change under a context sealed for a read, even the citizen's own", async () => {
    const read = await sealInternalContext(thomas, key(), 'proxies');
    const response = await send('proxies', revoke, read);
    expect(response.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(stack.simulator.dataset.lookup.proxies.byId.get(LAWYER_PROXY_ID)!.tilbagekaldt).toBeNull();
  });
});
