import { sealInternalContext } from '../../lib/internal-context';
import { personas } from '../../mocks/fixtures/personas';
import { postGraphQL } from '../support/graphql-client';
import { startStack, type Stack } from '../support/stack';

describe('a subgraph called directly, not through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const query = '{ _entities(representations: [{ __typename: "Case", id: "x" }]) { ... on Case { id title } } }';

  it('answers nothing without an internal context', async () => {
    const response = await postGraphQL(stack.subgraphUrls.cases, query);
    expect(response.status).toBe(401);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors![0].extensions!.code).toBe('INTERNAL_CONTEXT_INVALID');
  });

  it('answers nothing with an internal context sealed under another key', async () => {
    const forged = await sealInternalContext(
      {
        requestId: 'forged',
        callerKind: 'citizen',
        actorId: 'cit_forged',
        subjectCpr: personas.thomas.cpr,
        assurance: 'High',
        areas: ['cases'],
        scopes: [{ areas: ['cases'], caseId: null }],
        mayReadAccessLog: true,
        holderId: personas.thomas.cpr,
        partnerOrganisation: null,
        staffMunicipality: null,
      },
      Buffer.from('an-attacker-guessed-this-secret!'),
    );
    const response = await postGraphQL(stack.subgraphUrls.cases, query, { headers: { 'x-internal-context': forged } });
    expect(response.status).toBe(401);
    expect(response.body.errors![0].extensions!.code).toBe('INTERNAL_CONTEXT_INVALID');
  });
});
