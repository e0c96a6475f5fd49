import type { GatewayConfig } from '../../lib/config';
import type { Logger } from '../../lib/logger';
import { citizenId } from '../../lib/pseudonym';
import type { Refusal } from '../auth/access-policy';
import type { Registers } from '../registers';
import { accessLogSubgraph, type ActingFor } from './access-log';
import { auditPlugin } from './audit-plugin';
import type { AuditEvent } from './chain';
import { latestVersion, migrate, schemaVersion } from './migrate';
import { connect, type SqlDatabase } from './sql';
import { AuditStore } from './store';
import { AuditWriter } from './writer';
import { CheckpointSchedule, signCheckpoint, type CheckpointStore } from './checkpoints';

/**
 * In production the schema is migrated beforehand by its owner (`npm run migrate`, the
 * audit-migrate Job), so the gateway's role may only INSERT and SELECT: a gateway finding an older
 * schema refuses to start. Elsewhere (`npm start`, tests) the gateway migrates its own database.
 */
async function prepareSchema(db: SqlDatabase, production: boolean): Promise<void> {
  if (!production) {
    await migrate(db);
    return;
  }
  const version = await schemaVersion(db);
  if (version < latestVersion) {
    throw new Error(`The audit database is at schema version ${version}; this gateway needs ${latestVersion}. Run \`npm run migrate\` (the audit-migrate Job) first.`);
  }
}

/** Everything the gateway needs of the audit trail, started once. */
export async function startAuditTrail(
  config: GatewayConfig,
  registries: Pick<Registers, 'proxiesOf' | 'persons'>,
  logger: Logger,
  checkpoints: CheckpointStore | null = null,
) {
  const db = await connect(config.databaseUrl);
  await prepareSchema(db, config.env === 'production').catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  const store = new AuditStore(db);
  // The chain's head, signed at most once an interval, in the log and in a second store: a database
  // owner who rewrites history cannot rewrite these too (`npm run audit:verify` compares them).
  const schedule = new CheckpointSchedule((head) => {
    const checkpoint = signCheckpoint(head, config.auditCheckpointKey);
    logger.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
    checkpoints?.add(checkpoint).catch((error: unknown) => logger.warn({ err: { type: (error as Error)?.name } }, 'audit checkpoint not stored; it is in the log'));
  }, config.auditCheckpointIntervalMs);
  const writer = new AuditWriter(store, (head) => schedule.head(head));
  const pseudonym = (cpr: string) => citizenId(cpr, config.pseudonymKey);

  // Who may act for the citizen, keyed as the access policy names actors: a person by pseudonym, an organisation by CVR.
  async function proxyHolders(subjectCpr: string, deadline: number): Promise<Map<string, ActingFor>> {
    const [fuldmagter, [subject]] = await Promise.all([registries.proxiesOf(subjectCpr, deadline), registries.persons([subjectCpr], deadline)]);
    const parents = await registries.persons(subject?.myndighedsindehavere ?? [], deadline);
    const actorOf = ({ type, id }: (typeof fuldmagter)[number]['fuldmagtshaver']) => (type === 'ORGANISATION' ? `org:${id}` : pseudonym(id));
    return new Map<string, ActingFor>([
      ...fuldmagter.map((proxy): [string, ActingFor] => [actorOf(proxy.fuldmagtshaver), { name: proxy.fuldmagtshaver.navn, parent: false }]),
      ...parents.map((parent): [string, ActingFor] => [pseudonym(parent.cpr), { name: parent.navn, parent: true }]),
    ]);
  }

  // The gateway's own subgraph: the access log, and what else the gateway serves from this database.
  const ownSubgraph = accessLogSubgraph({
    forSubject: (subjectId, first, before) => store.forSubject(subjectId, first, before),
    proxyHolders,
    pseudonym,
  });

  return {
    plugin: auditPlugin(writer, pseudonym, logger),
    /** The access log's parts; the gateway adds its calendar links and builds the subgraph (gateway/server.ts). */
    ownSubgraph,
    /** The audit database, for the calendar links beside the events. */
    database: db,
    healthy: () => store.healthy(),
    /** A citizen's events that disclosed one record, newest first (an item's history, gateway/item-history.ts). */
    eventsTouching: (subjectId: string, entityId: string, first: number, before?: number) => store.forSubjectEntity(subjectId, entityId, first, before),
    /** Who may act for the citizen, as the access log names them. */
    proxyHolders,
    /** One event written as it is (a data export's one disclosure, gateway/exports/). */
    record: (event: AuditEvent) => writer.write(event),
    /** A caller turned away before any query ran (no valid proxy, too low assurance). */
    recordRefusal: (refusal: Refusal) =>
      writer.write({
        at: new Date().toISOString(),
        requestId: refusal.requestId,
        callerKind: refusal.callerKind,
        actorId: refusal.actorId,
        subjectId: refusal.subjectCpr ? pseudonym(refusal.subjectCpr) : null,
        operation: null,
        areas: [],
        entityIds: [],
        refusedAreas: ['request'],
        outcome: 'refused',
      }),
    close: () => {
      schedule.flush();
      return db.close();
    },
  };
}
