import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The entity all five subgraphs share; only its pseudonymous id travels between them. */
export interface CitizenEntity {
  id: string;
}

/**
 * Each subgraph declares its own Citizen class and adds one field to it with a field resolver.
 * One class per subgraph matters: type-graphql records field resolvers on the class's metadata
 * for good, so a single shared class would carry every subgraph's fields into every schema.
 */
export function declareCitizen() {
  @Directive('@key(fields: "id")')
  @ObjectType('Citizen', { description: 'A citizen, seen through the data the public sector holds about them.' })
  class Citizen implements CitizenEntity {
    @Field(() => ID, {
      description: 'Opaque, stable pseudonymous id. Never the CPR number and not reversible.',
    })
    id!: string;
  }
  return Citizen;
}

/** A reference to a case owned by the cases subgraph; other subgraphs only hold its id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Case', { description: 'A case in the case index (owned by the cases subgraph).' })
export class CaseReference {
  @Field(() => ID, { description: "The case's id in the case index." })
  id!: string;
}

/** A reference to a benefit owned by the benefits subgraph. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Benefit', { description: 'A benefit in the benefits index (owned by the benefits subgraph).' })
export class BenefitReference {
  @Field(() => ID, { description: "The benefit's id in the benefits index." })
  id!: string;
}
