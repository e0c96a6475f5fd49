import type { SubgraphName } from '../../lib/config';
import { appError } from '../../lib/errors';
import type { Reader, SubgraphContext } from './context';

/** Resolves a Citizen reference only for the citizen the caller acts for. */
export const citizenReference = {
  __resolveReference(reference: { id: string }, context: SubgraphContext): { id: string } {
    if (context.subjectId === null || reference.id !== context.subjectId) throw appError('FORBIDDEN');
    return { id: reference.id };
  },
};

/** Resolves a CitizenContext reference for the citizen and their chatbot only. */
export const citizenContextReference = {
  __resolveReference(reference: { id: string }, context: SubgraphContext): { id: string } {
    context.access('context').requireView();
    return citizenReference.__resolveReference(reference, context);
  },
};

/** `__resolveReference` for an area's entity: batched by id, null where the rules say no. */
export function entityReference<TRecord, TEntity extends object>(area: SubgraphName, toEntity: (record: TRecord, reader: Reader) => TEntity) {
  return {
    async __resolveReference(reference: { id: string }, context: SubgraphContext): Promise<TEntity | null> {
      const access = context.access('overview');
      const record = await access.byId<TRecord>(area, reference.id);
      return record === null ? null : access.present(area, record, toEntity(record, context.reader));
    },
  };
}
