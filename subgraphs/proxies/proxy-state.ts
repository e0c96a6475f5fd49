import DataLoader from 'dataloader';
import { danishDate } from '../../lib/danish-date';
import type { Disclosures } from '../../lib/disclosures';
import { maxBatchSize } from '../../lib/list';
import type { WireCase } from '../cases/upstream.contract';
import type { SubgraphContext } from '../runtime/context';
import { stateOn, type Lifecycle, type ProxyState } from './proxy-rules';

/** Per request (one `Disclosures` each): the cases case-bound proxies depend on, in one batch. */
const boundCases = new WeakMap<Disclosures, DataLoader<string, WireCase | null>>();

function boundCaseLoader(context: SubgraphContext): DataLoader<string, WireCase | null> {
  let loader = boundCases.get(context.disclosures);
  if (!loader) {
    loader = new DataLoader(
      async (ids: readonly string[]) => {
        // Whether the case is still open and still the principal's is all that is read of it: never shown.
        const found = new Map(((await context.batch('cases', [...ids])) as WireCase[]).map((record) => [record.sagId, record]));
        return ids.map((id) => found.get(id) ?? null);
      },
      { maxBatchSize },
    );
    boundCases.set(context.disclosures, loader);
  }
  return loader;
}

/**
 * Where a proxy stands today by `stateOn` (proxy-rules.ts), its case looked up when it is bound
 * to one: the same rules the gateway grants by, told to the principal and the holder alike.
 */
export async function stateOf(context: SubgraphContext, proxy: Lifecycle): Promise<ProxyState> {
  const boundCase = proxy.sagId === null ? null : await boundCaseLoader(context).load(proxy.sagId);
  return stateOn(proxy, danishDate(context.today), boundCase);
}
