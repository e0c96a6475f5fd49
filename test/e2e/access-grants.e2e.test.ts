import { THOMAS_TRANSPORT_CASE_ID } from '../../mocks/fixtures/dataset';
import { organisations, personas } from '../../mocks/fixtures/personas';
import { mintToken } from '../../mocks/identity/dev-issuer';
import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

type Grant = { kind: string; who: string; areas: string[]; caseId: string | null; pending: boolean; lastDay: string | null; howToEnd: string };
const query = '{ me { accessGrants { kind who areas caseId pending lastDay howToEnd } } }';

describe("one list of everyone who can see a citizen's data", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const grantsOf = async (token: string) => {
    const response = await postGraphQL<{ me: { accessGrants: Grant[] | null } }>(stack.gatewayUrl, query, { token });
    return response;
  };

  it("puts thomas's case-bound lawyer, his accountant and his sister's lasting power of attorney side by side", async () => {
    const { body } = await grantsOf(await tokenFor(stack, 'thomas'));
    expect(body.errors).toBeUndefined();
    const grants = body.data!.me.accessGrants!;
    expect(grants).toContainEqual(expect.objectContaining({ kind: 'POWER_OF_ATTORNEY', who: personas.lawyer.name, caseId: THOMAS_TRANSPORT_CASE_ID, pending: false }));
    expect(grants).toContainEqual(expect.objectContaining({ kind: 'POWER_OF_ATTORNEY', who: organisations.accountant.name, areas: ['benefits', 'payments'] }));
    // Not yet put in force by the Family Court: listed, but pending.
    expect(grants).toContainEqual(expect.objectContaining({ kind: 'FUTURE_POWER_OF_ATTORNEY', who: personas.sister.name, pending: true }));
  });

  it('names a parent with custody, until the day before the child turns 18', async () => {
    const { body } = await grantsOf(await tokenFor(stack, 'emil'));
    expect(body.data!.me.accessGrants).toEqual([
      expect.objectContaining({ kind: 'PARENT', who: personas.thomas.name, lastDay: '2032-08-14', howToEnd: 'Den følger forældremyndigheden og ophører, når du fylder 18 år.' }),
    ]);
  });

  it("lists an external service on the citizen's consent, with the areas and the last day", async () => {
    const thomas = await tokenFor(stack, 'thomas');
    const granted = await postGraphQL(stack.gatewayUrl, 'mutation { grantConsent(clientId: "budget-app", areas: ["payments"], days: 30, purpose: "Budget") { id } }', { token: thomas });
    expect(granted.body.errors).toBeUndefined();
    const { body } = await grantsOf(thomas);
    expect(body.data!.me.accessGrants).toContainEqual(expect.objectContaining({ kind: 'CONSENT', areas: ['payments'], pending: false, lastDay: expect.any(String) }));
  });

  it('is for the citizen alone: someone acting for them gets nothing', async () => {
    const lawyer = await mintToken({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
    const { body } = await grantsOf(lawyer);
    expect(body.data?.me?.accessGrants ?? null).toBeNull();
    expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
