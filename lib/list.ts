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
