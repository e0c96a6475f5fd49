import { printType } from 'graphql';
import { buildSchema, Field, ObjectType, Query, Resolver } from 'type-graphql';

@ObjectType()
class Inferred {
  // No type function: type-graphql must read the type from emitted decorator metadata.
  @Field()
  label!: string;

  @Field()
  count!: number;
}

@Resolver()
class InferredResolver {
  @Query(() => Inferred)
  inferred(): Inferred {
    return { label: 'x', count: 1 };
  }
}

describe('the TypeScript toolchain', () => {
  it('emits decorator metadata, so type-graphql infers field types', async () => {
    const schema = await buildSchema({ resolvers: [InferredResolver], validate: false });
    const printed = printType(schema.getType('Inferred')!);
    expect(printed).toContain('label: String!');
    expect(printed).toContain('count: Float!');
  });
});
