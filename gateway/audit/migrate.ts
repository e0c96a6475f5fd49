import type { Sql } from './sql';

/**
 * The audit schema, applied by the gateway at start (idempotent). The table is append-only: a
 * trigger refuses UPDATE, DELETE and TRUNCATE except a DELETE inside the retention job, which sets
 * `audit.retention` for its own transaction and leaves an anchor so the chain stays verifiable.
 * In deployment the service role additionally gets INSERT and SELECT only (deploy/README.md).
 */
const statements = [
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
  'ALTER TABLE audit_events ADD COLUMN IF NOT EXISTS purpose text',
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
];

export async function migrate(sql: Sql): Promise<void> {
  for (const statement of statements) await sql.query(statement);
}
