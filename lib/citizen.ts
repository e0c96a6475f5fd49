import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The entity all five subgraphs share; only its pseudonymous id travels between them. */
export interface CitizenEntity {
  id: string;
}

/**
 * Each subgraph declares its own class for a shared entity and adds fields to it with field
 * resolvers. One class per subgraph matters: type-graphql records field resolvers on the class's
 * metadata for good, so a single shared class would carry every subgraph's fields into every
 * schema.
 */
function declareKeyedEntity(name: string, description: string, idDescription: string) {
  @Directive('@key(fields: "id")')
  @ObjectType(name, { description })
  class Entity implements CitizenEntity {
    @Field(() => ID, { description: idDescription })
    id!: string;
  }
  return Entity;
}

export const declareCitizen = () =>
  declareKeyedEntity(
    'Citizen',
    'A citizen, seen through the data the public sector holds about them.',
    'Opaque, stable pseudonymous id. Never the CPR number and not reversible.',
  );

/** The compact, plain-language summary a chatbot may read on a citizen's delegation. */
export const declareCitizenContext = () =>
  declareKeyedEntity(
    'CitizenContext',
    "A compact, plain-language summary of a citizen's situation for a chatbot: open cases, next appointments, next payment. No ids, no document contents, no CPR.",
    "The citizen's pseudonymous id.",
  );

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
