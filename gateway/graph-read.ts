import type { ApolloServer } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { Disclosures, type DisclosureReport } from '../lib/disclosures';
import { appError, errorCodes, type Area, type ErrorCode } from '../lib/errors';
import type { GatewayContext } from './context';

/**
 * The gateway's own resolvers reading one of the caller's records through the graph, as the
 * caller, so the subgraphs' one access module decides what they see (a correction's item check,
 * an item's history). The read is audited as what it showed of that one record only, with the
 * purpose it was read for.
 */

/** A report of what a read showed, cut down to the one record the caller named. */
export class ItemDisclosures extends Disclosures {
  constructor(private readonly itemId: string) {
    super();
  }

  override addReport(report: DisclosureReport): void {
    super.addReport({
      shown: report.shown.flatMap((each) => (each.ids.includes(this.itemId) ? [{ ...each, ids: [this.itemId] }] : [])),
      purposes: report.purposes,
    });
  }
}

export interface ItemRead {
  /** The citizen whose record it is (pseudonym). */
  subjectId: string;
  itemId: string;
  /** The audit trail's purpose for the read. */
  purpose: string;
  query: string;
  operationName: string;
  variables?: Record<string, unknown>;
}

/** One read through the graph with the current request's caller; its data and errors as they came. */
export async function readItemAsCaller<T>(
  apollo: ApolloServer<GatewayContext>,
  context: GatewayContext,
  read: ItemRead,
): Promise<{ data: T | null | undefined; errors: readonly GraphQLFormattedError[] }> {
  const disclosures = new ItemDisclosures(read.itemId);
  disclosures.because(read.subjectId, read.purpose);
  const readContext: GatewayContext = { ...context, disclosures, unaccounted: false };
  const result = await apollo.executeOperation<T>({ query: read.query, operationName: read.operationName, variables: read.variables }, { contextValue: readContext });
  const body = result.body.kind === 'single' ? result.body.singleResult : null;
  return { data: body?.data, errors: body?.errors ?? [] };
}

/** The read's first error as the caller's own (a refusal, a failing index, AUDIT_UNAVAILABLE), anything else as internal. */
export function readFailure(errors: readonly GraphQLFormattedError[]): GraphQLError {
  const given = String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const code = (Object.hasOwn(errorCodes, given) ? given : 'INTERNAL_SERVER_ERROR') as ErrorCode;
  const areaOf = errors[0]?.extensions?.area;
  return appError(code, typeof areaOf === 'string' ? { area: areaOf as Area } : {});
}
