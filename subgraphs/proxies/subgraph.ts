import type { SubgraphDefinition } from '../runtime/server';
import { Citizen, CitizenContext } from './citizen.type';
import { proxyIndex } from './proxy.index';
import { GrantProxyResolver } from './grant.resolver';
import { HeldProxiesResolver } from './held-proxy.resolver';
import { CitizenAddressResolver, CitizenProxiesResolver, MeResolver, ProxyStatusResolver, proxyReferences, RevokeProxyResolver } from './proxy.resolver';
import { Proxy } from './proxy.type';
import { RepresentationsResolver } from './representation.resolver';
import type { WireProxy } from './upstream.contract';

export const proxiesSubgraph: SubgraphDefinition<WireProxy> = {
  name: 'proxies',
  index: proxyIndex,
  resolvers: [
    MeResolver,
    CitizenProxiesResolver,
    CitizenAddressResolver,
    ProxyStatusResolver,
    RevokeProxyResolver,
    GrantProxyResolver,
    RepresentationsResolver,
    HeldProxiesResolver,
  ],
  entities: [Citizen, CitizenContext, Proxy],
  references: proxyReferences,
};
