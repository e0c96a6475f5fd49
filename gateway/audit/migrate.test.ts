import { dropAuditDatabase, freshAuditDatabase } from '../../test/support/stack';
import { gatewayConfig } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { Upstream } from '../../lib/upstream';
import { startAuditTrail } from './audit-trail';
import { latestVersion, migrate, schemaVersion } from './migrate';
import { connect } from './sql';
import { registers } from '../registers';

describe('the audit schema', () => {
  let databaseUrl: string;
  beforeEach(async () => {
    databaseUrl = await freshAuditDatabase();
  });
  afterEach(() => dropAuditDatabase(databaseUrl));

  it('is migrated to the latest version once, and a second run applies nothing', async () => {
    const db = await connect(databaseUrl);
    try {
      expect(await schemaVersion(db)).toBe(0);
      expect(await migrate(db)).toEqual(Array.from({ length: latestVersion }, (_, index) => index + 1));
      expect(await migrate(db)).toEqual([]);
      expect(await schemaVersion(db)).toBe(latestVersion);
    } finally {
      await db.close();
    }
  });

  it('is migrated once when several replicas start on an empty database at the same moment', async () => {
    const replicas = await Promise.all(Array.from({ length: 4 }, () => connect(databaseUrl)));
    try {
      const applied = await Promise.all(replicas.map((db) => migrate(db)));
      expect(applied.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: latestVersion }, (_, index) => index + 1));
      expect(await schemaVersion(replicas[0]!)).toBe(latestVersion);
    } finally {
      await Promise.all(replicas.map((db) => db.close()));
    }
  });

  it('must be migrated beforehand for a production gateway, which refuses to start and says how', async () => {
    const secret = Buffer.from('a-production-secret-of-32-bytes!').toString('base64url');
    const config = gatewayConfig({
      NODE_ENV: 'production',
      INTERNAL_CONTEXT_KEY: secret,
      PSEUDONYM_KEY: secret,
      AUDIT_CHECKPOINT_KEY: secret,
      CALENDAR_LINK_KEY: secret,
      AUTH_ISSUER: 'https://broker.example.invalid',
      DATABASE_URL: databaseUrl,
    });
    const logger = createLogger('test', 'silent');
    const registry = new Upstream({ area: 'proxies', baseUrl: 'http://127.0.0.1:9', timeoutMs: 100, logger });
    await expect(startAuditTrail(config, registers({ proxies: registry, persons: registry, cases: registry }), logger)).rejects.toThrow(/schema version 0.*npm run migrate/);
  });
});
