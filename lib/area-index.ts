import DataLoader from 'dataloader';
import type { z } from 'zod';
import type { Area } from './errors';
import type { Upstream } from './upstream';

/**
 * What a subgraph must say about its national index for the shared client and loaders to serve
 * it: where to search by citizen, where to look records up in batches, and how to read a record's
 * id and owner. Every index has the same two calls, so this is written once.
 */
export interface IndexDescription<R> {
  /** The contract's paths: search by citizen, batch look-up by ids. */
  paths: { name: Area; search: string; batch: string };
  response: z.ZodType<R[], unknown>;
  idOf(record: R): string;
  /** CPR of the citizen the record belongs to (primary party, recipient, principal). */
  ownerOf(record: R): string;
}

/** The index's own batch limit (and KOMBIT's page limit). */
export const maxBatchSize = 500;

export class IndexClient<R> {
  constructor(
    private readonly upstream: Upstream,
    readonly index: IndexDescription<R>,
  ) {}

  search(cpr: string): Promise<R[]> {
    return this.upstream.post(this.index.paths.search, { cpr }, this.index.response);
  }

  byIds(ids: readonly string[]): Promise<R[]> {
    return this.upstream.post(this.index.paths.batch, { ider: ids }, this.index.response);
  }
}

export interface AreaLoaders<R> {
  /** The subject's records; one upstream search per request however often it is asked. */
  mine(): Promise<R[]>;
  /** Records by id, batched into one upstream call per tick; another citizen's record is null. */
  byId: DataLoader<string, R | null>;
}

/** Created per request for one subject, never shared across callers. */
export function createAreaLoaders<R>(client: IndexClient<R>, subjectCpr: string): AreaLoaders<R> {
  const { idOf, ownerOf } = client.index;
  let mine: Promise<R[]> | undefined;
  return {
    mine: () => (mine ??= client.search(subjectCpr)),
    byId: new DataLoader<string, R | null>(
      async (ids) => {
        const found = new Map<string, R>();
        for (const record of await client.byIds(ids)) {
          if (ownerOf(record) === subjectCpr) found.set(idOf(record), record);
        }
        return ids.map((id) => found.get(id) ?? null);
      },
      { maxBatchSize },
    ),
  };
}
