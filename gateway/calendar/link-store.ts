import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from '../audit/sql';
import { newToken, openCpr, sealCpr, tokenHash, type SealingKeys } from './secrets';

/** A link as its citizen may see it: never the token, which exists only in the answer that made it. */
export interface StoredLink {
  id: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** What serving a feed needs of a link in force. */
export interface LinkInUse {
  id: string;
  subjectId: string;
  subjectCpr: string;
}

interface LinkRow {
  id: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const toLink = (row: LinkRow): StoredLink => ({ id: row.id, createdAt: iso(row.created_at), lastUsedAt: row.last_used_at === null ? null : iso(row.last_used_at) });

/** The most links in force one citizen may have (one per device, with room to spare). */
export const maxLinksPerCitizen = 20;

/**
 * Calendar links in the audit database (`calendar_links`, migration 3): a row per link, the token
 * as its SHA-256, the CPR sealed. Nothing is cached: a revoked link is refused on its next use.
 */
export class CalendarLinkStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly keys: SealingKeys,
  ) {}

  /** A new link for the citizen, with its token (the only time the token exists); null when they have too many. */
  async create(subjectId: string, subjectCpr: string): Promise<(StoredLink & { token: string }) | null> {
    const id = randomUUID();
    const token = newToken();
    return this.db.transaction(async (sql) => {
      // One citizen's creations one at a time, so two at once cannot both pass the count.
      await sql.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`calendar-links|${subjectId}`]);
      const { rows } = await sql.query<{ count: string }>('SELECT count(*) AS count FROM calendar_links WHERE subject_id = $1 AND revoked_at IS NULL', [subjectId]);
      if (Number(rows[0]?.count ?? 0) >= maxLinksPerCitizen) return null;
      const inserted = await sql.query<LinkRow>(
        `INSERT INTO calendar_links (id, token_hash, subject_id, subject_cpr_sealed, created_at)
         VALUES ($1, $2, $3, $4, now()) RETURNING id, created_at, last_used_at`,
        [id, tokenHash(token), subjectId, sealCpr(subjectCpr, id, this.keys)],
      );
      return { ...toLink(inserted.rows[0]), token };
    });
  }

  /** The citizen's links in force, newest first. */
  async inForce(subjectId: string): Promise<StoredLink[]> {
    const { rows } = await this.db.query<LinkRow>(
      'SELECT id, created_at, last_used_at FROM calendar_links WHERE subject_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id',
      [subjectId],
    );
    return rows.map(toLink);
  }

  /** 'revoked' now, 'already' when it was before, 'unknown' when the citizen has no such link. */
  async revoke(subjectId: string, id: string): Promise<'revoked' | 'already' | 'unknown'> {
    const revoked = await this.db.query('UPDATE calendar_links SET revoked_at = now() WHERE id = $1 AND subject_id = $2 AND revoked_at IS NULL RETURNING id', [
      id,
      subjectId,
    ]);
    if (revoked.rows.length > 0) return 'revoked';
    const known = await this.db.query('SELECT 1 FROM calendar_links WHERE id = $1 AND subject_id = $2', [id, subjectId]);
    return known.rows.length > 0 ? 'already' : 'unknown';
  }

  /**
   * The link a token opens, if it is in force, marked as used; null for a token never issued, a
   * revoked link, or a sealed CPR that no key opens (alike to the caller).
   */
  async use(token: string): Promise<LinkInUse | null> {
    const { rows } = await this.db.query<{ id: string; subject_id: string; subject_cpr_sealed: string }>(
      `UPDATE calendar_links SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL
       RETURNING id, subject_id, subject_cpr_sealed`,
      [tokenHash(token)],
    );
    const row = rows[0];
    if (!row) return null;
    const subjectCpr = openCpr(row.subject_cpr_sealed, row.id, this.keys);
    return subjectCpr === null ? null : { id: row.id, subjectId: row.subject_id, subjectCpr };
  }
}
