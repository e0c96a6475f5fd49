import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, registerEnumType, Resolver, Root, type NonEmptyArray } from 'type-graphql';
import { appError } from '../../lib/errors';
import { DateTime } from '../../lib/scalars';
import { Citizen } from '../audit/access-log';
import type { GatewayContext } from '../context';
import type { ExportRecord, ExportStore } from './export-store';

export enum ExportFormatValue {
  JSON = 'JSON',
  CSV = 'CSV',
}
registerEnumType(ExportFormatValue, {
  name: 'ExportFormat',
  description: 'How an export of the citizen\'s data is written.',
  valuesConfig: {
    JSON: { description: 'One JSON document following the published schema (docs/export.schema.json).' },
    CSV: { description: 'One CSV file per area (cases, benefits, payments, appointments, deadlines, proxies).' },
  },
});

export enum ExportStatusValue {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  READY = 'READY',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ExportStatusValue, {
  name: 'ExportStatus',
  description: 'Where an export stands.',
  valuesConfig: {
    QUEUED: { description: 'Waiting to be produced.' },
    RUNNING: { description: 'Being produced.' },
    READY: { description: 'Ready to download until `expiresAt`.' },
    FAILED: { description: 'Not produced (an area could not be read, or the work was interrupted); request a new one.' },
    EXPIRED: { description: 'Its files are deleted.' },
  },
});

@ObjectType({ description: 'One file of an export, downloaded with the citizen\'s own access token.' })
export class ExportFile {
  @Field(() => String, { nullable: true, description: 'The area it holds (a CSV file); null for the JSON document, which holds them all.' })
  area!: string | null;

  @Field(() => Int, { description: 'How many items it holds.' })
  items!: number;

  @Field(() => String, { description: 'Where to download it (GET with `Authorization: Bearer` and the citizen\'s own token). Holds no CPR number.' })
  url!: string;
}

@ObjectType('Export', {
  description:
    "A machine-readable export of everything the citizen may see, each item with its source system, data owner and retrieval time. Produced in the background; downloadable by the citizen alone for 24 hours.",
})
export class DataExport {
  @Field(() => ID)
  id!: string;

  @Field(() => ExportFormatValue)
  format!: ExportFormatValue;

  @Field(() => ExportStatusValue)
  status!: ExportStatusValue;

  @Field(() => DateTime, { description: 'When it was requested.' })
  createdAt!: string;

  @Field(() => DateTime, { nullable: true, description: 'When its files are deleted; null until it is READY.' })
  expiresAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The JSON document\'s address once READY; null otherwise and for CSV (see `files`).' })
  url!: string | null;

  @Field(() => [ExportFile], { description: 'Its files once READY (one per area for CSV); empty otherwise.' })
  files!: ExportFile[];

  @Field(() => String, { nullable: true, description: 'Why it FAILED, as an error code.' })
  failure!: string | null;
}

/** What the resolvers need from the gateway. */
export interface ExportSource {
  store: Pick<ExportStore, 'list'>;
  /** Queues a new export for the citizen, or refuses (one under way, too many today). */
  request(subjectId: string, subjectCpr: string, format: ExportFormatValue, language: string): Promise<ExportRecord>;
  pseudonym(cpr: string): string;
  /** Where the gateway is reached, e.g. `https://borger-graph.example.dk` (no trailing slash). */
  publicBaseUrl(): string;
}

export const exportPath = (record: Pick<ExportRecord, 'id'>, area: string | null) => (area ? `/exports/${record.id}/${area}.csv` : `/exports/${record.id}.json`);

export function toExport(record: ExportRecord, baseUrl: string): DataExport {
  const ready = record.status === 'READY';
  const files = ready ? record.files.map((file) => ({ area: file.area, items: file.items, url: `${baseUrl}${exportPath(record, file.area)}` })) : [];
  return {
    id: record.id,
    format: record.format as ExportFormatValue,
    status: record.status as ExportStatusValue,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    url: ready && record.format === 'JSON' ? `${baseUrl}${exportPath(record, null)}` : null,
    files,
    failure: record.failure,
  };
}

/** An export is the citizen's own copy of their data: only the citizen, on their own login, requests or lists them. */
function ownCitizen(context: GatewayContext, source: ExportSource): { subjectId: string; subjectCpr: string } {
  const { access } = context;
  if (access.callerKind !== 'citizen' || !access.subjectCpr) throw appError('FORBIDDEN', { detail: 'error.exportOwnLogin' });
  return { subjectId: source.pseudonym(access.subjectCpr), subjectCpr: access.subjectCpr };
}

export function exportResolvers(source: ExportSource) {
  @Resolver(() => Citizen)
  class ExportsResolver {
    @FieldResolver(() => [DataExport], {
      nullable: true,
      description: "The citizen's data exports of the last week, newest first. Only the citizen themself sees them.",
    })
    async exports(@Root() citizen: { id: string }, @Ctx() context: GatewayContext): Promise<DataExport[]> {
      const { subjectId } = ownCitizen(context, source);
      if (citizen.id !== subjectId) throw appError('FORBIDDEN', { detail: 'error.exportOwnLogin' });
      const records = await source.store.list(subjectId);
      context.disclosures.add(
        subjectId,
        'exports',
        records.map((record) => record.id),
      );
      return records.map((record) => toExport(record, source.publicBaseUrl()));
    }
  }

  @Resolver()
  class ExportMutations {
    @Mutation(() => DataExport, {
      description:
        'Requests a machine-readable export of everything you may see (JSON, or CSV per area), each item with its source system, data owner and retrieval time. It is produced in the background: follow `me { exports { status url files } }` until READY, then download it with your own access token within 24 hours. One at a time, a few a day; only the citizen themself, on their own login.',
    })
    async requestExport(
      @Ctx() context: GatewayContext,
      @Info() info: GraphQLResolveInfo,
      @Arg('format', () => ExportFormatValue, { defaultValue: ExportFormatValue.JSON }) format: ExportFormatValue,
    ): Promise<DataExport> {
      if (info.operation.operation !== 'mutation') throw appError('FORBIDDEN', { detail: 'error.changesByMutation' });
      const { subjectId, subjectCpr } = ownCitizen(context, source);
      const record = await source.request(subjectId, subjectCpr, format, context.language);
      context.disclosures.add(subjectId, 'exports', [record.id]);
      return toExport(record, source.publicBaseUrl());
    }
  }

  return [ExportsResolver, ExportMutations] as const;
}

/** Composition needs the exports' schema, never their data. */
export const schemaOnly: ExportSource = {
  store: { list: () => Promise.reject(new Error('schema only')) },
  request: () => Promise.reject(new Error('schema only')),
  pseudonym: () => '',
  publicBaseUrl: () => '',
};

/** The gateway's own subgraph with the exports' resolvers added. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function withExports<T extends { resolvers: readonly Function[] }>(ownSubgraph: T, source: ExportSource) {
  const [exportsResolver, mutations] = exportResolvers(source);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const resolvers: NonEmptyArray<Function> = [exportsResolver, mutations, ...ownSubgraph.resolvers];
  return { ...ownSubgraph, resolvers };
}
