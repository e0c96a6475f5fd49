import { Pool } from 'pg';

/** The little of a SQL client the audit store needs; PostgreSQL (pg) and PGlite both give it. */
export interface Sql {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface SqlDatabase extends Sql {
  /**
   * A statement run on every request (the audit batch): prepared once per connection under its
   * name, then only bound and executed, so neither side parses and plans its text again.
   */
  prepared<Row>(name: string, text: string, params: unknown[]): Promise<{ rows: Row[] }>;
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * PostgreSQL at DATABASE_URL in deployment and tests; an embedded PGlite for `npm start` alone.
 * PGlite is a development dependency, absent from the runtime image: it is loaded only here, when
 * there is no DATABASE_URL, which production refuses before this is reached.
 */
export async function connect(databaseUrl: string | undefined): Promise<SqlDatabase> {
  if (!databaseUrl) {
    const { PGlite } = await import('@electric-sql/pglite');
    const lite = new PGlite();
    await lite.waitReady;
    return {
      query: <Row>(text: string, params?: unknown[]) => lite.query<Row>(text, params),
      // One embedded connection, for `npm start` alone: nothing to gain from naming it.
      prepared: <Row>(_name: string, text: string, params: unknown[]) => lite.query<Row>(text, params),
      transaction: (work) => lite.transaction((tx) => work({ query: <Row>(text: string, params?: unknown[]) => tx.query<Row>(text, params) })),
      close: () => lite.close(),
    };
  }
  const pool = new Pool({ connectionString: databaseUrl, max: 5, connectionTimeoutMillis: 2_000, query_timeout: 5_000 });
  // An idle client's error (the server went away) must not crash the gateway; the next query reports it.
  pool.on('error', () => undefined);
  return {
    query: async <Row>(text: string, params?: unknown[]) => ({ rows: (await pool.query(text, params)).rows as Row[] }),
    prepared: async <Row>(name: string, text: string, params: unknown[]) => ({ rows: (await pool.query({ name, text, values: params })).rows as Row[] }),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <Row>(text: string, params?: unknown[]) => ({ rows: (await client.query(text, params)).rows as Row[] }) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
