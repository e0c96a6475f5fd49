import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ExportFormat = 'JSON' | 'CSV';
export type ExportStatus = 'QUEUED' | 'RUNNING' | 'READY' | 'FAILED' | 'EXPIRED';

/** One export's description, kept as `<id>.meta.json` beside its files. */
export interface ExportRecord {
  id: string;
  /** The citizen's pseudonymous id: the export's directory. Never the CPR number. */
  subjectId: string;
  format: ExportFormat;
  status: ExportStatus;
  /** The language its texts are in (the request's). */
  language: string;
  createdAt: string;
  /** Last change of state or progress: a QUEUED or RUNNING export not touched for `staleMs` was interrupted. */
  updatedAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  /** The files written, by name (`<id>.json`, or `<id>-<area>.csv`), with their areas and item counts. */
  files: { name: string; area: string | null; items: number }[];
  /** Why it failed: an error code (`UPSTREAM_UNAVAILABLE`, `AUDIT_UNAVAILABLE`, `INTERRUPTED`, ...). */
  failure: string | null;
}

export const exportIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const subjectPattern = /^cit_[A-Za-z0-9_-]{1,64}$/;
const metaSuffix = '.meta.json';

/** A QUEUED or RUNNING export whose description has not moved for this long was cut off (a restart): it counts as FAILED. */
export const staleMs = 10 * 60_000;
/** How long an ended export's description is kept, so the citizen sees it EXPIRED or FAILED for a while. */
const keepDescriptionMs = 7 * 24 * 3_600_000;

export const defaultExportDir = () => join(tmpdir(), 'borger-graph-exports');

/**
 * Exports on disk, one directory per citizen (their pseudonymous id): the files and a small JSON
 * description of each. Nothing is held in memory, so any replica sharing the directory serves
 * them, and a restart forgets nothing but the work under way (an in-process queue: see
 * exports.ts), which the description then shows as FAILED (`INTERRUPTED`).
 */
export class ExportStore {
  constructor(
    readonly root: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private dirOf(subjectId: string): string {
    if (!subjectPattern.test(subjectId)) throw new Error('not a citizen id');
    return join(this.root, subjectId);
  }

  /** Where one of the export's files is (or is being) written. */
  pathOf(record: Pick<ExportRecord, 'subjectId'>, name: string): string {
    return join(this.dirOf(record.subjectId), name);
  }

  async create(subjectId: string, format: ExportFormat, language: string): Promise<ExportRecord> {
    await mkdir(this.dirOf(subjectId), { recursive: true, mode: 0o700 });
    const at = this.now().toISOString();
    const record: ExportRecord = {
      id: randomUUID(),
      subjectId,
      format,
      status: 'QUEUED',
      language,
      createdAt: at,
      updatedAt: at,
      finishedAt: null,
      expiresAt: null,
      files: [],
      failure: null,
    };
    await this.save(record);
    return record;
  }

  /** Written whole and renamed into place, so a reader never sees half a description. */
  async save(record: ExportRecord): Promise<void> {
    const path = this.pathOf(record, `${record.id}${metaSuffix}`);
    const partial = `${path}.${process.pid}.tmp`;
    await writeFile(partial, JSON.stringify(record), { mode: 0o600 });
    await rename(partial, path);
  }

  /** As it stands now: an interrupted one as FAILED, a READY one past its time as EXPIRED. */
  private current(record: ExportRecord): ExportRecord {
    const now = this.now().getTime();
    if ((record.status === 'QUEUED' || record.status === 'RUNNING') && now - Date.parse(record.updatedAt) > staleMs) {
      return { ...record, status: 'FAILED', failure: 'INTERRUPTED' };
    }
    if (record.status === 'READY' && record.expiresAt && now >= Date.parse(record.expiresAt)) return { ...record, status: 'EXPIRED' };
    return record;
  }

  async get(subjectId: string, id: string): Promise<ExportRecord | null> {
    if (!exportIdPattern.test(id) || !subjectPattern.test(subjectId)) return null;
    try {
      return this.current(JSON.parse(await readFile(this.pathOf({ subjectId }, `${id}${metaSuffix}`), 'utf8')) as ExportRecord);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** The citizen's exports, newest first. */
  async list(subjectId: string): Promise<ExportRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.dirOf(subjectId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const ids = names.filter((name) => name.endsWith(metaSuffix)).map((name) => name.slice(0, -metaSuffix.length));
    const records = await Promise.all(ids.map((id) => this.get(subjectId, id)));
    return records.filter((record): record is ExportRecord => record !== null).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async removeFiles(record: ExportRecord, names: string[]): Promise<void> {
    await Promise.all(names.map((name) => rm(this.pathOf(record, name), { force: true })));
  }

  /**
   * Deletes the files of expired and failed exports (and what an interrupted one left half
   * written), marks them so, and forgets descriptions after a week. Run every few minutes.
   */
  async sweep(): Promise<{ expired: number; removed: number }> {
    let expired = 0;
    let removed = 0;
    let subjects: string[];
    try {
      subjects = (await readdir(this.root)).filter((name) => subjectPattern.test(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { expired, removed };
      throw error;
    }
    const now = this.now().getTime();
    for (const subjectId of subjects) {
      const names = await readdir(this.dirOf(subjectId)).catch(() => [] as string[]);
      for (const record of await this.list(subjectId)) {
        const own = names.filter((name) => name.startsWith(record.id) && !name.endsWith(metaSuffix));
        if (record.status === 'EXPIRED' || record.status === 'FAILED') {
          if (own.length > 0) {
            await this.removeFiles(record, own);
            if (record.status === 'EXPIRED') expired += 1;
          }
          if (now - Date.parse(record.createdAt) > keepDescriptionMs) {
            await rm(this.pathOf(record, `${record.id}${metaSuffix}`), { force: true });
            removed += 1;
          } else {
            await this.saveIfChanged(record);
          }
        }
      }
    }
    return { expired, removed };
  }

  /** Writes the status worked out by `current` (EXPIRED, FAILED) into the description once. */
  private async saveIfChanged(record: ExportRecord): Promise<void> {
    const stored = JSON.parse(await readFile(this.pathOf(record, `${record.id}${metaSuffix}`), 'utf8')) as ExportRecord;
    if (stored.status !== record.status) await this.save({ ...record, files: [] });
  }
}
