import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from '../audit/sql';
import { ownerAreas, type OwnerArea } from './owner.contract';

export const correctionStatuses = ['RECEIVED', 'FORWARDED', 'ANSWERED', 'REJECTED'] as const;
export type CorrectionStatusCode = (typeof correctionStatuses)[number];

/** A correction request as its citizen (or the proxy who made it) sees it. */
export interface StoredCorrection {
  id: string;
  /** Who made it: the citizen's or the proxy holder's pseudonymous actor id. */
  actorId: string;
  area: OwnerArea;
  itemId: string;
  text: string;
  status: CorrectionStatusCode;
  reason: string | null;
  ownerRef: string | null;
  createdAt: string;
  updatedAt: string;
}

interface CorrectionRow {
  id: string;
  actor_id: string;
  idempotency_key: string;
  area: string;
  item_id: string;
  text: string;
  status: string;
  reason: string | null;
  owner_ref: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const columns = 'id, actor_id, idempotency_key, area, item_id, text, status, reason, owner_ref, created_at, updated_at';
const iso = (value: Date | string) => new Date(value).toISOString();
const toCorrection = (row: CorrectionRow): StoredCorrection => ({
  id: row.id,
  actorId: row.actor_id,
  area: (ownerAreas as readonly string[]).includes(row.area) ? (row.area as OwnerArea) : 'cases',
  itemId: row.item_id,
  text: row.text,
  status: (correctionStatuses as readonly string[]).includes(row.status) ? (row.status as CorrectionStatusCode) : 'RECEIVED',
  reason: row.reason,
  ownerRef: row.owner_ref,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

/** The most corrections one citizen's list shows (newest first); older ones stay in the table. */
export const listedCorrections = 100;

/**
 * Correction requests in the audit database (`corrections`, migration 5): one row per request,
 * the citizen by pseudonym only (the CPR is the request's own, when it is forwarded), unique per
 * citizen and client-supplied idempotency key. Never deleted; forwarding and the owner's answer
 * update the status.
 */
export class CorrectionStore {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Records a new request as RECEIVED, or returns the one already recorded under the key
   * (`created` false) whatever it says: the caller compares.
   */
  async create(
    subjectId: string,
    request: { actorId: string; idempotencyKey: string; area: OwnerArea; itemId: string; text: string },
  ): Promise<{ correction: StoredCorrection & { idempotencyKey: string }; created: boolean }> {
    const inserted = await this.db.query<CorrectionRow>(
      `INSERT INTO corrections (id, subject_id, actor_id, idempotency_key, area, item_id, text, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'RECEIVED', now(), now())
       ON CONFLICT (subject_id, idempotency_key) DO NOTHING RETURNING ${columns}`,
      [randomUUID(), subjectId, request.actorId, request.idempotencyKey, request.area, request.itemId, request.text],
    );
    if (inserted.rows[0]) return { correction: { ...toCorrection(inserted.rows[0]), idempotencyKey: request.idempotencyKey }, created: true };
    const existing = await this.byKey(subjectId, request.idempotencyKey);
    if (!existing) throw new Error('correction neither inserted nor found');
    return { correction: existing, created: false };
  }

  async byKey(subjectId: string, idempotencyKey: string): Promise<(StoredCorrection & { idempotencyKey: string }) | null> {
    const { rows } = await this.db.query<CorrectionRow>(`SELECT ${columns} FROM corrections WHERE subject_id = $1 AND idempotency_key = $2`, [
      subjectId,
      idempotencyKey,
    ]);
    return rows[0] ? { ...toCorrection(rows[0]), idempotencyKey: rows[0].idempotency_key } : null;
  }

  /** The citizen's requests, newest first; only one actor's when `actorId` is given. */
  async forSubject(subjectId: string, actorId?: string): Promise<StoredCorrection[]> {
    const { rows } = await this.db.query<CorrectionRow>(
      `SELECT ${columns} FROM corrections WHERE subject_id = $1 AND ($2::text IS NULL OR actor_id = $2)
       ORDER BY created_at DESC, id LIMIT $3`,
      [subjectId, actorId ?? null, listedCorrections],
    );
    return rows.map(toCorrection);
  }

  /** Forwarded to the owner under its case number (only from RECEIVED, so a later answer is never undone). */
  async forwarded(subjectId: string, id: string, ownerRef: string): Promise<StoredCorrection | null> {
    const { rows } = await this.db.query<CorrectionRow>(
      `UPDATE corrections SET status = 'FORWARDED', owner_ref = $3, updated_at = now()
       WHERE id = $1 AND subject_id = $2 AND status = 'RECEIVED' RETURNING ${columns}`,
      [id, subjectId, ownerRef],
    );
    return rows[0] ? toCorrection(rows[0]) : null;
  }

  /** The owner's final answer (only from FORWARDED). */
  async answered(subjectId: string, id: string, status: 'ANSWERED' | 'REJECTED', reason: string | null): Promise<StoredCorrection | null> {
    const { rows } = await this.db.query<CorrectionRow>(
      `UPDATE corrections SET status = $3, reason = $4, updated_at = now()
       WHERE id = $1 AND subject_id = $2 AND status = 'FORWARDED' RETURNING ${columns}`,
      [id, subjectId, status, reason],
    );
    return rows[0] ? toCorrection(rows[0]) : null;
  }
}
