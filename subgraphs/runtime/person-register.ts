import type { IndexCaching } from './index-client';
import { personIndex, personsResponseSchema, type WirePerson } from '../../lib/person.contract';
import type { Upstream } from '../../lib/upstream';

const isEmptyList = (records: unknown[]) => records.length === 0;

/**
 * The CPR register, read for the one fact the rules need from it: the citizen's address and
 * whether it is protected. Through the same sealed cache as the indexes.
 */
export class PersonRegister {
  constructor(
    private readonly upstream: Upstream,
    private readonly caching: IndexCaching | null,
  ) {}

  async find(cpr: string, deadline: number): Promise<WirePerson | null> {
    const fetch = async () => (await this.upstream.post(personIndex.batch, { ider: [cpr] }, personsResponseSchema, { deadline })).personer;
    const persons = this.caching
      ? (await this.caching.cache.read('person', this.caching.cache.key('person', 'lookup', cpr), this.caching.policy, fetch, isEmptyList)).value
      : await fetch();
    return persons.find((person) => person.cpr === cpr) ?? null;
  }
}
