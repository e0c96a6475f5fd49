import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { consentAreas, type ConsentArea } from '../../lib/external-services';
import type { SqlDatabase } from '../audit/sql';
import { openCpr, sealCpr, type SealingKeys } from '../calendar/secrets';

/** A consent as its citizen sees it. */
export interface StoredConsent {
  id: string;
  clientId: string;
  areas: ConsentArea[];
  purpose: string;
  createdAt: string;
  validUntil: string;
  withdrawnAt: string | null;
}

/** What the access policy needs of a consent a service's token names. */
export interface ConsentOnRecord {
  id: string;
  clientId: string;
  subjectCpr: string;
  areas: ConsentArea[];
  validUntil: Date;
  withdrawnAt: Date | null;
}

interface ConsentRow {
  id: string;
  client_id: string;
  areas: string[];
  purpose: string;
  created_at: Date | string;
  expires_at: Date | string;
  withdrawn_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
/** Only the known areas, in their canonical order, whatever the row holds. */
const areasOf = (stored: readonly string[]): ConsentArea[] => consentAreas.filter((area) => stored.includes(area));
const toConsent = (row: ConsentRow): StoredConsent => ({
  id: row.id,
  clientId: row.client_id,
  areas: areasOf(row.areas),
  purpose: row.purpose,
  createdAt: iso(row.created_at),
  validUntil: iso(row.expires_at),
  withdrawnAt: row.withdrawn_at === null ? null : iso(row.withdrawn_at),
});

/**
 * The CPR is sealed as a calendar link's is (gateway/calendar/secrets.ts, the same key ring), bound
 * to `consent:<id>`: a consent id is a UUID, as a link id is, so the prefix keeps a sealed CPR from
 * opening under any link's id and the other way round.
 */
const sealedFor = (id: string) => `consent:${id}`;

/** The most consents one citizen's list shows (newest first); older ones stay in the table. */
export const listedConsents = 100;

/**
 * Consents in the audit database (`consents`, migration 4): one row per consent, the citizen by
 * pseudonym and by sealed CPR (the gateway acts as that citizen for the service), never deleted:
 * withdrawing sets `withdrawn_at`. One consent per service is in force for a citizen at a time: a
 * new one withdraws the one it replaces.
 */
export class ConsentStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly keys: SealingKeys,
  ) {}

  /** Records a consent from now for `days` days; returns it and the ids of the consents it replaced. */
  async grant(
    subjectId: string,
    subjectCpr: string,
    consent: { clientId: string; areas: ConsentArea[]; days: number; purpose: string },
  ): Promise<{ consent: StoredConsent; replaced: string[] }> {
    const id = randomUUID();
    return this.db.transaction(async (sql) => {
      // One citizen's grants one at a time, so two at once cannot both stay in force.
      await sql.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`consents|${subjectId}`]);
      const replaced = await sql.query<{ id: string }>(
        `UPDATE consents SET withdrawn_at = now()
         WHERE subject_id = $1 AND client_id = $2 AND withdrawn_at IS NULL AND expires_at > now() RETURNING id`,
        [subjectId, consent.clientId],
      );
      const inserted = await sql.query<ConsentRow>(
        `INSERT INTO consents (id, subject_id, subject_cpr_sealed, client_id, areas, purpose, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now(), now() + make_interval(days => $7::int))
         RETURNING id, client_id, areas, purpose, created_at, expires_at, withdrawn_at`,
        [id, subjectId, sealCpr(subjectCpr, sealedFor(id), this.keys), consent.clientId, consent.areas, consent.purpose, consent.days],
      );
      return { consent: toConsent(inserted.rows[0]), replaced: replaced.rows.map((row) => row.id) };
    });
  }

  /** The citizen's consents, in force, withdrawn and expired alike, newest first. */
  async forSubject(subjectId: string): Promise<StoredConsent[]> {
    const { rows } = await this.db.query<ConsentRow>(
      `SELECT id, client_id, areas, purpose, created_at, expires_at, withdrawn_at FROM consents
       WHERE subject_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [subjectId, listedConsents],
    );
    return rows.map(toConsent);
  }

  /** 'withdrawn' now, 'already' when it was withdrawn before, 'unknown' when the citizen has no such consent. */
  async withdraw(subjectId: string, id: string): Promise<'withdrawn' | 'already' | 'unknown'> {
    const withdrawn = await this.db.query('UPDATE consents SET withdrawn_at = now() WHERE id = $1 AND subject_id = $2 AND withdrawn_at IS NULL RETURNING id', [
      id,
      subjectId,
    ]);
    if (withdrawn.rows.length > 0) return 'withdrawn';
    const known = await this.db.query('SELECT 1 FROM consents WHERE id = $1 AND subject_id = $2', [id, subjectId]);
    return known.rows.length > 0 ? 'already' : 'unknown';
  }

  /** The consent a token names, withdrawn or expired or not; null for an id never issued or a CPR no key opens. */
  async byId(id: string): Promise<ConsentOnRecord | null> {
    const { rows } = await this.db.query<ConsentRow & { subject_cpr_sealed: string }>(
      'SELECT id, client_id, areas, purpose, created_at, expires_at, withdrawn_at, subject_cpr_sealed FROM consents WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const subjectCpr = openCpr(row.subject_cpr_sealed, sealedFor(row.id), this.keys);
    if (subjectCpr === null) return null;
    return {
      id: row.id,
      clientId: row.client_id,
      subjectCpr,
      areas: areasOf(row.areas),
      validUntil: new Date(row.expires_at),
      withdrawnAt: row.withdrawn_at === null ? null : new Date(row.withdrawn_at),
    };
  }
}

export const consentIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The consent look-up the access policy makes on every request of a service, through a cache of
 * at most a few seconds (CONSENT_CACHE_MS), so a withdrawal bites within seconds on every replica
 * and at once on the one that took it (`forget`).
 */
export class ConsentChecks {
  private readonly recent: LRUCache<string, { consent: ConsentOnRecord | null }>;

  constructor(
    private readonly store: Pick<ConsentStore, 'byId'>,
    ttlMs: number,
  ) {
    this.recent = new LRUCache({ max: 10_000, ttl: Math.max(1, ttlMs) });
  }

  async consentFor(id: string): Promise<ConsentOnRecord | null> {
    if (!consentIdPattern.test(id)) return null;
    const remembered = this.recent.get(id);
    if (remembered) return remembered.consent;
    const consent = await this.store.byId(id);
    this.recent.set(id, { consent });
    return consent;
  }

  forget(ids: readonly string[]): void {
    for (const id of ids) this.recent.delete(id);
  }
}
