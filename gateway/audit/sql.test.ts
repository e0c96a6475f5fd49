import { Client } from 'pg';
import { dropAuditDatabase, freshAuditDatabase } from '../../test/support/stack';
import { connect, type SqlDatabase } from './sql';

/** The backend process serving the audit batches' statements. */
const batchConnection = async (db: SqlDatabase) => (await db.prepared<{ pid: number }>('backend-pid', 'SELECT pg_backend_pid() AS pid', [])).rows[0]!.pid;

describe("the audit database's connections", () => {
  let databaseUrl: string;
  let db: SqlDatabase;
  beforeEach(async () => {
    databaseUrl = await freshAuditDatabase();
    db = await connect(databaseUrl);
  });
  afterEach(async () => {
    await db.close();
    await dropAuditDatabase(databaseUrl);
  });

  it("store a batch while every reader's connection is busy", async () => {
    const readers = Array.from({ length: 5 }, () => db.query('SELECT pg_sleep(1.5)'));
    const started = Date.now();
    await batchConnection(db);
    expect(Date.now() - started).toBeLessThan(1_000);
    await Promise.all(readers);
  });

  it('keep one connection for the batches, so their statement is prepared once', async () => {
    expect(await batchConnection(db)).toBe(await batchConnection(db));
  });

  it('open another for the next batch when theirs is cut, without crashing the gateway', async () => {
    const cut = await batchConnection(db);
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [cut]);
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const next = await batchConnection(db);
    expect(next).not.toBe(cut);
  });
});
