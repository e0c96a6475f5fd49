import { randomBytes } from 'node:crypto';
import { dropAuditDatabase, freshAuditDatabase } from '../../test/support/stack';
import { migrate } from '../audit/migrate';
import { connect, type SqlDatabase } from '../audit/sql';
import { ConsentStore } from './consent-store';

/** Against the test PostgreSQL, in a schema of its own (jest.config.js: a test that needs services). */
describe('the consent store', () => {
  let databaseUrl: string;
  let db: SqlDatabase;
  let store: ConsentStore;
  const keys = { current: 'k1', keys: { k1: randomBytes(32) } };
  const thomas = { id: 'citizen-thomas', cpr: '1503721233' };

  beforeAll(async () => {
    databaseUrl = await freshAuditDatabase();
    db = await connect(databaseUrl);
    await migrate(db);
    store = new ConsentStore(db, keys);
  });
  afterAll(async () => {
    await db?.close();
    await dropAuditDatabase(databaseUrl);
  });

  it('keeps a consent with its areas, purpose and period, and the CPR only sealed', async () => {
    const { consent } = await store.grant(thomas.id, thomas.cpr, { clientId: 'budget-app', areas: ['benefits', 'payments'], days: 30, purpose: 'Budget' });
    expect(consent).toMatchObject({ clientId: 'budget-app', areas: ['benefits', 'payments'], purpose: 'Budget', withdrawnAt: null });
    expect(Date.parse(consent.validUntil) - Date.parse(consent.createdAt)).toBe(30 * 86_400_000);
    const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM consents WHERE id = $1', [consent.id]);
    expect(JSON.stringify(rows)).not.toContain(thomas.cpr);
    expect(await store.byId(consent.id)).toMatchObject({ id: consent.id, clientId: 'budget-app', subjectCpr: thomas.cpr, areas: ['benefits', 'payments'], withdrawnAt: null });
  });

  it('replaces the consent in force for the same service, and leaves other services alone', async () => {
    const other = await store.grant(thomas.id, thomas.cpr, { clientId: 'other-app', areas: ['payments'], days: 1, purpose: 'Andet' });
    const first = await store.grant(thomas.id, thomas.cpr, { clientId: 'budget-app', areas: ['payments'], days: 10, purpose: 'Budget' });
    const second = await store.grant(thomas.id, thomas.cpr, { clientId: 'budget-app', areas: ['payments'], days: 10, purpose: 'Budget' });
    expect(second.replaced).toEqual([first.consent.id]);
    expect((await store.byId(first.consent.id))!.withdrawnAt).not.toBeNull();
    expect((await store.byId(other.consent.id))!.withdrawnAt).toBeNull();
  });

  it('withdraws a consent once, only for its own citizen', async () => {
    const { consent } = await store.grant(thomas.id, thomas.cpr, { clientId: 'budget-app', areas: ['payments'], days: 5, purpose: 'Budget' });
    expect(await store.withdraw('someone-else', consent.id)).toBe('unknown');
    expect(await store.withdraw(thomas.id, consent.id)).toBe('withdrawn');
    expect(await store.withdraw(thomas.id, consent.id)).toBe('already');
    expect((await store.forSubject(thomas.id)).find((each) => each.id === consent.id)!.withdrawnAt).not.toBeNull();
  });

  it('opens no consent whose sealed CPR was moved to another row', async () => {
    const a = await store.grant('citizen-a', thomas.cpr, { clientId: 'budget-app', areas: ['payments'], days: 5, purpose: 'Budget' });
    const b = await store.grant('citizen-b', '0206104128', { clientId: 'budget-app', areas: ['payments'], days: 5, purpose: 'Budget' });
    await db.query('UPDATE consents SET subject_cpr_sealed = (SELECT subject_cpr_sealed FROM consents WHERE id = $1) WHERE id = $2', [a.consent.id, b.consent.id]);
    expect(await store.byId(b.consent.id)).toBeNull();
  });
});

