import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CitizenEntity } from '../../lib/citizen';
import { appError } from '../../lib/errors';
import { requireChange } from '../runtime/access';
import { areaFields } from '../runtime/area-fields';
import type { SubgraphContext } from '../runtime/context';
import { citizenContextReference, citizenReference, entityReference } from '../runtime/references';
import { Citizen, CitizenContext } from './citizen.type';
import type { ProxyState } from './proxy-rules';
import { stateOf } from './proxy-state';
import { byValidFromDescending, toProxy, toStatus } from './proxy.mapper';
import { Proxy, ProxyEndReason, ProxyStatus } from './proxy.type';
import { proxiesIndex, proxiesResponseSchema } from './upstream.contract';

/** What a proxy id in Digital Fuldmagt looks like; anything else is refused before it is asked. */
export const proxyIdShape = /^[A-Za-z0-9-]{1,64}$/;

/** A reference, not prose: no room for a name or a note about the citizen in the audit trail. */
const casePurpose = /^[A-Za-z0-9][A-Za-z0-9./-]{2,39}$/;

/** `me` lives here because who acts for whom, and who the citizen is, are this subgraph's subject. */
@Resolver()
export class MeResolver {
  @Query(() => Citizen, {
    description: 'The citizen the token is for: the caller, the citizen a proxy holder acts for, or the citizen whose consent an external service holds.',
  })
  me(@Ctx() context: SubgraphContext): CitizenEntity {
    // Chatbots, partners and staff have queries of their own and never the overview; an external
    // service reads it on the citizen's consent, limited to the consented areas.
    const actsForCitizen = context.caller.callerKind === 'citizen' || context.caller.callerKind === 'proxy' || context.caller.callerKind === 'service';
    if (!actsForCitizen || context.subjectId === null) {
      throw appError('FORBIDDEN', { detail: 'error.overviewNotForToken' });
    }
    return { id: context.subjectId };
  }

  @Query(() => Citizen, {
    description:
      "For a municipality's verification staff: the citizen named by `cpr`, showing only the municipality's own records, activated or not (read-only). Send the CPR in the variables.",
  })
  verificationCitizen(
    @Ctx() context: SubgraphContext,
    @Arg('cpr', { description: "The citizen's CPR number." }) cpr: string,
    @Arg('purpose', { description: 'Why you read these records: the case or task reference (3-40 letters, digits, `.`, `/`, `-`), kept in the audit trail and shown to the citizen.' })
    purpose: string,
  ): CitizenEntity {
    if (context.caller.callerKind !== 'staff' || context.caller.subjectCpr !== cpr || context.subjectId === null) {
      throw appError('FORBIDDEN', { detail: 'error.verificationStaffOnly' });
    }
    if (!casePurpose.test(purpose)) throw appError('BAD_USER_INPUT', { detail: 'error.purposeShape' });
    context.disclosures.because(context.subjectId, purpose);
    return { id: context.subjectId };
  }

  @Query(() => CitizenContext, {
    description: "For a chatbot on the citizen's delegation (or the citizen): a compact, plain-language summary.",
  })
  citizenContext(@Ctx() context: SubgraphContext): CitizenEntity {
    context.access('context').requireView();
    return { id: context.subjectId! };
  }
}

export const CitizenProxiesResolver = areaFields({
  area: 'proxies',
  citizen: Citizen,
  entity: Proxy,
  toEntity: toProxy,
  order: byValidFromDescending,
  description:
    'Proxies that let others act for the citizen, newest first. Null with an error when the caller may not see proxies or Digital Fuldmagt cannot answer.',
});

@Resolver(() => Citizen)
export class CitizenAddressResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The citizen's address in the CPR register. A protected address (name and address protection) is shown to the citizen alone: null for anyone acting for them.",
  })
  address(@Ctx() context: SubgraphContext): Promise<string | null> {
    return context.access('overview').ownAddress();
  }
}

/** Where each of the citizen's own proxies stands, worked out once per proxy and request. */
@Resolver(() => Proxy)
export class ProxyStatusResolver {
  private static state(proxy: Proxy, context: SubgraphContext): Promise<ProxyState> {
    // Every Proxy shown is one the subject granted (lists, references and changes are the subject's).
    return stateOf(context, { ...proxy.facts, fuldmagtsgiver: { cpr: context.caller.subjectCpr ?? '' } });
  }

  @FieldResolver(() => ProxyStatus, { description: 'Where it stands today: pending until the holder accepts it, then in force, and at last ended.' })
  async status(@Root() proxy: Proxy, @Ctx() context: SubgraphContext): Promise<ProxyStatus> {
    return toStatus(await ProxyStatusResolver.state(proxy, context), context.reader.language).status;
  }

  @FieldResolver(() => String, { description: '`status` in plain words, in the language asked for.' })
  async statusText(@Root() proxy: Proxy, @Ctx() context: SubgraphContext): Promise<string> {
    return toStatus(await ProxyStatusResolver.state(proxy, context), context.reader.language).statusText;
  }

  @FieldResolver(() => ProxyEndReason, { nullable: true, description: 'Why it ended (revoked, declined by the holder, expired, its case closed); null unless ENDED.' })
  async endReason(@Root() proxy: Proxy, @Ctx() context: SubgraphContext): Promise<ProxyEndReason | null> {
    return toStatus(await ProxyStatusResolver.state(proxy, context), context.reader.language).endReason;
  }

  @FieldResolver(() => String, { nullable: true, description: '`endReason` in plain words, in the language asked for.' })
  async endReasonText(@Root() proxy: Proxy, @Ctx() context: SubgraphContext): Promise<string | null> {
    return toStatus(await ProxyStatusResolver.state(proxy, context), context.reader.language).endReasonText;
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
    @Ctx() context: SubgraphContext,
    @Arg('id', () => ID, { description: "The proxy's id." }) id: string,
  ): Promise<Proxy> {
    requireChange(context.caller);
    const access = context.access('overview');
    access.requireArea('proxies');
    const cpr = context.caller.subjectCpr;
    if (context.caller.callerKind !== 'citizen' || !cpr || !context.subjectId) throw appError('FORBIDDEN');
    // Checked before the index is asked: a malformed id is the caller's mistake, not an index fault.
    if (!proxyIdShape.test(id)) throw appError('BAD_USER_INPUT', { detail: 'error.proxyIdShape' });
    const { fuldmagter } = await context.changes.post(proxiesIndex.revoke, { fuldmagtId: id, cpr }, proxiesResponseSchema, {
      idempotent: false,
    });
    if (fuldmagter.length === 0) throw appError('NOT_FOUND');
    // The cached list of proxies would still show it in force.
    await context.forget();
    access.reveal('proxies', [fuldmagter[0].fuldmagtId]);
    return toProxy(fuldmagter[0], context.reader);
  }
}
