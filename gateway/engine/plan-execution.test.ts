import type { FetchNode, PlanNode } from '@apollo/query-planner';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { buildSchema, type GraphQLError } from 'graphql';
import { compilePlan, rootCursor, type PlanRun, type Row } from './plan-execution';

const schema = buildSchema(`
  type Query { payments: [Payment!]! }
  type Payment { id: ID! benefit: Benefit }
  type Benefit { id: ID! name: String }
`);

/** The plan's second step for a citizen's payments: each payment's benefit, fetched from the benefits subgraph by its key. */
const benefitsOfPayments: PlanNode = {
  kind: 'Flatten',
  path: ['payments', '@', 'benefit'],
  node: {
    kind: 'Fetch',
    serviceName: 'benefits',
    requires: [{ kind: 'InlineFragment', typeCondition: 'Benefit', selections: [{ kind: 'Field', name: '__typename' }, { kind: 'Field', name: 'id' }] }],
    variableUsages: [],
    operation: 'query($representations:[_Any!]!){_entities(representations:$representations){...on Benefit{name}}}',
    operationKind: 'query',
  } as unknown as FetchNode,
};

const paymentsFor = (...benefitIds: string[]) => ({ payments: benefitIds.map((id, index) => ({ id: `p${index}`, benefit: { __typename: 'Benefit', id } })) });

/** Runs the step over `fetched`, the subgraph answering each representation with `answer`; returns what it was sent and the errors. */
async function run(fetched: Row, answer: (representations: Row[]) => GatewayGraphQLResponse) {
  const sent: Row[][] = [];
  const plan: PlanRun = {
    variables: undefined,
    errors: [],
    send: async (_fetch, variables) => {
      sent.push(variables.representations as Row[]);
      return answer(variables.representations as Row[]);
    },
    sendHeld: () => Promise.reject(new Error('no guessed step in this plan')),
    known: () => undefined,
  };
  await compilePlan(schema, benefitsOfPayments, { known: new Set(), holds: () => true })!(plan, rootCursor(fetched));
  return { sent, errors: plan.errors as GraphQLError[] };
}

describe('a compiled plan fetching entities', () => {
  it('asks for each entity once however many objects point to it, and gives every one of them its answer', async () => {
    const fetched = paymentsFor('b1', 'b2', 'b1', 'b1');
    const { sent } = await run(fetched, (representations) => ({ data: { _entities: representations.map((each) => ({ name: `benefit ${String(each.id)}` })) } }));
    expect(sent).toEqual([[{ __typename: 'Benefit', id: 'b1' }, { __typename: 'Benefit', id: 'b2' }]]);
    expect(fetched.payments.map((payment) => payment.benefit)).toEqual([
      { __typename: 'Benefit', id: 'b1', name: 'benefit b1' },
      { __typename: 'Benefit', id: 'b2', name: 'benefit b2' },
      { __typename: 'Benefit', id: 'b1', name: 'benefit b1' },
      { __typename: 'Benefit', id: 'b1', name: 'benefit b1' },
    ]);
  });

  it("puts a subgraph's error about an entity at the first object it was asked for", async () => {
    const { errors } = await run(paymentsFor('b1', 'b1', 'b2'), (representations) => ({
      data: { _entities: representations.map(() => null) },
      errors: [{ message: 'withheld', path: ['_entities', 1, 'name'], extensions: { code: 'FORBIDDEN' } }],
    }));
    expect(errors.map((error) => error.path)).toEqual([['payments', 2, 'benefit', 'name']]);
  });
});
