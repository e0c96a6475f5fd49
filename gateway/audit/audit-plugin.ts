import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import { errorCodes } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { GatewayContext } from '../context';
import type { AuditEvent } from './chain';
import { readDisclosure } from './disclosure';
import type { AuditWriter } from './writer';

const refusalCodes = new Set(['FORBIDDEN_AREA', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * Records every disclosure and refusal of a citizen's data from the response about to be sent,
 * and sends it only once the record is stored: if the audit store is down, the client gets
 * AUDIT_UNAVAILABLE (503) instead of the data.
 */
export function auditPlugin(writer: AuditWriter, pseudonym: (cpr: string) => string, logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation, document, request }) {
          if (response.body.kind !== 'single' || !operation || !document || !contextValue?.access) return;
          const result = response.body.singleResult;
          const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);
          const disclosure = readDisclosure(operation, fragments, result.data as Record<string, unknown> | null);
          const refusedAreas = [
            ...new Set(
              (result.errors ?? [])
                .filter((error) => refusalCodes.has(String(error.extensions?.code)))
                .map((error) => String(error.extensions?.area ?? error.path?.[error.path.length - 1] ?? 'request')),
            ),
          ];
          if (disclosure.areas.length === 0 && refusedAreas.length === 0) return;

          const { access, requestId } = contextValue;
          const namedCitizen = typeof request.variables?.cpr === 'string' ? request.variables.cpr : null;
          const subjectCpr = access.subjectCpr ?? namedCitizen;
          const event: AuditEvent = {
            at: new Date().toISOString(),
            requestId,
            callerKind: access.callerKind,
            actorId: access.actorId,
            subjectId: subjectCpr ? pseudonym(subjectCpr) : null,
            operation: operation.name?.value ?? null,
            areas: disclosure.areas,
            entityIds: disclosure.entityIds,
            refusedAreas,
            outcome: disclosure.areas.length > 0 ? 'disclosed' : 'refused',
          };
          try {
            await writer.write(event);
          } catch (error) {
            logger.error({ requestId, err: { type: (error as Error)?.name } }, 'audit store unavailable; response withheld');
            response.http.status = 503;
            response.body.singleResult = {
              errors: [{ message: errorCodes.AUDIT_UNAVAILABLE.message, extensions: { code: 'AUDIT_UNAVAILABLE' } }],
            };
          }
        },
      };
    },
  };
}
