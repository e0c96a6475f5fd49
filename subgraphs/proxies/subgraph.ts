import { areaStatusResolver } from '../../lib/area-status';
import { Citizen, CitizenContext } from './citizen.type';
import type { SubgraphDefinition } from '../../lib/subgraph';
import { proxyIndex } from './proxy.index';
import { CitizenProxiesResolver, MeResolver, proxyReferences, RevokeProxyResolver } from './proxy.resolver';
import { Proxy } from './proxy.type';
import type { WireProxy } from './upstream.contract';

export const proxiesSubgraph: SubgraphDefinition<WireProxy> = {
  name: 'proxies',
  index: proxyIndex,
  resolvers: [areaStatusResolver(Citizen, 'proxies'), MeResolver, CitizenProxiesResolver, RevokeProxyResolver],
  entities: [Citizen, CitizenContext, Proxy],
  references: proxyReferences,
};
