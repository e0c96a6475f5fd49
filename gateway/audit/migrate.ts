import { chainLock, genesisHash } from './chain';
import type { Sql, SqlDatabase } from './sql';

/**
 * The audit schema as numbered migrations, applied by `npm run migrate` (the `audit-migrate` Job,
 * as the role that owns the tables), so the gateway's own role needs only INSERT and SELECT (and
 * UPDATE on calendar_links, consents and corrections, below). The events table is append-only: a trigger refuses UPDATE,
 * DELETE and TRUNCATE except a DELETE inside the retention job, which sets `audit.retention` for
 * its own transaction and leaves an anchor so the chain stays verifiable. Never edit a released
 * migration: add the next one.
 */
const migrations: { version: number; statements: string[] }[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE IF NOT EXISTS audit_events (
         seq bigserial PRIMARY KEY,
         at timestamptz NOT NULL,
         request_id text NOT NULL,
         caller_kind text NOT NULL,
         actor_id text NOT NULL,
         subject_id text,
         operation text,
         areas text[] NOT NULL,
         entity_ids text[] NOT NULL,
         refused_areas text[] NOT NULL,
         outcome text NOT NULL,
         prev_hash text NOT NULL,
         hash text NOT NULL
       )`,
      'CREATE INDEX IF NOT EXISTS audit_events_subject ON audit_events (subject_id, seq DESC)',
      `CREATE TABLE IF NOT EXISTS audit_anchors (
         id bigserial PRIMARY KEY,
         at timestamptz NOT NULL,
         last_removed_seq bigint NOT NULL,
         last_removed_hash text NOT NULL
       )`,
      `CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
       BEGIN
         IF TG_OP = 'DELETE' AND current_setting('audit.retention', true) = 'on' THEN RETURN OLD; END IF;
         RAISE EXCEPTION 'audit_events is append-only';
       END $$ LANGUAGE plpgsql`,
      'DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events',
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
         FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
      'DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events',
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
         FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
    ],
  },
  // Verification staff's reason for a read (a case reference).
  { version: 2, statements: ['ALTER TABLE audit_events ADD COLUMN IF NOT EXISTS purpose text'] },
  // A citizen's calendar links (gateway/calendar/): the token only as its SHA-256, the CPR only
  // sealed. Not append-only: revoking and using a link update its row (the gateway's role needs
  // UPDATE on this table, on revoked_at and last_used_at).
  {
    version: 3,
    statements: [
      `CREATE TABLE IF NOT EXISTS calendar_links (
         id text PRIMARY KEY,
         token_hash text NOT NULL UNIQUE,
         subject_id text NOT NULL,
         subject_cpr_sealed text NOT NULL,
         created_at timestamptz NOT NULL,
         revoked_at timestamptz,
         last_used_at timestamptz
       )`,
      'CREATE INDEX IF NOT EXISTS calendar_links_subject ON calendar_links (subject_id, created_at DESC)',
    ],
  },
  // A citizen's consents for external services (gateway/consent/): the CPR only sealed. Not
  // append-only: withdrawing one updates its row (the gateway's role needs UPDATE on this table,
  // on withdrawn_at).
  {
    version: 4,
    statements: [
      `CREATE TABLE IF NOT EXISTS consents (
         id text PRIMARY KEY,
         subject_id text NOT NULL,
         subject_cpr_sealed text NOT NULL,
         client_id text NOT NULL,
         areas text[] NOT NULL,
         purpose text NOT NULL,
         created_at timestamptz NOT NULL,
         expires_at timestamptz NOT NULL,
         withdrawn_at timestamptz
       )`,
      'CREATE INDEX IF NOT EXISTS consents_subject ON consents (subject_id, created_at DESC)',
    ],
  },
  // A citizen's requests to correct wrong or incomplete data (gateway/corrections/), by pseudonym,
  // never with the CPR. Not append-only: forwarding and the owner's answer update its row (the
  // gateway's role needs UPDATE on this table, on status, reason, owner_ref, updated_at).
  {
    version: 5,
    statements: [
      `CREATE TABLE IF NOT EXISTS corrections (
         id text PRIMARY KEY,
         subject_id text NOT NULL,
         actor_id text NOT NULL,
         idempotency_key text NOT NULL,
         area text NOT NULL,
         item_id text NOT NULL,
         text text NOT NULL,
         status text NOT NULL,
         reason text,
         owner_ref text,
         created_at timestamptz NOT NULL,
         updated_at timestamptz NOT NULL,
         UNIQUE (subject_id, idempotency_key)
       )`,
      'CREATE INDEX IF NOT EXISTS corrections_subject ON corrections (subject_id, created_at DESC)',
    ],
  },
  // The database links every event to the one before it, as it is inserted, so a batch is one
  // INSERT (one round trip) and no writer, old or new, can fork the chain or mislink it: under the
  // chain lock (held to commit, as the retention job's), the trigger gives the row the next
  // sequence number, so sequence order is chain order, and computes the hash exactly as
  // `chainHash` does (chain.ts; store.test.ts holds them to it), `at` in JavaScript's ISO form.
  {
    version: 6,
    statements: [
      'ALTER TABLE audit_events ALTER COLUMN seq DROP DEFAULT',
      `CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger AS $$
       DECLARE
         previous text;
       BEGIN
         PERFORM pg_advisory_xact_lock(${chainLock});
         NEW.seq := nextval(pg_get_serial_sequence('audit_events', 'seq'));
         SELECT hash INTO previous FROM audit_events ORDER BY seq DESC LIMIT 1;
         IF previous IS NULL THEN
           SELECT last_removed_hash INTO previous FROM audit_anchors ORDER BY id DESC LIMIT 1;
         END IF;
         NEW.prev_hash := coalesce(previous, '${genesisHash}');
         NEW.hash := encode(sha256(convert_to(NEW.prev_hash || '|[' || concat_ws(',',
           to_json(to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text,
           to_json(NEW.request_id)::text,
           to_json(NEW.caller_kind)::text,
           to_json(NEW.actor_id)::text,
           coalesce(to_json(NEW.subject_id)::text, 'null'),
           coalesce(to_json(NEW.operation)::text, 'null'),
           array_to_json(NEW.areas)::text,
           array_to_json(NEW.entity_ids)::text,
           array_to_json(NEW.refused_areas)::text,
           to_json(NEW.outcome)::text,
           CASE WHEN NEW.purpose <> '' THEN to_json(NEW.purpose)::text END
         ) || ']', 'UTF8')), 'hex');
         RETURN NEW;
       END $$ LANGUAGE plpgsql`,
      'DROP TRIGGER IF EXISTS audit_events_chain ON audit_events',
      'CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain()',
    ],
  },
];

export const latestVersion = migrations[migrations.length - 1].version;

/** The version the database is at; 0 for one never migrated. */
export async function schemaVersion(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ exists: boolean }>("SELECT to_regclass('audit_schema_migrations') IS NOT NULL AS exists");
  if (!rows[0]?.exists) return 0;
  const applied = await sql.query<{ version: number | null }>('SELECT max(version) AS version FROM audit_schema_migrations');
  return Number(applied.rows[0]?.version ?? 0);
}

/** Applies the migrations the database lacks, each in its own transaction; returns the ones applied. */
export async function migrate(db: SqlDatabase): Promise<number[]> {
  // One migrator at a time, on every replica: even CREATE TABLE IF NOT EXISTS fails when two run it at once.
  const oneAtATime = (sql: Sql) => sql.query('SELECT pg_advisory_xact_lock($1)', [7_262_002]);
  await db.transaction(async (sql) => {
    await oneAtATime(sql);
    await sql.query('CREATE TABLE IF NOT EXISTS audit_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)');
  });
  const applied: number[] = [];
  for (const { version, statements } of migrations) {
    const done = await db.transaction(async (sql) => {
      await oneAtATime(sql);
      if ((await schemaVersion(sql)) >= version) return false;
      for (const statement of statements) await sql.query(statement);
      await sql.query('INSERT INTO audit_schema_migrations (version, applied_at) VALUES ($1, now())', [version]);
      return true;
    });
    if (done) applied.push(version);
  }
  return applied;
}
