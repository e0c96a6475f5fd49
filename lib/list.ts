import { appError } from './errors';

/** The indexes' own batch limit (and KOMBIT's page limit). */
export const maxBatchSize = 500;

/** Lists that can grow are bounded: `first` defaults to 100 and may not exceed the index limit. */
export const defaultListSize = 100;

export function firstN<T>(items: readonly T[], first: number): T[] {
  if (!Number.isInteger(first) || first < 0 || first > maxBatchSize) {
    throw appError('BAD_USER_INPUT', { detail: 'error.firstRange', params: { min: 0, max: maxBatchSize } });
  }
  return items.slice(0, first);
}

/**
 * The items after the one whose id is `after` (a page's last id, the cursor for the next page);
 * all of them when `after` is null. An id the list does not hold is refused: the client's list
 * changed or the cursor is not one of ours.
 */
export function afterId<T>(items: readonly T[], after: string | null | undefined, idOf: (item: T) => string): readonly T[] {
  if (after === null || after === undefined) return items;
  const at = items.findIndex((item) => idOf(item) === after);
  if (at < 0) throw appError('BAD_USER_INPUT', { detail: 'error.afterUnknown' });
  return items.slice(at + 1);
}
