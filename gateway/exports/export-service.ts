import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { GraphQLError } from 'graphql';
import { appError } from '../../lib/errors';
import type { Route } from '../../lib/http-server';
import type { Logger } from '../../lib/logger';
import { newRequestId } from '../../lib/internal-context';
import type { Access } from '../auth/access-policy';
import type { TokenVerifier } from '../auth/token-verifier';
import { sendError, sendRefusal } from '../calendar/feed';
import { exportAreas } from './areas';
import { exportIdPattern, ExportStore, type ExportRecord } from './export-store';
import type { ExportFormatValue, ExportSource } from './exports';
import { ExportFailure, produceExport, type ProducerOptions } from './producer';

/** Exports produced at once by one gateway process; more wait in its queue. */
const exportsAtOnce = 1;
const sweepEveryMs = 5 * 60_000;

export interface ExportServiceOptions extends Omit<ProducerOptions, 'store' | 'now'> {
  dir: string;
  ttlHours: number;
  perDay: number;
  pseudonym(cpr: string): string;
  publicBaseUrl(): string;
  /** Checks the bearer token, as /graphql does (gateway/auth/token-verifier.ts). */
  verify: TokenVerifier;
  /** The access a verified caller has, as /graphql decides it. */
  decide(caller: Awaited<ReturnType<TokenVerifier>>, request: { deadline: number; requestId: string; namedCitizen: string | null }): Promise<Access>;
  limitAddress(request: IncomingMessage): Promise<void>;
  logger: Logger;
  now?: () => Date;
}

/**
 * Citizens' data exports: requested by `requestExport`, produced in the background by an
 * in-process queue (a restart loses what was queued or under way: the description then shows it
 * FAILED with `INTERRUPTED` and the citizen may ask again), served by `GET /exports/<id>.json` or
 * `GET /exports/<id>/<area>.csv` to the citizen's own token, deleted after `EXPORT_TTL_HOURS`.
 */
export async function startExports(options: ExportServiceOptions) {
  const now = options.now ?? (() => new Date());
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const store = new ExportStore(options.dir, now);
  const producer: ProducerOptions = { ...options, store, now };
  const waiting: { record: ExportRecord; subjectCpr: string }[] = [];
  let running = 0;
  const idle: (() => void)[] = [];

  const run = async (job: { record: ExportRecord; subjectCpr: string }) => {
    let record: ExportRecord = { ...job.record, status: 'RUNNING', updatedAt: now().toISOString() };
    await store.save(record);
    try {
      // Every page moves the description on, so a cut-off export is told from a slow one.
      const touch = async () => {
        record = { ...record, updatedAt: now().toISOString() };
        await store.save(record);
      };
      const files = await produceExport(producer, record, job.subjectCpr, touch);
      const finished = now();
      record = {
        ...record,
        status: 'READY',
        files,
        updatedAt: finished.toISOString(),
        finishedAt: finished.toISOString(),
        expiresAt: new Date(finished.getTime() + options.ttlHours * 3_600_000).toISOString(),
      };
    } catch (error) {
      const code = error instanceof ExportFailure ? error.code : 'INTERNAL_SERVER_ERROR';
      // Codes only: never the citizen or the data.
      options.logger.warn({ exportId: record.id, code, err: { type: (error as Error)?.name } }, 'data export failed');
      record = { ...record, status: 'FAILED', failure: code, updatedAt: now().toISOString(), finishedAt: now().toISOString() };
    }
    await store.save(record);
  };

  const next = () => {
    while (running < exportsAtOnce && waiting.length > 0) {
      const job = waiting.shift()!;
      running += 1;
      void run(job)
        .catch((error: unknown) => options.logger.error({ err: { type: (error as Error)?.name } }, 'data export not recorded'))
        .finally(() => {
          running -= 1;
          next();
          if (running === 0 && waiting.length === 0) idle.splice(0).forEach((resolve) => resolve());
        });
    }
  };

  const source: ExportSource = {
    store,
    pseudonym: options.pseudonym,
    publicBaseUrl: options.publicBaseUrl,
    async request(subjectId: string, subjectCpr: string, format: ExportFormatValue, language: string) {
      const mine = await store.list(subjectId);
      if (mine.some((record) => record.status === 'QUEUED' || record.status === 'RUNNING')) throw appError('RATE_LIMITED', { detail: 'error.exportRunning' });
      const dayAgo = now().getTime() - 24 * 3_600_000;
      if (mine.filter((record) => Date.parse(record.createdAt) > dayAgo).length >= options.perDay) {
        throw appError('RATE_LIMITED', { detail: 'error.exportLimit', params: { limit: options.perDay } });
      }
      const record = await store.create(subjectId, format, language);
      waiting.push({ record, subjectCpr });
      next();
      return record;
    },
  };

  const sweep = () =>
    store.sweep().catch((error: unknown) => options.logger.warn({ err: { type: (error as Error)?.name } }, 'export sweep failed'));
  await sweep();
  const timer = setInterval(sweep, Math.min(sweepEveryMs, Math.max(1_000, options.ttlHours * 3_600_000)));
  timer.unref();

  const pathPattern = /^\/exports\/([0-9a-f-]{36})(?:\.json|\/([a-z]+)\.csv)$/;
  const notFound = (response: ServerResponse) => sendError(response, 404, 'NOT_FOUND');
  const serve = async (pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> => {
    await options.limitAddress(request);
    // The same token check and access decision as /graphql; a refusal is a 401 with its reason.
    const requestId = newRequestId();
    const access = await options.decide(await options.verify(request.headers.authorization), {
      deadline: Date.now() + options.deadlineMs,
      requestId,
      namedCitizen: null,
    });
    const match = pathPattern.exec(pathname);
    // Only the citizen's own login, and only their own export: anyone else's id is not found, as an unknown one is.
    if (!match || !exportIdPattern.test(match[1]) || access.callerKind !== 'citizen' || !access.subjectCpr) return notFound(response);
    const area = match[2] ?? null;
    const record = await store.get(options.pseudonym(access.subjectCpr), match[1]);
    const file = record?.status === 'READY' ? record.files.find((each) => each.area === area) : undefined;
    if (!record || !file || (area !== null && !exportAreas.some((each) => each.name === area))) return notFound(response);
    const path = store.pathOf(record, file.name);
    const size = (await stat(path).catch(() => null))?.size;
    if (size === undefined) return notFound(response);
    response.writeHead(200, {
      'content-type': area ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-length': String(size),
      'content-disposition': `attachment; filename="${area ? `export-${area}.csv` : 'export.json'}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'x-request-id': requestId,
    });
    // Streamed from disk: a large export is never read into memory.
    await pipeline(createReadStream(path), response);
  };

  const route = (pathname: string): Route | null =>
    pathname.startsWith('/exports/')
      ? (request, response) =>
          serve(pathname, request, response).catch((error: unknown) => {
            if (error instanceof GraphQLError && typeof error.extensions.code === 'string') return sendRefusal(response, error);
            throw error;
          })
      : null;

  return {
    source,
    route,
    store,
    /** Resolves once nothing is queued or under way (tests, shutdown). */
    idle: () => (running === 0 && waiting.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
    close() {
      clearInterval(timer);
    },
  };
}

/** The first of several routes that serves a path. */
export function eitherRoute(...routes: ((pathname: string) => Route | null)[]): (pathname: string) => Route | null {
  return (pathname) => routes.reduce<Route | null>((found, route) => found ?? route(pathname), null);
}
