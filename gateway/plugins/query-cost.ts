import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { defaultListSize } from '../../lib/list';

/** Lists without a `first` argument (a case's documents) are counted as this long. */
const unboundedListGuess = 10;

/**
 * The list size each variable gives, by name: its value in the request, else the operation's
 * default, as a number (NaN for anything else). A cost depends on the variables through these
 * sizes alone, so a cost kept under the sizes it read holds for any request that gives the same.
 */
export function variableSizes(operation: OperationDefinitionNode, variables: Record<string, unknown>): (variable: string) => number {
  const defaults = Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((definition) => definition.defaultValue)
      .map((definition) => [definition.variable.name.value, valueFromASTUntyped(definition.defaultValue!)]),
  );
  return (variable) => Number(variables[variable] ?? defaults[variable]);
}

/**
 * How many objects an operation can make the subgraphs build: every field with a selection costs
 * one per object it may return, and a list multiplies everything under it by its `first` (from
 * the literal, the variable's size from `sizeOf`, or the schema's default size). Fragments and
 * inline fragments are counted where they are spread, as if written out there.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  sizeOf: (variable: string) => number,
): number {
  const listSize = (value: ValueNode | undefined, takesFirst: boolean): number => {
    const given =
      value?.kind === Kind.INT
        ? Number(value.value)
        : value?.kind === Kind.VARIABLE
          ? sizeOf(value.name.value)
          : NaN;
    return Number.isFinite(given) ? given : takesFirst ? defaultListSize : unboundedListGuess;
  };
  // Cost is linear in how many times a selection runs, so a fragment is measured once, at one.
  const fragmentCosts = new Map<string, number>();
  const cost = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const type = getNamedType(field.type);
        const multiplier = isListType(getNullableType(field.type))
          ? listSize(
              selection.arguments?.find((argument) => argument.name.value === 'first')?.value,
              field.args.some((argument) => argument.name === 'first'),
            )
          : 1;
        total += multiplier * (1 + (isCompositeType(type) ? cost(selection.selectionSet, type) : 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += isCompositeType(type) ? cost(selection.selectionSet, type) : 0;
      } else {
        const name = selection.name.value;
        if (!fragmentCosts.has(name)) {
          const fragment = fragments[name];
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          fragmentCosts.set(name, fragment && isCompositeType(type) ? cost(fragment.selectionSet, type) : 0);
        }
        total += fragmentCosts.get(name)!;
      }
    }
    return total;
  };
  const root = schema.getRootType(operation.operation);
  return root ? cost(operation.selectionSet, root) : 0;
}
