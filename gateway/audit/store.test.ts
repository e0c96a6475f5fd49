import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { dropAuditDatabase, freshAuditDatabase } from '../../test/support/stack';
import { chainHash, type AuditEvent } from './chain';
import { migrate } from './migrate';
import { connect, type SqlDatabase } from './sql';
import { AuditStore } from './store';
import { AuditWriter } from './writer';

const event = (fields: Partial<AuditEvent> = {}): AuditEvent => ({
  at: '2026-11-23T12:00:00.007Z',
  requestId: 'req-1',
  callerKind: 'citizen',
  actorId: 'cit_a',
  subjectId: 'cit_a',
  operation: 'Overview',
  areas: ['cases', 'payments'],
  entityIds: ['cases:SAG-1'],
  refusedAreas: [],
  outcome: 'disclosed',
  ...fields,
});

/** Values whose JSON a hand-made encoder could get wrong: escapes, control characters, non-ASCII, absent fields. */
const awkward: AuditEvent[] = [
  event(),
  event({ at: '2026-01-01T00:00:00.000Z', subjectId: null, operation: null, areas: [], entityIds: [], refusedAreas: ['request'], outcome: 'refused' }),
  event({ requestId: 'quote " backslash \\ slash / tab \t newline \n return \r', operation: 'bell \u0007 unit \u001f del \u007f' }),
  event({ actorId: 'Æblegrød på Østerbro', entityIds: ['cases:👩‍⚕️', 'cases:\u2028\u2029', 'cases:</script>'] }),
  event({ purpose: 'VER-2026-0042' }),
  event({ purpose: '' }),
  event({ purpose: null }),
];

interface Linked {
  seq: string;
  prev_hash: string;
  hash: string;
}

/**
 * The awkward events appended to a fresh, migrated PGlite in a process of its own (PGlite loads
 * as an ES module, which jest cannot), with what it stored and its verification.
 */
async function inPGlite(events: AuditEvent[]): Promise<{ stored: Linked[]; verification: unknown }> {
  const script = `
    const { connect } = require('./gateway/audit/sql');
    const { migrate } = require('./gateway/audit/migrate');
    const { AuditStore } = require('./gateway/audit/store');
    (async () => {
      const db = await connect(undefined);
      await migrate(db);
      const store = new AuditStore(db);
      const events = JSON.parse(process.argv[1]);
      await store.append(events.slice(0, 3));
      await store.append(events.slice(3));
      const stored = (await db.query('SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq')).rows;
      process.stdout.write(JSON.stringify({ stored, verification: await store.verify() }));
      await db.close();
    })();`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', '-e', script, JSON.stringify(events)], {
    cwd: join(__dirname, '..', '..'),
  });
  return JSON.parse(stdout) as { stored: Linked[]; verification: unknown };
}

const expectLinkedAsChainHash = (stored: Linked[]) => {
  expect(stored.map((link, index) => link.hash === chainHash(link.prev_hash, awkward[index]))).toEqual(awkward.map(() => true));
  expect(stored.map((link) => link.prev_hash)).toEqual(['genesis', ...stored.slice(0, -1).map((link) => link.hash)]);
};

const links = async (db: SqlDatabase) => (await db.query<Linked>('SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq')).rows;

describe('the audit store', () => {
  let databaseUrl: string;
  beforeEach(async () => {
    databaseUrl = await freshAuditDatabase();
  });
  afterEach(() => dropAuditDatabase(databaseUrl));

  const migrated = async (url: string | undefined) => {
    const db = await connect(url);
    await migrate(db);
    return db;
  };

  it('links every event in PostgreSQL exactly as chainHash does, so the chain verifies', async () => {
    const db = await migrated(databaseUrl);
    try {
      const store = new AuditStore(db);
      await store.append(awkward.slice(0, 3));
      await store.append(awkward.slice(3));
      expectLinkedAsChainHash(await links(db));
      expect(await store.verify()).toEqual({ ok: true, checked: awkward.length });
    } finally {
      await db.close();
    }
  });

  it('links every event in the embedded PGlite of `npm start` the same way', async () => {
    const { stored, verification } = await inPGlite(awkward);
    expectLinkedAsChainHash(stored);
    expect(verification).toEqual({ ok: true, checked: awkward.length });
  }, 60_000);

  it('stores a batch in one round trip, and answers with the chain head', async () => {
    const db = await migrated(databaseUrl);
    const sent = jest.spyOn(Client.prototype, 'query');
    try {
      const store = new AuditStore(db);
      await store.append([event()]);
      sent.mockClear();
      const head = await store.append([event({ requestId: 'req-2' }), event({ requestId: 'req-3' })]);
      expect(sent).toHaveBeenCalledTimes(1);
      expect(head).toEqual({ seq: expect.any(Number), hash: (await links(db)).at(-1)!.hash });
    } finally {
      sent.mockRestore();
      await db.close();
    }
  });

  it('keeps one chain, unforked, while several gateways write at once', async () => {
    await (await migrated(databaseUrl)).close();
    const gateways = await Promise.all(Array.from({ length: 4 }, () => connect(databaseUrl)));
    try {
      const heads: Pick<Linked, 'seq' | 'hash'>[] = [];
      const writers = gateways.map((db) => new AuditWriter(new AuditStore(db), (head) => heads.push({ seq: String(head.seq), hash: head.hash })));
      const requests = writers.flatMap((writer, gateway) =>
        Array.from({ length: 5 }, async (_, loop) => {
          for (let request = 0; request < 20; request += 1) {
            await Promise.all([1, 2].map((each) => writer.write(event({ requestId: `gw${gateway}-loop${loop}-req${request}-${each}` }))));
          }
        }),
      );
      await Promise.all(requests);
      const store = new AuditStore(gateways[0]);
      expect(await store.verify()).toEqual({ ok: true, checked: 4 * 5 * 20 * 2 });
      const chain = await links(gateways[0]);
      expect(new Set(chain.map((link) => link.prev_hash)).size).toBe(chain.length);
      expect(chain.map(({ seq, hash }) => ({ seq, hash }))).toEqual(expect.arrayContaining(heads));
    } finally {
      await Promise.all(gateways.map((db) => db.close()));
    }
  });
});
