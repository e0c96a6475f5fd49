import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CitizenEntity } from '../../lib/citizen';
import { Citizen, CitizenContext } from './citizen.type';
import { appError } from '../../lib/errors';
import { defaultListSize } from '../../lib/list';
import {
  citizenContextReference,
  citizenReference,
  entityReference,
  ownList,
  requireArea,
  requireCitizenContextReader,
  type SubgraphContext,
} from '../../lib/subgraph';
import { byValidFromDescending, toProxy } from './proxy.mapper';
import { Proxy } from './proxy.type';
import { proxiesIndex, proxiesResponseSchema, type WireProxy } from './upstream.contract';

type Context = SubgraphContext<WireProxy>;

/** `me` lives here because who acts for whom is this subgraph's subject. */
@Resolver()
export class MeResolver {
  @Query(() => Citizen, {
    description: 'The citizen the token is for: the caller, or the citizen a proxy holder acts for.',
  })
  me(@Ctx() context: Context): CitizenEntity {
    // Chatbots, partners and staff have queries of their own and never the overview.
    const actsForCitizen = context.caller.callerKind === 'citizen' || context.caller.callerKind === 'proxy';
    if (!actsForCitizen || context.subjectId === null) {
      throw appError('FORBIDDEN', { message: 'This token cannot read a citizen overview; use the query made for it.' });
    }
    return { id: context.subjectId };
  }

  @Query(() => Citizen, {
    description:
      "For a municipality's verification staff: the citizen named by `cpr`, showing only the municipality's own records, activated or not (read-only). Send the CPR in the variables.",
  })
  verificationCitizen(@Ctx() context: Context, @Arg('cpr', { description: "The citizen's CPR number." }) cpr: string): CitizenEntity {
    if (context.caller.callerKind !== 'staff' || context.caller.subjectCpr !== cpr || context.subjectId === null) {
      throw appError('FORBIDDEN', { message: 'Only verification staff may use this, with the CPR number in the variable `cpr`.' });
    }
    return { id: context.subjectId };
  }

  @Query(() => CitizenContext, {
    description: "For a chatbot on the citizen's delegation (or the citizen): a compact, plain-language summary.",
  })
  citizenContext(@Ctx() context: Context): CitizenEntity {
    requireCitizenContextReader(context);
    return { id: context.subjectId! };
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
  CitizenContext: citizenContextReference,
  Proxy: entityReference('proxies', toProxy),
};

@Resolver()
export class RevokeProxyResolver {
  @Mutation(() => Proxy, {
    description:
      'Revokes one of your proxies at once. Only the citizen who granted it may revoke it, not someone acting for them.',
  })
  async revokeProxy(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The proxy's id." }) id: string,
  ): Promise<Proxy> {
    requireArea(context, 'proxies');
    const cpr = context.caller.subjectCpr;
    if (context.caller.callerKind !== 'citizen' || !cpr || !context.subjectId) throw appError('FORBIDDEN');
    const { fuldmagter } = await context.upstream.post(proxiesIndex.revoke, { fuldmagtId: id, cpr }, proxiesResponseSchema, {
      idempotent: false,
    });
    if (fuldmagter.length === 0) throw appError('NOT_FOUND');
    // The cached list of proxies would still show it in force.
    await context.records.forget();
    return toProxy(fuldmagter[0], context.subjectId);
  }
}
