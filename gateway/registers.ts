import { personIndex, personsResponseSchema, type WirePerson } from '../lib/person.contract';
import type { Upstream } from '../lib/upstream';
import { casesIndex, casesResponseSchema, type WireCase } from '../subgraphs/cases/upstream.contract';
import { proxiesIndex, proxiesResponseSchema, type WireProxy } from '../subgraphs/proxies/upstream.contract';

/**
 * The national registers the gateway itself reads (the subgraphs read their own): Digital
 * Fuldmagt for whom a citizen has given a proxy, the CPR register for persons and custody, the
 * case index for whether a bound case is still open. CPR numbers go in the bodies only.
 */
export interface Registers {
  proxiesOf(subjectCpr: string, deadline: number): Promise<WireProxy[]>;
  persons(cprs: string[], deadline: number): Promise<WirePerson[]>;
  cases(ids: string[], deadline: number): Promise<WireCase[]>;
}

export function registers(upstreams: { proxies: Pick<Upstream, 'post'>; persons: Pick<Upstream, 'post'>; cases: Pick<Upstream, 'post'> }): Registers {
  return {
    proxiesOf: async (subjectCpr, deadline) =>
      (await upstreams.proxies.post(proxiesIndex.search, { cpr: subjectCpr }, proxiesResponseSchema, { deadline })).fuldmagter,
    persons: async (cprs, deadline) =>
      cprs.length === 0 ? [] : (await upstreams.persons.post(personIndex.batch, { ider: cprs }, personsResponseSchema, { deadline })).personer,
    cases: async (ids, deadline) => (ids.length === 0 ? [] : (await upstreams.cases.post(casesIndex.batch, { ider: ids }, casesResponseSchema, { deadline })).sager),
  };
}
