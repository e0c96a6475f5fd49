import { chainHash, chainLock, genesisHash, type AuditEvent } from './chain';
import { checkpointSigned, type Checkpoint } from './checkpoints';
import type { Sql, SqlDatabase } from './sql';

interface EventRow {
  seq: string;
  at: Date;
  request_id: string;
  caller_kind: string;
  actor_id: string;
  subject_id: string | null;
  operation: string | null;
  areas: string[];
  entity_ids: string[];
  refused_areas: string[];
  outcome: AuditEvent['outcome'];
  purpose: string | null;
  prev_hash: string;
  hash: string;
}

export interface StoredEvent extends AuditEvent {
  seq: number;
}

export type Verification = { ok: true; checked: number } | { ok: false; checked: number; firstBrokenSeq: number; reason: string };

const toEvent = (row: EventRow): StoredEvent => ({
  seq: Number(row.seq),
  at: new Date(row.at).toISOString(),
  requestId: row.request_id,
  callerKind: row.caller_kind,
  actorId: row.actor_id,
  subjectId: row.subject_id,
  operation: row.operation,
  areas: row.areas,
  entityIds: row.entity_ids,
  refusedAreas: row.refused_areas,
  outcome: row.outcome,
  purpose: row.purpose,
});

/** Where the chain starts: after the newest retention anchor, or at genesis. */
async function anchor(sql: Sql): Promise<{ seq: number; hash: string }> {
  const { rows } = await sql.query<{ last_removed_seq: string; last_removed_hash: string }>(
    'SELECT last_removed_seq, last_removed_hash FROM audit_anchors ORDER BY id DESC LIMIT 1',
  );
  return rows[0] ? { seq: Number(rows[0].last_removed_seq), hash: rows[0].last_removed_hash } : { seq: 0, hash: genesisHash };
}

/**
 * A batch as one JSON parameter and one statement text whatever its size: the client serialises one
 * value instead of eleven per event, and only the new head comes back. The trigger of migration 6
 * links each row as it is inserted, in the batch's order.
 */
const appendStatement = `
  WITH added AS (
    INSERT INTO audit_events (at, request_id, caller_kind, actor_id, subject_id, operation, areas, entity_ids, refused_areas, outcome, purpose)
    SELECT at, request_id, caller_kind, actor_id, subject_id, operation, areas, entity_ids, refused_areas, outcome, purpose
    FROM jsonb_to_recordset($1::jsonb) AS batch(
      at timestamptz, request_id text, caller_kind text, actor_id text, subject_id text, operation text,
      areas text[], entity_ids text[], refused_areas text[], outcome text, purpose text)
    RETURNING seq, hash)
  SELECT seq, hash FROM added ORDER BY seq DESC LIMIT 1`;

export class AuditStore {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Appends a batch in one statement, so one round trip: the database links each event to the one
   * before it as it inserts it (migration 6), serialised with every other writer. Returns the
   * chain's new head.
   */
  async append(events: AuditEvent[]): Promise<{ seq: number; hash: string } | null> {
    if (events.length === 0) return null;
    const rows = events.map((event) => ({
      at: event.at,
      request_id: event.requestId,
      caller_kind: event.callerKind,
      actor_id: event.actorId,
      subject_id: event.subjectId,
      operation: event.operation,
      areas: event.areas,
      entity_ids: event.entityIds,
      refused_areas: event.refusedAreas,
      outcome: event.outcome,
      purpose: event.purpose ?? null,
    }));
    const { rows: [head] } = await this.db.prepared<{ seq: string; hash: string }>('audit-append', appendStatement, [JSON.stringify(rows)]);
    return { seq: Number(head!.seq), hash: head!.hash };
  }

  /**
   * Checks the chain against checkpoints kept outside the database: each must be signed and name
   * an event that still has that hash (or one the retention job has since removed). A database
   * owner who rewrites, truncates or reorders history cannot make them agree.
   */
  async verifyCheckpoints(checkpoints: Checkpoint[], key: Uint8Array): Promise<Verification> {
    const start = await anchor(this.db);
    let checked = 0;
    for (const checkpoint of [...checkpoints].sort((a, b) => a.seq - b.seq)) {
      if (!checkpointSigned(checkpoint, key)) return { ok: false, checked, firstBrokenSeq: checkpoint.seq, reason: 'a checkpoint is not signed with the checkpoint key' };
      if (checkpoint.seq <= start.seq) continue;
      const { rows } = await this.db.query<{ hash: string }>('SELECT hash FROM audit_events WHERE seq = $1', [checkpoint.seq]);
      if (rows[0]?.hash !== checkpoint.hash) {
        return { ok: false, checked, firstBrokenSeq: checkpoint.seq, reason: rows[0] ? 'it differs from the checkpoint taken when it was written' : 'it was removed since its checkpoint' };
      }
      checked += 1;
    }
    return { ok: true, checked };
  }

  /** A citizen's events, newest first, in pages of `first` before the sequence number `before`. */
  async forSubject(subjectId: string, first: number, before?: number): Promise<StoredEvent[]> {
    const { rows } = await this.db.query<EventRow>(
      `SELECT * FROM audit_events WHERE subject_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`,
      [subjectId, before ?? Number.MAX_SAFE_INTEGER, first],
    );
    return rows.map(toEvent);
  }

  /**
   * A citizen's events that disclosed one record (`<area>:<id>` among their entity ids), newest
   * first, in pages of `first` before the sequence number `before`: the database filters and
   * limits, walking the citizen's own events by the (subject_id, seq) index.
   */
  async forSubjectEntity(subjectId: string, entityId: string, first: number, before?: number): Promise<StoredEvent[]> {
    const { rows } = await this.db.query<EventRow>(
      `SELECT * FROM audit_events WHERE subject_id = $1 AND entity_ids @> ARRAY[$2::text] AND seq < $3 ORDER BY seq DESC LIMIT $4`,
      [subjectId, entityId, before ?? Number.MAX_SAFE_INTEGER, first],
    );
    return rows.map(toEvent);
  }

  /** Recomputes the chain from its anchor and reports the first event that does not fit. */
  async verify(pageSize = 1000): Promise<Verification> {
    const start = await anchor(this.db);
    let previous = start.hash;
    let after = start.seq;
    let checked = 0;
    for (;;) {
      const { rows } = await this.db.query<EventRow>('SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2', [after, pageSize]);
      if (rows.length === 0) return { ok: true, checked };
      for (const row of rows) {
        const seq = Number(row.seq);
        if (row.prev_hash !== previous) return { ok: false, checked, firstBrokenSeq: seq, reason: 'does not follow the event before it' };
        if (chainHash(previous, toEvent(row)) !== row.hash) return { ok: false, checked, firstBrokenSeq: seq, reason: 'its content was changed' };
        previous = row.hash;
        after = seq;
        checked += 1;
      }
    }
  }

  /**
   * Removes events older than the cut-off, oldest first, and anchors the chain at the last one
   * removed, so what remains still verifies. Returns how many were removed.
   */
  async removeOlderThan(cutoff: Date): Promise<number> {
    return this.db.transaction(async (sql) => {
      await sql.query('SELECT pg_advisory_xact_lock($1)', [chainLock]);
      const { rows } = await sql.query<{ seq: string; hash: string }>(
        'SELECT seq, hash FROM audit_events WHERE at < $1 ORDER BY seq DESC LIMIT 1',
        [cutoff.toISOString()],
      );
      if (!rows[0]) return 0;
      await sql.query("SELECT set_config('audit.retention', 'on', true)");
      await sql.query('INSERT INTO audit_anchors (at, last_removed_seq, last_removed_hash) VALUES (now(), $1, $2)', [rows[0].seq, rows[0].hash]);
      const removed = await sql.query<{ seq: string }>('DELETE FROM audit_events WHERE seq <= $1 RETURNING seq', [rows[0].seq]);
      return removed.rows.length;
    });
  }

  /** Whether events can be stored now: the database answers and the table is there. */
  async healthy(): Promise<boolean> {
    return this.db.query('SELECT 1 FROM audit_events LIMIT 0').then(
      () => true,
      () => false,
    );
  }
}
