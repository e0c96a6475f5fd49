import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { defaultPorts } from '../lib/config';
import { buildFederatedSchema } from '../lib/subgraph';
import { subgraphs } from '../subgraphs/registry';

export interface Composition {
  supergraphSdl: string;
  /** Each subgraph's SDL, keyed by subgraph name. */
  subgraphSdls: Record<string, string>;
}

/** Composes the supergraph from the subgraphs' code, the same way every time. */
export async function composeSupergraph(): Promise<Composition> {
  const subgraphSdls: Record<string, string> = {};
  for (const definition of subgraphs) {
    subgraphSdls[definition.name] = printSubgraphSchema(await buildFederatedSchema(definition));
  }
  const result = composeServices(
    subgraphs.map(({ name }) => ({
      name,
      // Documentation only: the gateway takes subgraph URLs from its configuration.
      url: `http://127.0.0.1:${defaultPorts[name]}/graphql`,
      typeDefs: parse(subgraphSdls[name]),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, subgraphSdls };
}

export const supergraphPath = 'schema/supergraph.graphql';
export const subgraphSdlPath = (name: string): string => `subgraphs/${name}/schema.graphql`;
