import { Arg, Ctx, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import type { CitizenEntity } from '../../lib/citizen';
import { Citizen } from './citizen.type';
import { appError } from '../../lib/errors';
import { defaultListSize } from '../../lib/list';
import { citizenReference, entityReference, ownList, type SubgraphContext } from '../../lib/subgraph';
import { byValidFromDescending, toProxy } from './proxy.mapper';
import { Proxy } from './proxy.type';
import type { WireProxy } from './upstream.contract';

type Context = SubgraphContext<WireProxy>;

/** `me` lives here because who acts for whom is this subgraph's subject. */
@Resolver()
export class MeResolver {
  @Query(() => Citizen, {
    description: 'The citizen the token is for: the caller, or the citizen a proxy holder acts for.',
  })
  me(@Ctx() context: Context): CitizenEntity {
    if (context.subjectId === null) throw appError('FORBIDDEN');
    return { id: context.subjectId };
  }
}

@Resolver(() => Citizen)
export class CitizenProxiesResolver {
  @FieldResolver(() => [Proxy], {
    nullable: true,
    description:
      'Proxies that let others act for the citizen, newest first. Null with an error when the caller may not see proxies or Digital Fuldmagt cannot answer.',
  })
  proxies(
    @Ctx() context: Context,
    @Arg('first', () => Int, { defaultValue: defaultListSize, description: 'At most this many (0-500).' })
    first: number,
  ): Promise<Proxy[]> {
    return ownList(context, 'proxies', toProxy, byValidFromDescending, first);
  }
}

export const proxyReferences = {
  Citizen: citizenReference,
  Proxy: entityReference('proxies', toProxy),
};
