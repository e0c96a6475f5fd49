import { gatewayConfig, type GatewayConfig } from '../lib/config';
import { RedisStore } from '../lib/cache/redis-store';
import { RedisCheckpoints } from '../gateway/audit/checkpoints';
import { latestVersion, migrate, schemaVersion } from '../gateway/audit/migrate';
import { connect } from '../gateway/audit/sql';
import { AuditStore } from '../gateway/audit/store';

/**
 * `npm run migrate` brings the audit schema at DATABASE_URL to this version (run it as the role
 * that owns the tables, before the gateway); `npm run audit:verify` checks the hash chain and
 * reports the first break; `npm run audit:retention` removes events older than
 * AUDIT_RETENTION_DAYS, leaving an anchor so the rest still verifies. Each exits non-zero on a
 * problem, for schedulers.
 */
async function main(command: string | undefined): Promise<number> {
  const config = gatewayConfig();
  if (!config.databaseUrl) {
    process.stderr.write('DATABASE_URL must point at the audit database\n');
    return 2;
  }
  const db = await connect(config.databaseUrl);
  try {
    if (command === 'migrate') {
      const applied = await migrate(db);
      process.stdout.write(`audit schema at version ${latestVersion}${applied.length > 0 ? ` (applied ${applied.join(', ')})` : ' (nothing to do)'}\n`);
      return 0;
    }
    const version = await schemaVersion(db);
    if (version < latestVersion) {
      process.stderr.write(`the audit schema is at version ${version}, not ${latestVersion}: run \`npm run migrate\` first\n`);
      return 2;
    }
    const store = new AuditStore(db);
    if (command === 'verify') {
      const result = await store.verify();
      if (result.ok) process.stdout.write(`audit chain intact: ${result.checked} events verified\n`);
      else process.stdout.write(`audit chain BROKEN at event ${result.firstBrokenSeq}: ${result.reason} (${result.checked} verified before it)\n`);
      const anchored = await verifyCheckpoints(store, config);
      return result.ok && anchored ? 0 : 1;
    }
    if (command === 'retention') {
      const cutoff = new Date(Date.now() - config.auditRetentionDays * 86_400_000);
      process.stdout.write(`removed ${await store.removeOlderThan(cutoff)} events older than ${cutoff.toISOString()}\n`);
      return 0;
    }
    process.stderr.write('usage: node scripts/audit.ts migrate|verify|retention\n');
    return 2;
  } finally {
    await db.close();
  }
}

/** The chain against the signed checkpoints kept in Redis (when the gateway has one). */
async function verifyCheckpoints(store: AuditStore, config: GatewayConfig): Promise<boolean> {
  if (!config.redis) {
    process.stdout.write('no REDIS_URL: checkpoints are only in the gateway log; compare them there\n');
    return true;
  }
  const redis = new RedisStore({ location: config.redis, commandTimeoutMs: 5_000 });
  try {
    const result = await store.verifyCheckpoints(await new RedisCheckpoints(redis.client).all(), config.auditCheckpointKey);
    if (result.ok) process.stdout.write(`audit checkpoints agree: ${result.checked} checked\n`);
    else process.stdout.write(`audit chain REWRITTEN at event ${result.firstBrokenSeq}: ${result.reason}\n`);
    return result.ok;
  } finally {
    await redis.close();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  },
);
