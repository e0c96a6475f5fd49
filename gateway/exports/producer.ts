import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { ApolloServer } from '@apollo/server';
import { Disclosures } from '../../lib/disclosures';
import type { Language } from '../../lib/i18n/language';
import { newRequestId, type ContextKeys } from '../../lib/internal-context';
import type { Access } from '../auth/access-policy';
import type { AuditEvent } from '../audit/chain';
import { callerContext, type GatewayContext } from '../context';
import { exportAreas, pageQuery, pageSize, valuesAt, withProvenance, type ExportArea, type Freshness } from './areas';
import type { ExportRecord, ExportStore } from './export-store';

/** The audit trail's purpose for an export's read: which door the citizen's data left by. */
export const exportPurpose = 'data-export';
/** The operation name every page is read under, and the one audit event is recorded under. */
export const exportOperation = 'DataExport';
/** The published schema the JSON export follows (docs/export.schema.json). */
export const exportSchemaId = 'https://borger-graph.example.dk/schemas/export.schema.json';

export class ExportFailure extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'ExportFailure';
  }
}

export interface ProducerOptions {
  store: ExportStore;
  /** The gateway's Apollo Server (made after the schema the exports' resolvers are part of). */
  apollo(): ApolloServer<GatewayContext>;
  /** The access the citizen's own login has (gateway/auth/access-policy.ts). */
  accessFor(subjectCpr: string, request: { deadline: number; requestId: string }): Promise<Access>;
  /** Writes one audit event (the export's one disclosure). */
  record(event: AuditEvent): Promise<void>;
  internalContextKeys: ContextKeys;
  deadlineMs: number;
  now(): Date;
}

interface PageData {
  me: Record<string, unknown> & { id: string };
}

/** Waits when the stream's buffer is full, so a large export never piles up in memory. */
function write(stream: WriteStream, chunk: string): Promise<void> | void {
  if (stream.write(chunk)) return;
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    stream.once('error', failed);
    stream.once('drain', () => {
      stream.off('error', failed);
      resolve();
    });
  });
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/** A CSV cell (RFC 4180), with a leading formula character defused so a spreadsheet never runs it. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const provenanceColumns = ['sourceSystem', 'sourceSystemName', 'dataOwnerCode', 'dataOwnerName', 'retrievedAt', 'stale'];

/**
 * Produces one export: every area read through the graph as the citizen, page by page (500 at a
 * time, after the last id), each page written to the file as it arrives, so the gateway holds one
 * page at a time whatever the citizen's number of records. The pages' disclosures are gathered
 * (ids only) and recorded as one audit event for the export once every area is written; without
 * that record the export fails and its files are deleted (no record, no data).
 */
export async function produceExport(options: ProducerOptions, record: ExportRecord, subjectCpr: string, touch: () => Promise<void>): Promise<ExportRecord['files']> {
  const { store } = options;
  const requestId = newRequestId();
  const language = record.language as Language;
  const access = await options.accessFor(subjectCpr, { deadline: Date.now() + options.deadlineMs, requestId });
  if (access.callerKind !== 'citizen' || !access.subjectCpr) throw new ExportFailure('FORBIDDEN');
  const disclosures = new Disclosures();
  disclosures.because(record.subjectId, exportPurpose);

  const readPage = async (area: ExportArea, after: string | null) => {
    const context: GatewayContext = {
      ...callerContext({ requestId: newRequestId(), deadline: Date.now() + options.deadlineMs, language, access, disclosures }, options.internalContextKeys, true),
      backgroundRead: true,
    };
    const result = await options.apollo().executeOperation<PageData>({ query: pageQuery(area), operationName: exportOperation, variables: { after } }, { contextValue: context });
    const body = result.body.kind === 'single' ? result.body.singleResult : null;
    const me = body?.data?.me;
    const items = me?.[area.name] as Record<string, unknown>[] | null | undefined;
    const freshness = me?.[`${area.area}Freshness`] as Freshness | null | undefined;
    if (context.unaccounted) throw new ExportFailure('AUDIT_UNAVAILABLE');
    // An export says it holds everything the citizen may see: an area that cannot be read fails it.
    if (!me || !items || !freshness || (body?.errors?.length ?? 0) > 0) {
      throw new ExportFailure(String(body?.errors?.[0]?.extensions?.code ?? 'UPSTREAM_UNAVAILABLE'));
    }
    if (me.id !== record.subjectId) throw new ExportFailure('FORBIDDEN');
    return { items, freshness, withheld: (me[`${area.area}Withheld`] as unknown[] | undefined) ?? null };
  };

  /** Every page of one area, in order; `each` writes a page before the next is read. */
  const readArea = async (area: ExportArea, each: (items: ReturnType<typeof withProvenance>[]) => Promise<void>) => {
    let after: string | null = null;
    let count = 0;
    let first: Awaited<ReturnType<typeof readPage>> | null = null;
    for (;;) {
      const page = await readPage(area, after);
      first ??= page;
      await each(page.items.map((item) => withProvenance(area, item, page.freshness)));
      count += page.items.length;
      await touch();
      if (page.items.length < pageSize) break;
      after = String(page.items[page.items.length - 1].id);
    }
    return { count, freshness: first!.freshness, withheld: first!.withheld };
  };

  const written: string[] = [];
  const files: ExportRecord['files'] = [];
  try {
    if (record.format === 'JSON') {
      const name = `${record.id}.json`;
      const partial = `${name}.partial`;
      written.push(partial);
      const stream = createWriteStream(store.pathOf(record, partial), { mode: 0o600 });
      const header = {
        $schema: exportSchemaId,
        exportId: record.id,
        citizenId: record.subjectId,
        language,
        requestedAt: record.createdAt,
      };
      await write(stream, `${JSON.stringify(header).slice(0, -1)},"areas":[`);
      let total = 0;
      for (const [position, area] of exportAreas.entries()) {
        await write(stream, `${position > 0 ? ',' : ''}{"area":${JSON.stringify(area.name)},"items":[`);
        let firstItem = true;
        const summary = await readArea(area, async (items) => {
          for (const item of items) {
            await write(stream, `${firstItem ? '' : ','}\n${JSON.stringify(item)}`);
            firstItem = false;
          }
        });
        total += summary.count;
        const trailer = {
          itemCount: summary.count,
          sourceSystem: area.source,
          retrievedAt: summary.freshness.asOf,
          stale: summary.freshness.stale,
          sources: summary.freshness.sources,
          withheld: summary.withheld,
        };
        await write(stream, `\n],${JSON.stringify(trailer).slice(1)}`);
      }
      await write(stream, `],"itemCount":${total},"producedAt":${JSON.stringify(options.now().toISOString())}}\n`);
      await close(stream);
      files.push({ name, area: null, items: total });
    } else {
      for (const area of exportAreas) {
        const name = `${record.id}-${area.name}.csv`;
        const partial = `${name}.partial`;
        written.push(partial);
        const stream = createWriteStream(store.pathOf(record, partial), { mode: 0o600 });
        await write(stream, `${[...provenanceColumns, ...area.fields].map(csvCell).join(',')}\r\n`);
        const summary = await readArea(area, async (items) => {
          for (const item of items) {
            const provenance = [item.sourceSystem, item.sourceSystemName, item.dataOwner.code, item.dataOwner.name, item.retrievedAt, item.stale];
            const fields = area.fields.map((path) => valuesAt(item.record, path).map(String).join('; '));
            await write(stream, `${[...provenance, ...fields].map(csvCell).join(',')}\r\n`);
          }
        });
        await close(stream);
        files.push({ name, area: area.name, items: summary.count });
      }
    }

    // The one record of the export, before anyone can fetch it: the areas it holds and every item's id.
    const at = options.now().toISOString();
    const exported = [...new Set(exportAreas.map((area) => area.area))];
    for (const shown of disclosures.perCitizen()) {
      const own = shown.citizen === record.subjectId;
      await options.record({
        at,
        requestId,
        callerKind: access.callerKind,
        actorId: access.actorId,
        subjectId: shown.citizen,
        operation: exportOperation,
        areas: own ? [...new Set([...exported, ...shown.areas])].sort() : shown.areas,
        entityIds: shown.entityIds,
        refusedAreas: [],
        outcome: 'disclosed',
        purpose: exportPurpose,
      }).catch(() => {
        throw new ExportFailure('AUDIT_UNAVAILABLE');
      });
    }
    if (!disclosures.perCitizen().some((shown) => shown.citizen === record.subjectId)) {
      await options
        .record({ at, requestId, callerKind: access.callerKind, actorId: access.actorId, subjectId: record.subjectId, operation: exportOperation, areas: exported.sort(), entityIds: [], refusedAreas: [], outcome: 'disclosed', purpose: exportPurpose })
        .catch(() => {
          throw new ExportFailure('AUDIT_UNAVAILABLE');
        });
    }
    for (const file of files) await rename(store.pathOf(record, `${file.name}.partial`), store.pathOf(record, file.name));
    return files;
  } catch (error) {
    await Promise.all(written.map((name) => rm(store.pathOf(record, name), { force: true })));
    throw error;
  }
}
