import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { appError } from '../../lib/errors';
import { defaultListSize, firstN } from '../../lib/list';
import { holderOf, requireChange } from '../runtime/access';
import type { SubgraphContext } from '../runtime/context';
import type { ProxyState } from './proxy-rules';
import { stateOf } from './proxy-state';
import { heldOrder, toHeldProxy } from './proxy.mapper';
import { proxyIdShape } from './proxy.resolver';
import { HeldProxy, ProxyStatus } from './proxy.type';
import { proxiesIndex, proxiesResponseSchema, type WireProxy } from './upstream.contract';

/** The proxies the caller holds, on its own login: a person by CPR, an organisation by CVR. */
async function heldBy(context: SubgraphContext): Promise<{ holder: string; proxies: WireProxy[] }> {
  const holder = holderOf(context.caller);
  const type = context.caller.callerKind === 'organisation' ? 'ORGANISATION' : 'PERSON';
  const { fuldmagter } = await context.upstream.post(proxiesIndex.searchByHolder, { haverId: holder }, proxiesResponseSchema);
  return { holder, proxies: fuldmagter.filter((proxy) => proxy.fuldmagtshaver.type === type && proxy.fuldmagtshaver.id === holder) };
}

/** One held proxy as the holder is shown it; the principal's name and proxy are recorded against the principal. */
async function present(context: SubgraphContext, proxy: WireProxy, state: ProxyState): Promise<HeldProxy> {
  const principal = proxy.fuldmagtsgiver.cpr;
  const citizenId = context.pseudonym(principal);
  const name = (await context.person(principal))?.navn ?? '';
  context.disclosures.add(citizenId, 'proxies', [proxy.fuldmagtId]);
  return toHeldProxy(proxy, state, { citizenId, name }, context.reader.language);
}

/** A held proxy by id, with where it stands; NOT_FOUND when the caller does not hold it. */
async function heldProxy(context: SubgraphContext, id: string): Promise<{ holder: string; proxy: WireProxy; state: ProxyState }> {
  // Checked before the index is asked: a malformed id is the caller's mistake, not an index fault.
  if (!proxyIdShape.test(id)) throw appError('BAD_USER_INPUT', { detail: 'error.proxyIdShape' });
  const { holder, proxies } = await heldBy(context);
  const proxy = proxies.find((candidate) => candidate.fuldmagtId === id);
  if (!proxy) throw appError('NOT_FOUND');
  return { holder, proxy, state: await stateOf(context, proxy) };
}

/** The holder's answer, written to Digital Fuldmagt; the principal's cached proxies are dropped, they changed. */
async function answer(context: SubgraphContext, path: string, id: string, holder: string): Promise<WireProxy> {
  const { fuldmagter } = await context.changes.post(path, { fuldmagtId: id, haverId: holder }, proxiesResponseSchema, { idempotent: true });
  const answered = fuldmagter[0];
  if (!answered) throw appError('NOT_FOUND');
  await context.forget(answered.fuldmagtsgiver.cpr);
  return answered;
}

/**
 * The holder's side of a proxy, on their own login (a person as themself, an organisation by
 * CVR), like `myRepresentations`: what was granted to them, to accept or decline, and what ended
 * and why. Acting for the citizen then goes through the gateway's grant check as for any proxy.
 */
@Resolver()
export class HeldProxiesResolver {
  @Query(() => [HeldProxy], {
    description:
      'For a person or an organisation logged in as themselves: the proxies granted to them, pending ones (to accept or decline) first, then those in force, not yet in force, and ended (with why). `status` keeps one kind only, e.g. PENDING.',
  })
  async myHeldProxies(
    @Ctx() context: SubgraphContext,
    @Arg('status', () => ProxyStatus, { nullable: true, description: 'Only proxies in this state.' }) status: ProxyStatus | null | undefined,
    @Arg('first', () => Int, { defaultValue: defaultListSize, description: 'At most this many (0-500).' }) first: number,
  ): Promise<HeldProxy[]> {
    firstN([], first);
    const { proxies } = await heldBy(context);
    const judged = await Promise.all(proxies.map(async (proxy) => ({ proxy, state: await stateOf(context, proxy) })));
    const kept = judged.filter(({ state }) => status == null || state.status === status);
    // Ordered without names, so only what is returned is looked up and recorded.
    const ordered = firstN(
      kept.sort((a, b) => heldOrder({ status: a.state.status, validFrom: a.proxy.gyldigFra, id: a.proxy.fuldmagtId }, { status: b.state.status, validFrom: b.proxy.gyldigFra, id: b.proxy.fuldmagtId })),
      first,
    );
    return Promise.all(ordered.map(({ proxy, state }) => present(context, proxy, state)));
  }

  @Mutation(() => HeldProxy, {
    description:
      'Accepts a proxy granted to you, on your own login: from then on (and from its first day) you may act for the citizen with it. Accepting one you already accepted changes nothing; an ended one cannot be accepted.',
  })
  async acceptProxy(@Ctx() context: SubgraphContext, @Arg('id', () => ID, { description: "The proxy's id." }) id: string): Promise<HeldProxy> {
    requireChange(context.caller);
    const { holder, proxy, state } = await heldProxy(context, id);
    if (state.status === 'ENDED') throw appError('BAD_USER_INPUT', { detail: 'error.proxyEnded' });
    if (state.status !== 'PENDING') return present(context, proxy, state);
    const accepted = await answer(context, proxiesIndex.accept, id, holder);
    // Revoked between the look-up and the answer: Digital Fuldmagt left it as it was.
    if (accepted.accepteret === null) throw appError('BAD_USER_INPUT', { detail: 'error.proxyEnded' });
    return present(context, accepted, await stateOf(context, accepted));
  }

  @Mutation(() => HeldProxy, {
    description: 'Declines a proxy granted to you that you have not accepted, on your own login: it then never comes into force, and the citizen sees it declined.',
  })
  async declineProxy(@Ctx() context: SubgraphContext, @Arg('id', () => ID, { description: "The proxy's id." }) id: string): Promise<HeldProxy> {
    requireChange(context.caller);
    const { holder, state } = await heldProxy(context, id);
    if (state.status !== 'PENDING') throw appError('BAD_USER_INPUT', { detail: 'error.proxyNotPending' });
    const declined = await answer(context, proxiesIndex.decline, id, holder);
    if (declined.afvist === null) throw appError('BAD_USER_INPUT', { detail: 'error.proxyNotPending' });
    return present(context, declined, await stateOf(context, declined));
  }
}
