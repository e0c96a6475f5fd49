import { appError } from './errors';
import { maxBatchSize } from './area-index';

/** Lists that can grow are bounded: `first` defaults to 100 and may not exceed the index limit. */
export const defaultListSize = 100;

export function firstN<T>(items: readonly T[], first: number): T[] {
  if (!Number.isInteger(first) || first < 0 || first > maxBatchSize) {
    throw appError('BAD_USER_INPUT', { message: `"first" must be between 0 and ${maxBatchSize}.` });
  }
  return items.slice(0, first);
}
