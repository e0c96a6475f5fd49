import type { ApolloServerPlugin } from '@apollo/server';
import { sayNow } from '../../lib/i18n/messages';
import type { Disclosures } from '../../lib/disclosures';
import type { Logger } from '../../lib/logger';
import type { GatewayContext } from '../context';
import type { AuditEvent } from './chain';
import type { AuditWriter } from './writer';

const refusalCodes = new Set(['FORBIDDEN_AREA', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * One response's events: one per citizen whose records it holds, the subject's refused areas on the
 * subject's own, and a refusal event of its own when nothing of the subject's was shown.
 */
export function auditEvents(
  by: Pick<AuditEvent, 'requestId' | 'callerKind' | 'actorId' | 'operation'>,
  subjectId: string | null,
  shown: ReturnType<Disclosures['perCitizen']>,
  refusedAreas: string[],
): AuditEvent[] {
  const at = new Date().toISOString();
  const event = (fields: Pick<AuditEvent, 'subjectId' | 'areas' | 'entityIds' | 'refusedAreas' | 'purpose'>): AuditEvent => ({
    at,
    ...by,
    outcome: fields.areas.length > 0 ? 'disclosed' : 'refused',
    ...fields,
  });
  const events = shown.map(({ citizen, areas, entityIds, purpose }) =>
    event({ subjectId: citizen, areas, entityIds, refusedAreas: citizen === subjectId ? refusedAreas : [], purpose }),
  );
  if (refusedAreas.length > 0 && !shown.some(({ citizen }) => citizen === subjectId)) {
    events.push(event({ subjectId, areas: [], entityIds: [], refusedAreas, purpose: null }));
  }
  return events;
}

/**
 * Records every disclosure and refusal of a citizen's data before the response is sent, and
 * sends it only once the records are stored. Disclosures are what the subgraphs report they
 * returned, one event per citizen whose records the response holds, whatever root field, alias,
 * fragment or variable produced them. A response whose disclosures cannot be established (a
 * subgraph answered data without saying whose), or whose records cannot be stored, is replaced
 * by AUDIT_UNAVAILABLE (503).
 */
export function auditPlugin(writer: AuditWriter, pseudonym: (cpr: string) => string, logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation }) {
          if (response.body.kind !== 'single' || !operation || !contextValue?.access) return;
          const result = response.body.singleResult;
          const { access, requestId, disclosures } = contextValue;
          const refusedAreas = [
            ...new Set(
              (result.errors ?? [])
                .filter((error) => refusalCodes.has(String(error.extensions?.code)))
                .map((error) => String(error.extensions?.area ?? error.path?.[error.path.length - 1] ?? 'request')),
            ),
          ];
          const subjectId = access.subjectCpr ? pseudonym(access.subjectCpr) : null;
          const by = { requestId, callerKind: access.callerKind, actorId: access.actorId, operation: operation.name?.value ?? null };
          const events = auditEvents(by, subjectId, disclosures.perCitizen(), refusedAreas);
          try {
            if (contextValue.unaccounted) throw Object.assign(new Error('a subgraph did not report its disclosures'), { name: 'UnaccountedDisclosure' });
            // A data export's page: its disclosures stay gathered in the context, recorded as one event once the export is written.
            if (contextValue.backgroundRead) return;
            await Promise.all(events.map((each) => writer.write(each)));
          } catch (error) {
            logger.error({ requestId, err: { type: (error as Error)?.name } }, 'disclosures not recorded; response withheld');
            response.http.status = 503;
            response.body.singleResult = {
              errors: [{ message: sayNow('error.AUDIT_UNAVAILABLE'), extensions: { code: 'AUDIT_UNAVAILABLE' } }],
            };
          }
        },
      };
    },
  };
}
