import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, printSchema } from 'graphql';
import { accessLogSubgraph, type AccessLogSource } from '../gateway/audit/access-log';
import { schemaOnly as calendarSchemaOnly, withCalendarLinks } from '../gateway/calendar/calendar-links';
import { schemaOnly as accessGrantsSchemaOnly, withAccessGrants } from '../gateway/access-grants';
import { schemaOnly as consentSchemaOnly, withConsents } from '../gateway/consent/consents';
import { schemaOnly as correctionSchemaOnly, withCorrections } from '../gateway/corrections/corrections';
import { schemaOnly as exportSchemaOnly, withExports } from '../gateway/exports/exports';
import { schemaOnly as itemHistorySchemaOnly, withItemHistory } from '../gateway/item-history';
import { defaultPorts, type SubgraphName } from '../lib/config';
import { buildFederatedSchema } from '../lib/federated-schema';
import { subgraphs } from '../subgraphs/registry';

export interface Composition {
  supergraphSdl: string;
  /** The public face of the supergraph: what clients can select, without the federation machinery. */
  apiSdl: string;
  /** Each subgraph's SDL, keyed by subgraph name. */
  subgraphSdls: Record<string, string>;
}

/** Composes the supergraph from the subgraphs' code, the same way every time. */
export async function composeSupergraph(): Promise<Composition> {
  const subgraphSdls: Record<string, string> = {};
  for (const definition of subgraphs) {
    subgraphSdls[definition.name] = printSubgraphSchema(await buildFederatedSchema(definition));
  }
  // The gateway's own subgraph: the access log, the calendar links, the consents for external services, the correction requests, the exports, an item's history and the access grants.
  subgraphSdls.audit = printSubgraphSchema(
    await buildFederatedSchema(
      withAccessGrants(
        withItemHistory(
          withExports(
            withCorrections(withConsents(withCalendarLinks(accessLogSubgraph(schemaOnly), calendarSchemaOnly), consentSchemaOnly), correctionSchemaOnly),
            exportSchemaOnly,
          ),
          itemHistorySchemaOnly,
        ),
        accessGrantsSchemaOnly,
      ),
    ),
  );
  const result = composeServices(
    Object.keys(subgraphSdls).map((name) => ({
      name,
      // Documentation only: the gateway takes subgraph URLs from its configuration.
      url: name in defaultPorts ? `http://127.0.0.1:${defaultPorts[name as SubgraphName]}/graphql` : `local:${name}`,
      typeDefs: parse(subgraphSdls[name]),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, apiSdl: apiSchemaSdl(result.supergraphSdl), subgraphSdls };
}

/** Composition needs the access log's schema, never its data. */
const schemaOnly: AccessLogSource = {
  forSubject: () => Promise.reject(new Error('schema only')),
  proxyHolders: () => Promise.reject(new Error('schema only')),
  pseudonym: () => '',
};

export const supergraphPath = 'schema/supergraph.graphql';
/** The published API schema (committed; `npm run schema:check` compares it with the last release). */
export { apiSchemaPath } from './schema-check';

/** The supergraph's API schema, as clients see it: no join__ or link directives, descriptions and deprecations kept. */
export function apiSchemaSdl(supergraphSdl: string): string {
  return `${printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema())}\n`;
}
/** The access log is the gateway's own subgraph; its SDL lives beside it. */
export const subgraphSdlPath = (name: string): string =>
  name === 'audit' ? 'gateway/audit/schema.graphql' : `subgraphs/${name}/schema.graphql`;
