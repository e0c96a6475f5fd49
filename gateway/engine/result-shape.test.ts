import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { compileResultShape, NotShaped } from './result-shape';

const schema = buildSchema(`
  type Query { me: Citizen! items: [Item!] }
  type Citizen { id: ID! name: String cases: [Case!]! status: Status }
  type Case { id: ID! title: String! }
  enum Status { ACTIVE CLOSED }
  interface Item { id: ID! }
  type Payment implements Item { id: ID! amount: Float }
  type Appointment implements Item { id: ID! place: String }
`);

function shape(document: string, fetched: Record<string, unknown>, variables?: Record<string, unknown>) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = new Map(
    parsed.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const { data, errors } = compileResultShape(schema, operation, fragments)(fetched, variables);
  // Plain objects and error texts, as the client would read them.
  return { data: JSON.parse(JSON.stringify(data)), errors: errors.map((error) => ({ message: error.message, path: error.path, code: error.extensions.code })) };
}

describe('the answer shaped from what the plan fetched', () => {
  it('keeps only what the client asked for, under its aliases and in its order', () => {
    // The plan fetches under the client's aliases, and more than it asked for (keys, __typename).
    const fetched = { me: { __typename: 'Citizen', name: 'Thomas', id: 'c1', sager: [{ title: 'Sygedagpenge', id: 'k1' }] } };
    expect(shape('{ me { sager: cases { title } id } }', fetched)).toEqual({ data: { me: { sager: [{ title: 'Sygedagpenge' }], id: 'c1' } }, errors: [] });
    expect(Object.keys(shape('{ me { id sager: cases { title } } }', fetched).data.me)).toEqual(['id', 'sager']);
  });

  it('turns a missing non-null field into a null of its nearest nullable parent, with one error', () => {
    expect(shape('{ items { id } }', { items: [{ __typename: 'Payment', id: 'p1' }, { __typename: 'Payment' }] })).toEqual({
      data: { items: null },
      errors: [{ message: 'Cannot return null for non-nullable field Payment.id.', path: ['items', 1, 'id'], code: 'INVALID_GRAPHQL' }],
    });
  });

  it('bubbles a null through non-null parents up to the root', () => {
    expect(shape('{ me { cases { title } } }', { me: { cases: [{ id: 'k1' }] } }).data).toBeNull();
  });

  it('refuses a value that is not of its type: null with an error', () => {
    expect(shape('{ me { status } }', { me: { status: 'LOST' } })).toEqual({
      data: { me: { status: null } },
      errors: [{ message: 'Invalid value found for field Citizen.status.', path: ['me', 'status'], code: 'INVALID_GRAPHQL' }],
    });
  });

  it('refuses an object whose __typename the schema does not know, without naming it', () => {
    const { data, errors } = shape('{ items { id } }', { items: [{ __typename: 'SecretThing', id: 'x' }] });
    // The element is non-null, so the (nullable) list is null.
    expect(data).toEqual({ items: null });
    expect(errors).toEqual([{ message: 'Invalid __typename found for object at array element of type Item at index 0.', path: ['items', 0], code: 'INVALID_GRAPHQL' }]);
  });

  it('applies fragments by the runtime type, named or inline, and answers __typename', () => {
    const fetched = { items: [{ __typename: 'Payment', id: 'p1', amount: 12.5 }, { __typename: 'Appointment', id: 'a1', place: 'Aarhus' }] };
    const document = '{ items { __typename ... on Payment { amount } ...where } } fragment where on Appointment { place }';
    expect(shape(document, fetched).data).toEqual({ items: [{ __typename: 'Payment', amount: 12.5 }, { __typename: 'Appointment', place: 'Aarhus' }] });
  });

  it('leaves out what @skip and @include rule out for the request, defaults included', () => {
    const fetched = { me: { id: 'c1', name: 'Thomas' } };
    const document = 'query ($full: Boolean = false) { me { id name @include(if: $full) } }';
    expect(shape(document, fetched).data).toEqual({ me: { id: 'c1' } });
    expect(shape(document, fetched, { full: true }).data).toEqual({ me: { id: 'c1', name: 'Thomas' } });
    expect(shape('{ me { id @skip(if: true) name } }', fetched).data).toEqual({ me: { name: 'Thomas' } });
  });

  it('answers a field aliased __proto__ as a field of that name, never as a prototype', () => {
    // As the plan fetches it: under the alias, an own property of parsed JSON.
    const fetched = JSON.parse('{"__proto__":{"id":"c1"}}') as Record<string, unknown>;
    const { data } = compileResultShape(schema, parse('{ __proto__: me { id } }').definitions[0] as OperationDefinitionNode, new Map())(fetched, undefined);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(JSON.stringify(data)).toBe('{"__proto__":{"id":"c1"}}');
  });

  it('does not shape introspection: Apollo answers it', () => {
    expect(() => shape('{ __schema { queryType { name } } }', {})).toThrow(NotShaped);
  });
});
