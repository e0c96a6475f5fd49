import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNullableType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { appError, type ErrorCode } from '../../lib/errors';
import { defaultListSize } from '../../lib/list';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

/** Lists without a `first` argument (a case's documents) are counted as this long. */
const unboundedListGuess = 10;

export interface QueryShape {
  depth: number;
  aliases: number;
  /** Objects the query can make the subgraphs build: each list multiplies what is under it. */
  cost: number;
}

/** Measures an operation against the schema before any subgraph is asked. */
export function measure(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}): QueryShape {
  const typeInfo = new TypeInfo(schema);
  const multipliers: number[] = [1];
  let depth = 0;
  let current = 0;
  let aliases = 0;
  let cost = 0;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: {
        enter(node) {
          if (node.alias) aliases += 1;
          const type = typeInfo.getType();
          const scale = multipliers[multipliers.length - 1];
          let multiplier = 1;
          if (type && isListType(getNullableType(type))) {
            const first = node.arguments?.find((argument) => argument.name.value === 'first')?.value;
            const takesFirst = typeInfo.getFieldDef()?.args.some((argument) => argument.name === 'first');
            const given =
              first?.kind === Kind.INT ? Number(first.value) : first?.kind === Kind.VARIABLE ? Number(variables[first.name.value]) : NaN;
            multiplier = Number.isFinite(given) ? given : takesFirst ? defaultListSize : unboundedListGuess;
          }
          if (node.selectionSet) {
            cost += scale * multiplier;
            current += 1;
            depth = Math.max(depth, current);
          }
          multipliers.push(scale * multiplier);
        },
        leave(node) {
          multipliers.pop();
          if (node.selectionSet) current -= 1;
        },
      },
    }),
  );
  return { depth, aliases, cost };
}

function refuse(code: ErrorCode, message: string): never {
  throw appError(code, { message });
}

/** Refuses, with its own code, an operation too deep, too aliased or too costly to run. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request }) {
          const shape = measure(schema, document, request.variables ?? {});
          if (shape.depth > limits.maxDepth) refuse('QUERY_TOO_DEEP', `The query is ${shape.depth} levels deep; at most ${limits.maxDepth} are allowed.`);
          if (shape.aliases > limits.maxAliases) refuse('TOO_MANY_ALIASES', `The query uses ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed.`);
          if (shape.cost > limits.maxCost) refuse('QUERY_TOO_COSTLY', `The query could build ${shape.cost} objects; at most ${limits.maxCost} are allowed. Ask for fewer items.`);
        },
      };
    },
  };
}
