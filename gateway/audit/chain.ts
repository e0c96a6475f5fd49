import { createHash } from 'node:crypto';

/** One disclosure or refusal of a citizen's data, as recorded. No CPR, no names, no contents. */
export interface AuditEvent {
  at: string;
  requestId: string;
  callerKind: string;
  /** Pseudonymous citizen id, `client:<id>`, `org:<id>` or `staff:<id>`. */
  actorId: string;
  /** Pseudonymous id of the citizen whose data it was. */
  subjectId: string | null;
  operation: string | null;
  areas: string[];
  entityIds: string[];
  refusedAreas: string[];
  outcome: 'disclosed' | 'refused';
  /** Why staff read it: the case reference they gave (verification staff only). */
  purpose?: string | null;
}

export const genesisHash = 'genesis';

/** The advisory lock every writer of the chain holds to commit, on every replica: never change it. */
export const chainLock = 7_262_001;

/** The chain link: each event's hash covers the previous hash and every field, in a fixed order. */
export function chainHash(previous: string, event: AuditEvent): string {
  const fields = [
    event.at,
    event.requestId,
    event.callerKind,
    event.actorId,
    event.subjectId,
    event.operation,
    event.areas,
    event.entityIds,
    event.refusedAreas,
    event.outcome,
    // Appended only when present, so events written before purposes existed still verify.
    ...(event.purpose ? [event.purpose] : []),
  ];
  return createHash('sha256').update(previous).update('|').update(JSON.stringify(fields)).digest('hex');
}
