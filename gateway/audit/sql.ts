import { Client, Pool, type ClientConfig } from 'pg';

/** The little of a SQL client the audit store needs; PostgreSQL (pg) and PGlite both give it. */
export interface Sql {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface SqlDatabase extends Sql {
  /**
   * A statement run on every request (the audit batch), on a connection of its own: prepared once
   * under its name, then only bound and executed, so neither side parses and plans its text again.
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
  const settings: ClientConfig = { connectionString: databaseUrl, connectionTimeoutMillis: 2_000, query_timeout: 5_000 };
  const pool = new Pool({ ...settings, max: 5 });
  // An idle client's error (the server went away) must not crash the gateway; the next query reports it.
  pool.on('error', () => undefined);
  const batches = new OwnConnection(settings);
  return {
    query: async <Row>(text: string, params?: unknown[]) => ({ rows: (await pool.query(text, params)).rows as Row[] }),
    prepared: async <Row>(name: string, text: string, params: unknown[]) => ({ rows: await batches.query<Row>(name, text, params) }),
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
    async close() {
      await batches.close();
      await pool.end();
    },
  };
}

/**
 * The audit batch's connection of its own, beside the pool: every response waits on its batch, so
 * a batch must never wait for a reader (an access log, a retention run) to give a connection
 * back; it also skips the pool's check-out and return, and its statement stays prepared. A
 * connection that fails or is cut is dropped, and the next batch opens another.
 */
class OwnConnection {
  private current: { client: Client; opening: Promise<Client> } | null = null;

  constructor(private readonly settings: ClientConfig) {}

  async query<Row>(name: string, text: string, values: unknown[]): Promise<Row[]> {
    const client = await (this.current?.opening ?? this.open());
    try {
      return (await client.query({ name, text, values })).rows as Row[];
    } catch (error) {
      this.drop(client);
      throw error;
    }
  }

  async close(): Promise<void> {
    const client = await this.current?.opening.catch(() => null);
    this.current = null;
    await client?.end();
  }

  private open(): Promise<Client> {
    const client = new Client(this.settings);
    // Cut between batches (the server restarted, a failover): not a crash, the next batch reconnects.
    client.on('error', () => this.drop(client));
    const opening = client.connect().then(
      () => client,
      (error: unknown) => {
        this.drop(client);
        throw error;
      },
    );
    this.current = { client, opening };
    return opening;
  }

  private drop(client: Client): void {
    if (this.current?.client !== client) return;
    this.current = null;
    client.end().catch(() => undefined);
  }
}
