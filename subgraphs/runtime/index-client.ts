import DataLoader from 'dataloader';
import type { z } from 'zod';
import type { Cached, CachePolicy, IndexCache } from '../../lib/cache/index-cache';
import type { Area } from '../../lib/errors';
import { maxBatchSize } from '../../lib/list';
import { loaderBatchSize } from '../../lib/metrics';
import type { Upstream } from '../../lib/upstream';
import type { RecordTraits } from './access';

/**
 * A field of the public entity that points at another area's record. The link is shown only when
 * the caller may see that record; with `inherits`, the record belongs to it and takes on its KLE,
 * its case and its visibility (a payment is as visible as its benefit, a benefit as its case).
 */
export interface Link<R> {
  field: string;
  area: Area;
  idOf(record: R): string | null;
  inherits: boolean;
}

/**
 * What the access rules must know of an area's records, whoever serves them: how to read a
 * record's id and owner, what the rules look at, and what it links to.
 */
export interface IndexDescription<R> {
  name: Area;
  idOf(record: R): string;
  /** CPR of the citizen the record belongs to (primary party, recipient, principal). */
  ownerOf(record: R): string;
  /** What the access rules (bound case, activation, age, sharing) look at in the record itself. */
  traits(record: R): RecordTraits;
  links: Link<R>[];
  /** Entity fields holding an address, as `[object field, address key]` (an appointment's location). */
  addresses?: [string, string][];
}

/**
 * A national index with the two calls every one of them has: where to search by citizen, where to
 * look records up in batches, and the answer's shape. Written once, in `IndexClient`.
 */
export interface IndexContract<R> extends IndexDescription<R> {
  paths: { search: string; batch: string };
  response: z.ZodType<R[], unknown>;
}

/** How current a citizen's records are, per source system where an area has several. */
export interface SourceFreshness {
  system: string;
  asOf: number | null;
  stale: boolean;
  /** The system did not answer, and nothing of it was cached: its records are missing. */
  failed: boolean;
}

/** A citizen's records of one area, as one search gave them. */
export interface Searched<R> extends Cached<R[]> {
  /** Per source system, for an area gathered from several (appointments). */
  sources?: SourceFreshness[];
  /** Records the sources delivered that could not be read, or came from no configured system: dropped, and counted here. */
  unreadable?: number;
}

/** Where an area's records come from: one national index (`IndexClient`), or several systems behind one area. */
export interface RecordSource<R> {
  readonly index: IndexDescription<R>;
  search(cpr: string, deadline: number): Promise<Searched<R>>;
  /** Records by id, the subject's search (when cached) answering what it can. */
  byIds(ids: readonly string[], searched: R[], deadline: number): Promise<R[]>;
  /** Whether a search's answer is cached, and so worth reusing for look-ups by id. */
  readonly caches: boolean;
  forget(subjectCpr: string): Promise<void>;
}

export interface IndexCaching {
  cache: IndexCache;
  policy: CachePolicy;
}

const isEmptyList = (records: unknown[]) => records.length === 0;

/**
 * One index, as every request of a subgraph process sees it: its upstream calls, and in front of
 * the search the shared cache (when on). Holds no per-request or per-caller state.
 */
export class IndexClient<R> implements RecordSource<R> {
  constructor(
    private readonly upstream: Upstream,
    readonly index: IndexContract<R>,
    private readonly caching: IndexCaching | null,
  ) {}

  private get area(): Area {
    return this.index.name;
  }

  private fetchSearch(cpr: string, deadline: number): Promise<R[]> {
    return this.upstream.post(this.index.paths.search, { cpr }, this.index.response, { deadline });
  }

  /** The citizen's records, with how old they are and whether they are a stale fallback. */
  async search(cpr: string, deadline: number): Promise<Cached<R[]>> {
    if (!this.caching) return { value: await this.fetchSearch(cpr, deadline), asOf: Date.now(), stale: false };
    const { cache, policy } = this.caching;
    return cache.read(this.area, cache.key(this.area, 'search', cpr), policy, () => this.fetchSearch(cpr, deadline), isEmptyList);
  }

  /**
   * Records by id for one subject. With the cache on, the subject's search answers them (a
   * benefit's case is one of the citizen's cases); the caller passes the search it already holds
   * for this request, so the index is searched once however many look-ups join it. Only ids the
   * search lacks go to the index's batch look-up.
   */
  async byIds(ids: readonly string[], searched: R[], deadline: number): Promise<R[]> {
    loaderBatchSize.observe({ index: this.area }, ids.length);
    const known = new Map(searched.map((record) => [this.index.idOf(record), record]));
    const found = ids.flatMap((id) => known.get(id) ?? []);
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length === 0) return found;
    return [...found, ...(await this.upstream.post(this.index.paths.batch, { ider: missing }, this.index.response, { deadline }))];
  }

  /** Whether a search's answer is cached, and so worth reusing for look-ups by id. */
  get caches(): boolean {
    return this.caching !== null;
  }

  /** Forgets the subject's cached answers after a change made through the graph. */
  async forget(subjectCpr: string): Promise<void> {
    if (this.caching) await this.caching.cache.invalidate([this.caching.cache.key(this.area, 'search', subjectCpr)]);
  }
}

export interface AreaLoaders<R> {
  /** The subject's records; one search per request however often it is asked. */
  mine(): Promise<R[]>;
  /** The whole search: how old `mine()` is, whether it is served stale because the index failed, per source, and what was dropped. */
  searched(): Promise<Searched<R>>;
  /** Records by id, batched into one call per tick; another citizen's record is null. */
  byId: DataLoader<string, R | null>;
  /** Drops the subject's cached answers after a change made through the graph. */
  forget(): Promise<void>;
}

/**
 * Created per request for one subject, never shared across callers. `batching: false` exists
 * only to measure the naive baseline: one upstream call per id.
 */
export function createAreaLoaders<R>(
  client: RecordSource<R>,
  subjectCpr: string,
  deadline: number,
  batching = true,
): AreaLoaders<R> {
  const { idOf, ownerOf } = client.index;
  let searched: Promise<Searched<R>> | undefined;
  const search = () => (batching ? (searched ??= client.search(subjectCpr, deadline)) : client.search(subjectCpr, deadline));
  return {
    mine: async () => (await search()).value,
    searched: search,
    byId: new DataLoader<string, R | null>(
      async (ids) => {
        const found = new Map<string, R>();
        const held = client.caches ? (await search()).value : [];
        for (const record of await client.byIds(ids, held, deadline)) {
          if (ownerOf(record) === subjectCpr) found.set(idOf(record), record);
        }
        return ids.map((id) => found.get(id) ?? null);
      },
      { maxBatchSize, batch: batching, cache: batching },
    ),
    forget: () => {
      searched = undefined;
      return client.forget(subjectCpr);
    },
  };
}
