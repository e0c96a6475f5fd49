import type { SubgraphDefinition } from '../runtime/server';
import { Citizen, CitizenContext } from './citizen.type';
import { proxyIndex } from './proxy.index';
import { CitizenAddressResolver, CitizenProxiesResolver, MeResolver, proxyReferences, RevokeProxyResolver } from './proxy.resolver';
import { Proxy } from './proxy.type';
import { RepresentationsResolver } from './representation.resolver';
import type { WireProxy } from './upstream.contract';

export const proxiesSubgraph: SubgraphDefinition<WireProxy> = {
  name: 'proxies',
  index: proxyIndex,
  resolvers: [MeResolver, CitizenProxiesResolver, CitizenAddressResolver, RevokeProxyResolver, RepresentationsResolver],
  entities: [Citizen, CitizenContext, Proxy],
  references: proxyReferences,
};
